package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.fusionjdbc.calcite.bip.BipSqlOptions;
import org.fusionjdbc.client.query.SortKey;
import org.junit.jupiter.api.Test;

class AdapterTest {

  @Test
  void bothIdentifierStylesResolveTheSameTable() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true)) {
      List<List<String>> a = Sql.rows(c, "select invoiceid from fscm.invoices where invoiceid < 300000000021");
      List<List<String>> b = Sql.rows(c,
          "SELECT \"InvoiceId\" FROM \"FSCM\".\"invoices\" WHERE \"InvoiceId\" < 300000000021");
      assertThat(a).hasSize(3).isEqualTo(b);
    }
  }

  @Test
  void listingTablesDescribesEachParentOnceAndColumnTypesComeFromDescribe() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true)) {
      try (ResultSet rs = c.getMetaData().getTables(null, "FSCM", "suppliers", null)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isFalse();
      }
      // a pattern naming one table describes only the parent whose child tables could match it
      assertThat(client.described).containsOnly("fscmRestApi/suppliers");
      try (ResultSet rs = c.getMetaData().getTables(null, "FSCM", "%", null)) {
        List<String> names = new java.util.ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
        // child tables are listed on a fresh connection, from the parents' describes
        assertThat(names).containsExactlyInAnyOrder("invoices", "invoices_invoiceLines", "suppliers");
      }
      assertThat(client.described).contains("fscmRestApi/invoices").allMatch(d -> d.startsWith("fscmRestApi/"));
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("select * from fscm.invoices where 1 = 0")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
        assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
        // strings are unbounded in the row type (a bound parameter must never be cut to the column length);
        // the describe length 200 is what DatabaseMetaData.getColumns reports as COLUMN_SIZE
        assertThat(md.getPrecision(2)).isZero();
        assertThat(md.getColumnType(5)).isEqualTo(Types.DECIMAL);
        assertThat(md.getScale(5)).isEqualTo(2);
        assertThat(md.getColumnType(6)).isEqualTo(Types.DATE);
        assertThat(md.getColumnType(7)).isEqualTo(Types.TIMESTAMP);
        assertThat(md.getColumnType(8)).isEqualTo(Types.BOOLEAN);
      }
    }
  }

  @Test
  void filterAndProjectionArePushedIntoOneRequest() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true)) {
      List<List<String>> rows = Sql.rows(c,
          "select \"InvoiceNumber\", \"InvoiceAmount\" from fscm.invoices where \"Supplier\" = 'Acme' "
              + "and \"InvoiceAmount\" > 100");
      assertThat(client.journal).hasSize(1);
      var spec = client.journal.get(0).spec();
      assertThat(spec.fields()).containsExactly("InvoiceNumber", "InvoiceAmount");
      assertThat(spec.filter().orElseThrow().render(client.config().dialect()))
          .isEqualTo("Supplier = 'Acme' and InvoiceAmount > 100");
      assertThat(client.journal.get(0).rowsReturned()).isEqualTo(rows.size());
    }
  }

  @Test
  void explainShowsTheRestRequest() throws Exception {
    try (Connection c = Sql.connect(SampleData.client(), true)) {
      String plan = Sql.explain(c, "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'Ac%' "
          + "order by \"InvoiceDate\" desc limit 5");
      assertThat(plan).contains("FusionToEnumerableConverter(request=[GET /fscmRestApi/resources/11.13.18.05/"
          + "invoices?q=Supplier LIKE 'Ac%'&fields=InvoiceId");
      assertThat(plan).contains("orderBy=InvoiceDate:desc").contains("limit=5");
    }
  }

  @Test
  void pushdownOffSendsAPlainScanOfAllColumns() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, false)) {
      Sql.rows(c, "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme' order by 1 limit 2");
      assertThat(client.journal).hasSize(1);
      var spec = client.journal.get(0).spec();
      assertThat(spec.filter()).isEmpty();
      assertThat(spec.fields()).hasSize(9);
      assertThat(spec.limit()).isEmpty();
    }
  }

  @Test
  void orderByLimitAndCountArePushed() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true)) {
      List<List<String>> rows = Sql.rows(c,
          "select \"InvoiceId\" from fscm.invoices order by \"InvoiceAmount\" desc, \"InvoiceId\" limit 3 offset 2");
      assertThat(rows).hasSize(3);
      var spec = client.journal.get(0).spec();
      assertThat(spec.orderBy()).containsExactly(SortKey.desc("InvoiceAmount"), SortKey.asc("InvoiceId"));
      assertThat(spec.offset()).isEqualTo(2);
      assertThat(spec.limit()).hasValue(3);
      client.journal.clear();
      List<List<String>> count = Sql.rows(c, "select count(*) from fscm.invoices where \"InvoiceAmount\" > 1000");
      assertThat(client.journal).singleElement().extracting(InMemoryFusionClient.Call::kind).isEqualTo("count");
      try (Connection off = Sql.connect(SampleData.client(), false)) {
        assertThat(count).isEqualTo(Sql.rows(off, "select count(*) from fscm.invoices where \"InvoiceAmount\" > 1000"));
      }
    }
  }

  @Test
  void withoutCountPushdownCountIsReadFromTheFilteredRows() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    AdapterOptions noCount = new AdapterOptions(true, false, List.of("FSCM", "HCM"), Optional.empty(),
        ZoneId.of("UTC"), BipSqlOptions.disabled());
    String sql = "select count(*) from fscm.invoices where \"InvoiceAmount\" > 1000";
    try (Connection c = Sql.connect(client, noCount); Connection counted = Sql.connect(SampleData.client(), true)) {
      List<List<String>> count = Sql.rows(c, sql);
      assertThat(client.journal).singleElement().satisfies(call -> {
        assertThat(call.kind()).isEqualTo("scan");
        assertThat(call.spec().filter()).isPresent();
      });
      assertThat(count).isEqualTo(Sql.rows(counted, sql));
    }
  }
}
