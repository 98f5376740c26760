package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.function.Predicate;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.SortKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules match the Fusion node under the operator they push (their operand trees), whatever projections, filters
 * and sorts the query puts in between: each query returns what it returns with pushdown off, in the one request
 * the journal shows, and EXPLAIN names the Fusion operator that answered it. An OFFSET/LIMIT below stops a filter
 * or ORDER BY from joining the request, and a child table's ORDER BY and COUNT need one parent's path.
 */
class OperandShapesTest {
  private static InMemoryFusionClient client;
  private static Connection on;
  private static Connection off;

  /** {@code kind}: the one call's kind; {@code spec}: what its request says; {@code plan}: in EXPLAIN. */
  record Case(String name, String sql, String kind, Predicate<QuerySpec> spec, String plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    String t = " from fscm.invoices";
    return List.of(
        new Case("COUNT(*) over a computed projection of a filter",
            "select count(*) from (select \"InvoiceAmount\" * 2 as x" + t + " where \"SupplierId\" = 3)",
            "count", s -> filter(s).equals("SupplierId = 3"), "FusionCount"),
        new Case("COUNT(*) over a projection of a child's parent-key filter",
            "select count(*) from (select \"LineNumber\" from fscm.invoices_invoiceLines"
                + " where \"InvoiceId\" = 300000000007)",
            "count", s -> s.resource().toString().contains("300000000007"), "FusionCount"),
        new Case("MIN over a renaming projection of a filter",
            "select min(x) from (select \"InvoiceId\" as x" + t + " where \"SupplierId\" = 3)",
            "scan", s -> filter(s).equals("SupplierId = 3") && s.orderBy().equals(List.of(SortKey.asc("InvoiceId")))
                && s.limit().orElse(-1) == 1, "FusionMinMax"),
        new Case("a filter over a renaming projection",
            "select y from (select \"InvoiceNumber\" as y, \"SupplierId\" as s" + t + ") where s = 3",
            "scan", s -> filter(s).equals("SupplierId = 3") && s.fields().equals(List.of("InvoiceNumber")),
            "FusionFilter"),
        new Case("ORDER BY and FETCH over two filters and a projection",
            "select x from (select \"InvoiceId\" as x, \"SupplierId\" as s" + t + " where \"SupplierId\" > 1)"
                + " where s < 5 order by x desc fetch first 3 rows only",
            "scan", s -> filter(s).contains("SupplierId > 1") && filter(s).contains("SupplierId < 5")
                && s.orderBy().equals(List.of(SortKey.desc("InvoiceId"))) && s.limit().orElse(-1) == 3,
            "FusionSort"),
        new Case("a filter over FETCH stays in Calcite",
            "select * from (select *" + t + " order by \"InvoiceId\" fetch first 5 rows only)"
                + " where \"SupplierId\" = 3",
            "scan", s -> s.filter().isEmpty() && s.orderBy().equals(List.of(SortKey.asc("InvoiceId")))
                && s.limit().orElse(-1) == 5, "FusionSort"),
        new Case("ORDER BY over FETCH stays in Calcite",
            "select \"InvoiceId\" from (select *" + t + " fetch first 5 rows only) order by \"InvoiceId\"",
            "scan", s -> s.orderBy().isEmpty() && s.limit().orElse(-1) == 5, "EnumerableSort"),
        new Case("a child's ORDER BY across parents stays in Calcite",
            "select \"LineNumber\" from fscm.invoices_invoiceLines order by \"LineNumber\"",
            "scanChildren:invoiceLines", s -> s.orderBy().isEmpty(), "EnumerableSort"));
  }

  private static String filter(QuerySpec s) {
    return s.filter().map(Object::toString).orElse("");
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
  void sameRowsAsPushdownOffInOneRequest(Case c) throws Exception {
    List<List<String>> expected = Sql.rows(off, c.sql());
    client.journal.clear();
    List<List<String>> actual = Sql.rows(on, c.sql());
    if (c.sql().contains("order by") && !c.sql().endsWith(" = 3")) {
      assertThat(actual).isEqualTo(expected);
    } else {
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(actual).isNotEmpty();
    assertThat(client.journal).singleElement().satisfies(call -> {
      assertThat(call.kind()).isEqualTo(c.kind());
      assertThat(call.spec()).matches(c.spec(), call.spec().toString());
    });
    assertThat(Sql.explain(on, c.sql())).contains(c.plan());
  }
}
