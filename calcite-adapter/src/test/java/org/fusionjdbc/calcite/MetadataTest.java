package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.Test;

/** The public surface the driver's DatabaseMetaData reads. */
class MetadataTest {

  @Test
  void schemaListsChildTablesFromTheParentsDescribesOnAFreshConnection() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true)) {
      SchemaPlus fscm = c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("FSCM");
      FusionSchema schema = fscm.unwrap(FusionSchema.class);
      assertThat(schema.contextRoot()).isEqualTo("fscmRestApi");
      assertThat(schema.resourceNames()).containsExactly("invoices", "suppliers");
      assertThat(client.describeCalls).isZero();
      assertThat(schema.tableNames()).containsExactly("invoices", "invoices_invoiceLines", "suppliers");
      assertThat(schema.warnings()).isEmpty();

      FusionTable child = (FusionTable) fscm.tables().getIgnoreCase("INVOICES_INVOICELINES").entity();
      assertThat(child.tableName()).isEqualTo("invoices_invoiceLines");
      assertThat(child.resourceName()).isEqualTo("invoices");
      assertThat(child.childName()).hasValue("invoiceLines");
      assertThat(child.columns()).extracting(FusionColumn::name)
          .containsExactly("InvoiceId", "LineNumber", "LineAmount", "Description");
      assertThat(child.keyColumns()).containsExactly("InvoiceId", "LineNumber");
      assertThat(child.parentLink()).hasValue(
          new FusionTable.ParentLink("invoices", List.of("InvoiceId"), List.of("InvoiceId")));

      FusionTable invoices = (FusionTable) fscm.tables().get("invoices");
      assertThat(invoices.keyColumns()).containsExactly("InvoiceId");
      assertThat(invoices.parentLink()).isEmpty();
      assertThat(invoices.description().attributes()).hasSize(9);
      assertThat(fscm.tables().get("Invoices")).isNull();
      assertThat(fscm.tables().get("invoices_nochild")).isNull();
    }
  }

  @Test
  void childTableRowsCarryTheParentKey() throws Exception {
    try (Connection c = Sql.connect(SampleData.client(), true)) {
      List<List<String>> rows = Sql.rows(c,
          "select \"InvoiceId\", \"LineNumber\" from fscm.invoices_invoicelines where \"InvoiceId\" = 300000000021");
      assertThat(rows).containsExactlyInAnyOrder(List.of("300000000021", "1"), List.of("300000000021", "2"),
          List.of("300000000021", "3"));
    }
  }
}
