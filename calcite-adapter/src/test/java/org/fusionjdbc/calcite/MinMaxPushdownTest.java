package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.fusionjdbc.client.query.SortKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MIN/MAX pushdown ({@link MinMaxRule}): every query returns what it returns with pushdown off, and the journal
 * shows how many requests it cost: one {@code limit=1} request per pushed call, or a full read when not pushed.
 */
class MinMaxPushdownTest {
  private static InMemoryFusionClient client;
  private static Connection on;
  private static Connection off;

  /** {@code requests}: calls the fixture sees; {@code firstRows}: how many of them are orderBy + limit=1. */
  record Case(String sql, int requests, int firstRows) {
    @Override
    public String toString() {
      return requests + " req, " + firstRows + " first-row: " + sql;
    }
  }

  static List<Case> cases() {
    String t = " from fscm.invoices";
    return List.of(
        new Case("select min(\"InvoiceId\"), max(\"InvoiceId\")" + t, 2, 2),
        new Case("select max(\"InvoiceId\") as hi, min(\"InvoiceId\") as lo" + t, 2, 2),
        new Case("select min(\"InvoiceId\")" + t, 1, 1),
        new Case("select min(distinct \"InvoiceId\")" + t, 1, 1),
        new Case("select min(\"InvoiceId\"), max(\"InvoiceId\")" + t + " where \"SupplierId\" = 3", 2, 2),
        new Case("select min(\"InvoiceDate\"), max(\"InvoiceDate\")" + t + " where \"InvoiceId\" > 300000000100", 3, 2),
        new Case("select min(\"LastUpdateDate\")" + t, 1, 1),
        // nullable and nulls exist: MIN's first ascending row is non-null; MAX's first descending row is a null,
        // so the column is read whole
        new Case("select min(\"InvoiceAmount\")" + t, 1, 1),
        new Case("select max(\"InvoiceAmount\")" + t, 2, 1),
        new Case("select max(\"HireDate\") from hcm.workers", 2, 1),
        // no rows: nulls
        new Case("select min(\"InvoiceId\"), max(\"InvoiceAmount\")" + t + " where \"InvoiceId\" < 0", 2, 2),
        // all values null among the filtered rows: MIN's first row is null and says so
        new Case("select min(\"InvoiceAmount\")" + t + " where \"InvoiceId\" = 300000000000", 1, 1),
        // not pushed: strings, booleans, filters Fusion cannot say, a limit below, mixed aggregates, groups
        new Case("select min(\"Supplier\")" + t, 1, 0),
        new Case("select min(\"InvoiceId\")" + t + " where upper(\"Supplier\") = 'ACME'", 1, 0),
        new Case("select min(\"InvoiceId\")" + t + " where \"SupplierId\" = 3 and upper(\"Supplier\") = 'ACME'", 1, 0),
        new Case("select min(\"InvoiceId\") from (select * from fscm.invoices order by \"InvoiceId\" desc"
            + " fetch first 10 rows only)", 1, 0),
        new Case("select min(\"InvoiceId\"), count(*)" + t, 1, 0),
        new Case("select \"SupplierId\", max(\"InvoiceId\")" + t + " group by \"SupplierId\"", 1, 0),
        new Case("select min(\"InvoiceId\" + 1)" + t, 1, 0),
        new Case("select min(\"Notes\")" + t, 1, 0));
  }

  @BeforeAll
  static void open() throws Exception {
    client = SampleData.client();
    on = Sql.connect(client, true);
    off = Sql.connect(SampleData.client(), false);
  }

