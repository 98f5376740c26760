package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A numeric column compared with a literal of a wider type (Tableau's range filters write {@code >= 2.5} against an
 * integer, or three decimals against a two-decimal amount): Calcite widens the column with a cast that loses nothing,
 * and the comparison is pushed on the bare column. Narrowing casts and DOUBLE literals stay in Calcite.
 */
class NumericWideningTest {

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', value = {
      "\"SupplierId\"|3.0|true", "\"SupplierId\"|2.5|true", "\"SupplierId\"|9.9|true", "\"SupplierId\"|0.1|true",
      "\"InvoiceAmount\"|2500.125|true", "\"InvoiceAmount\"|100.5|true", "\"InvoiceId\"|300000000100.5|true",
      "\"InvoiceAmount\"|1e3|false", "cast(\"InvoiceAmount\" as integer)|2500|false",
      "cast(\"InvoiceAmount\" as decimal(10, 0))|2500|false"})
  void losslessWideningIsPushed(String column, String literal, boolean pushed) throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection on = Sql.connect(client, true); Connection off = Sql.connect(SampleData.client(), false)) {
      for (String op : List.of("=", "<>", "<", "<=", ">", ">=")) {
        String sql = "select \"InvoiceNumber\" from fscm.invoices where " + column + " " + op + " " + literal;
        List<List<String>> expected = Sql.sorted(Sql.rows(off, sql));
        client.journal.clear();
        List<List<String>> actual = Sql.sorted(Sql.rows(on, sql));
        assertThat(actual).as(sql).isEqualTo(expected);
        assertThat(client.journal).as(sql).singleElement().satisfies(c -> {
          assertThat(c.spec().filter().isPresent()).as(sql).isEqualTo(pushed);
          if (pushed) {
            assertThat(c.rowsReturned()).as(sql).isEqualTo(actual.size());
          }
        });
      }
    }
  }
}
