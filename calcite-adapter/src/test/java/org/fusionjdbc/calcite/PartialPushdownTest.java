package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A filter only part of which q can say still sends that part (and only the columns the query and the rest of
 * the filter need); Calcite checks the rest. Found when the plan costs tied and Volcano kept the full scan for
 * {@code select *} and for projections narrower than the filter's columns.
 */
class PartialPushdownTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "select * from fscm.invoices where \"InvoiceAmount\" > 100 and \"Paid\"|InvoiceAmount > 100|9",
      "select * from fscm.invoices where \"InvoiceAmount\" > 100 and \"Supplier\" like 'A_%'|InvoiceAmount > 100|9",
      "select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" > 100 and \"Paid\"|InvoiceAmount > 100|2",
      "select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" > 100 and upper(\"Supplier\") = 'ACME'"
          + "|InvoiceAmount > 100|2",
      "select \"InvoiceId\", \"Supplier\", \"InvoiceAmount\" from fscm.invoices where \"InvoiceAmount\" > 100 and "
          + "upper(\"Supplier\") = 'ACME'|InvoiceAmount > 100|3",
      "select \"InvoiceNumber\" from fscm.invoices where \"Supplier\" = 'Acme' and \"InvoiceAmount\" * 2 > 100 "
          + "order by \"InvoiceNumber\"|Supplier = 'Acme'|2"})
  void thePushableConjunctIsSentWithOnlyTheNeededColumns(String sql, String q, int fields) throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection on = Sql.connect(client, true); Connection off = Sql.connect(SampleData.client(), false)) {
      List<List<String>> expected = Sql.rows(off, sql);
      client.journal.clear();
      List<List<String>> actual = Sql.rows(on, sql);
      if (sql.contains("order by")) {
        assertThat(actual).isEqualTo(expected);
      } else {
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
      }
      assertThat(client.journal).singleElement().satisfies(call -> {
        assertThat(call.spec().filter()).map(Object::toString).hasValue(q);
        assertThat(call.spec().fields()).hasSize(fields);
      });
    }
  }
}