  @AfterAll
  static void close() throws Exception {
    on.close();
    off.close();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void sameValuesAsPushdownOffInAsFewRequestsAsExact(Case c) throws Exception {
    List<List<String>> expected = Sql.sorted(Sql.rows(off, c.sql()));
    client.journal.clear();
    List<List<String>> actual = Sql.sorted(Sql.rows(on, c.sql()));
    assertThat(actual).as(c.sql()).isEqualTo(expected);
    assertThat(client.journal).as(c.sql()).hasSize(c.requests());
    assertThat(client.journal.stream().filter(MinMaxPushdownTest::firstRow).count()).as(c.sql())
        .isEqualTo(c.firstRows());
  }

  /** An orderBy on the one field asked for, limit 1: a bound request. */
  private static boolean firstRow(InMemoryFusionClient.Call call) {
    var s = call.spec();
    return s.limit().isPresent() && s.limit().getAsLong() == 1 && s.fields().size() == 1
        && s.orderBy().size() == 1 && s.orderBy().get(0).attribute().equals(s.fields().get(0));
  }

  @Test
  void theBoundsOfTheKeyAreTheFirstRowAscendingAndDescending() throws Exception {
    client.journal.clear();
    assertThat(Sql.rows(on, "select min(\"InvoiceId\"), max(\"InvoiceId\") from fscm.invoices"))
        .containsExactly(List.of("300000000000", String.valueOf(300000000000L + 59 * 7L)));
    assertThat(client.journal).extracting(call -> call.spec().orderBy())
        .containsExactly(List.of(SortKey.asc("InvoiceId")), List.of(SortKey.desc("InvoiceId")));
    assertThat(client.journal).allSatisfy(call -> assertThat(call.rowsReturned()).isEqualTo(1));
  }

  /**
   * A {@code ?} term may turn out unsayable in q once bound (then Calcite filters alone), so its filter keeps a
   * residual in Calcite and MIN/MAX stay there too: one read of the filtered rows, the same values.
   */
  @Test
  void aBoundParameterKeepsMinMaxInCalcite() throws Exception {
    String sql = "select min(\"InvoiceId\"), max(\"InvoiceId\") from fscm.invoices where \"SupplierId\" = ?";
    for (long supplier : new long[] {1, 3, 42}) {
      List<List<String>> expected;
      try (PreparedStatement p = off.prepareStatement(sql)) {
        p.setLong(1, supplier);
        expected = Sql.read(p.executeQuery());
      }
      client.journal.clear();
      try (PreparedStatement p = on.prepareStatement(sql)) {
        p.setLong(1, supplier);
        assertThat(Sql.read(p.executeQuery())).isEqualTo(expected);
      }
      assertThat(client.journal).singleElement()
          .satisfies(call -> assertThat(call.spec().filter()).isPresent());
    }
  }

  /** Where q may say IS NOT NULL, MAX of a nullable column leaves the nulls out and needs one request. */
  @Test
  void aPermissiveConnectionSkipsTheNullsOfAMax() throws Exception {
    InMemoryFusionClient permissive = SampleData.client(org.fusionjdbc.client.config.QDialect.PERMISSIVE);
    try (Connection c = Sql.connect(permissive, true)) {
      for (String col : List.of("InvoiceAmount", "InvoiceDate", "LastUpdateDate")) {
        String sql = "select max(\"" + col + "\"), min(\"" + col + "\") from fscm.invoices where \"SupplierId\" > 2";
        List<List<String>> expected = Sql.rows(off, sql);
        permissive.journal.clear();
        assertThat(Sql.rows(c, sql)).as(sql).isEqualTo(expected);
        assertThat(permissive.journal).as(sql).hasSize(2).allMatch(MinMaxPushdownTest::firstRow);
        assertThat(permissive.journal.get(0).spec().filter().orElseThrow().toString()).contains(col + " IS NOT NULL");
      }
    }
  }

  @Test
  void explainShowsOneRequestPerBound() throws Exception {
    String plan = Sql.explain(on, "select min(\"InvoiceId\"), max(\"InvoiceId\") from fscm.invoices");
    assertThat(plan).contains("orderBy=InvoiceId:asc&limit=1").contains("orderBy=InvoiceId:desc&limit=1");
  }
}
