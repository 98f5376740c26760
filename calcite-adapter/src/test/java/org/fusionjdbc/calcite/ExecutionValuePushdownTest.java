package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions whose value is known only at execution: {@code ?} parameters and relative times
 * ({@code CURRENT_DATE - INTERVAL '30' DAY}, Tableau's "last N days"). They reach q when the value is sayable and are
 * always checked by Calcite too. Found by the audit: with another pushed conjunct beside it, Calcite took the pushed
 * parameter term as guaranteed and dropped its own check, so a value q cannot say was not filtered at all.
 */
class ExecutionValuePushdownTest {
  private static InMemoryFusionClient client;
  private static Connection on;
  private static Connection off;

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

  @ParameterizedTest(name = "[{index}] {0} with {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // a value strict q cannot say: only the other conjunct is sent, Calcite filters the rest
      "\"Supplier\" = ? and \"InvoiceAmount\" > 100|O'Brien Ltd|InvoiceAmount > 100",
      "\"InvoiceAmount\" > 100 and \"Supplier\" = ?|O'Brien Ltd|InvoiceAmount > 100",
      "\"Supplier\" = ? and \"InvoiceNumber\" <> 'INV-1003'|O'Brien Ltd|InvoiceNumber != 'INV-1003'",
      "\"Supplier\" = ?|O'Brien Ltd|-",
      // a sayable value: sent once, beside the other conjunct
      "\"Supplier\" = ? and \"InvoiceAmount\" > 100|Acme|InvoiceAmount > 100 and Supplier = 'Acme'",
      "\"InvoiceAmount\" > 100 and \"Supplier\" = ?|Acme|InvoiceAmount > 100 and Supplier = 'Acme'",
      "\"Supplier\" = ?|Acme|Supplier = 'Acme'"})
  void aBoundValueIsSentWhenSayableAndAlwaysChecked(String where, String value, String q) throws Exception {
    String sql = "select \"InvoiceId\", \"Supplier\" from fscm.invoices where " + where;
    List<List<String>> expected = Sql.sorted(run(off, sql, value));
    client.journal.clear();
    List<List<String>> actual = Sql.sorted(run(on, sql, value));
    assertThat(actual).as(sql + " with " + value).isEqualTo(expected).isNotEmpty();
    assertThat(client.journal).singleElement().satisfies(c ->
        assertThat(c.spec().filter().map(Object::toString).orElse(null)).as(sql).isEqualTo(q));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "cast(\"LastUpdateDate\" as date) = ?|2024-08-06|LastUpdateDate >= '2024-08-06T00:00:00+00:00' and "
          + "LastUpdateDate < '2024-08-07T00:00:00+00:00'",
      "cast(\"LastUpdateDate\" as date) < ? and \"Supplier\" = 'Acme'|2024-08-06|Supplier = 'Acme' and "
          + "LastUpdateDate < '2024-08-06T00:00:00+00:00'"})
  void aDateParameterAgainstADatetimeIsARange(String where, String day, String q) throws Exception {
    String sql = "select \"InvoiceId\" from fscm.invoices where " + where;
    List<List<String>> expected = Sql.sorted(runDate(off, sql, day));
    client.journal.clear();
    List<List<String>> actual = Sql.sorted(runDate(on, sql, day));
    assertThat(actual).as(sql).isEqualTo(expected).isNotEmpty();
    assertThat(client.journal).singleElement().satisfies(c ->
        assertThat(c.spec().filter().map(Object::toString).orElse(null)).as(sql).isEqualTo(q));
  }

  private static List<List<String>> runDate(Connection c, String sql, String day) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDate(1, java.sql.Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        return Sql.read(rs);
      }
    }
  }

  @Test
  void anUnsayableValueBesideAPushedConjunctIsStillFiltered() throws Exception {
    List<List<String>> rows = run(on, "select \"Supplier\" from fscm.invoices where \"Supplier\" = ? "
        + "and \"InvoiceAmount\" > 100", "O'Brien Ltd");
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(0)).isEqualTo("O'Brien Ltd"));
  }

  /**
   * The Fusion filter keeps what q answers exactly apart from the bound term, which it claims nothing about (no marker
   * function needed): Calcite's own check of the bound term stays above the scan.
   */
  @Test
  void theFusionFilterHoldsABoundTermApartAndCalciteKeepsItsCheck() throws Exception {
    String plan = Sql.explain(on, "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = ? "
        + "and \"InvoiceAmount\" > 100");
    assertThat(plan).contains("FusionFilter(pushed=[>($4, 100.00)], atExecution=[=($2, ?0)])")
        .doesNotContain("FUSION_AT_EXECUTION");
    String aboveTheScan = plan.substring(0, plan.indexOf("FusionToEnumerableConverter"));
    assertThat(aboveTheScan).as(plan).contains("?0");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "\"InvoiceDate\" >= current_date - interval '1000' day|InvoiceDate >= '",
      "\"InvoiceDate\" < current_date and \"Supplier\" = 'Acme'|InvoiceDate < '",
      "\"LastUpdateDate\" >= timestampadd(day, -1000, current_timestamp)|LastUpdateDate >= '",
      "\"LastUpdateDate\" < current_timestamp|LastUpdateDate < '",
      "cast(\"LastUpdateDate\" as date) >= current_date - interval '1000' day|LastUpdateDate >= '"})
  void aRelativeTimeIsComputedAtExecutionAndSent(String where, String q) throws Exception {
    String sql = "select \"InvoiceId\" from fscm.invoices where " + where;
    List<List<String>> expected = Sql.sorted(Sql.rows(off, sql));
    client.journal.clear();
    List<List<String>> actual = Sql.sorted(Sql.rows(on, sql));
    assertThat(actual).as(sql).isEqualTo(expected).isNotEmpty();
    assertThat(client.journal).singleElement().satisfies(c -> {
      String sent = c.spec().filter().map(Object::toString).orElse("");
      assertThat(sent).as(sql).contains(q);
      assertThat(sent.split(java.util.regex.Pattern.quote(q), -1)).as("sent once: " + sent).hasSize(2);
      assertThat(c.rowsReturned()).as(sql).isEqualTo(actual.size());
    });
  }

  private static List<List<String>> run(Connection c, String sql, String value) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return Sql.read(rs);
      }
    }
  }
}
