package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An OR whose branches are each only partly sayable still sends what every matching row must meet (each branch's
 * sayable conjuncts, OR-ed), and Calcite checks the whole condition: BI tools write such filters for every "this
 * group or that group" selection over a computed field. A branch with nothing sayable, or a NOT around an unsayable
 * term, leaves q empty.
 */
class NecessaryConditionTest {
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

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "(\"SupplierId\" = 3 and \"InvoiceAmount\" > 100) or (\"SupplierId\" = 4 and upper(\"Supplier\") = 'X')"
          + "|(SupplierId = 3 and InvoiceAmount > 100) or SupplierId = 4",
      "(\"SupplierId\" = 3 and \"Paid\") or (\"SupplierId\" = 4 and \"Supplier\" like 'A_%') or \"InvoiceAmount\" > 4000"
          + "|SupplierId = 3 or SupplierId = 4 or InvoiceAmount > 4000",
      "\"InvoiceAmount\" > 100 and ((\"SupplierId\" = 3 and \"Paid\") or (\"InvoiceDate\" < date '2024-06-01' and "
          + "\"InvoiceAmount\" * 2 > 3000))"
          + "|InvoiceAmount > 100 and (SupplierId = 3 or InvoiceDate < '2024-06-01')",
      "(\"Supplier\" = 'Acme' and \"Paid\") or (\"Supplier\" = 'acme' and not \"Paid\")"
          + "|Supplier = 'Acme' or Supplier = 'acme'",
      "(\"SupplierId\" = 3 and \"InvoiceAmount\" > 100) or upper(\"Supplier\") = 'X'|-",
      "not (\"SupplierId\" = 3 and upper(\"Supplier\") = 'X')|-",
      "(\"SupplierId\" = 3 and \"Supplier\" = 'O''Brien Ltd') or (\"SupplierId\" = 4 and \"Paid\")"
          + "|SupplierId = 3 or SupplierId = 4"})
  void sendsWhatEveryMatchingRowMeets(String where, String q) throws Exception {
    String sql = "select \"InvoiceNumber\" from fscm.invoices where " + where;
    List<List<String>> expected = Sql.sorted(Sql.rows(off, sql));
    client.journal.clear();
    assertThat(Sql.sorted(Sql.rows(on, sql))).as(sql).isEqualTo(expected);
    assertThat(client.journal).singleElement().satisfies(call -> {
      assertThat(call.spec().filter().map(Object::toString).orElse(null)).as(sql).isEqualTo(q);
      if (q != null) {
        assertThat(call.rowsReturned()).as("fewer rows than the collection for " + sql).isLessThan(60);
      }
    });
  }
}
