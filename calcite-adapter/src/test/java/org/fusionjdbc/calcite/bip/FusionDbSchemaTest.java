package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FUSION_DB: tables discovered from the data dictionary, scans, filter and projection pushed as Oracle SQL. */
class FusionDbSchemaTest {
  private static BipPod pod;
  private static Connection db;

  @BeforeAll
  static void start() throws Exception {
    pod = BipPod.shared();
    db = pod.connect(BipSqlOptions.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void tablesAndTypesComeFromTheDataDictionary() throws Exception {
    try (Statement s = db.createStatement();
         ResultSet rs = s.executeQuery("select * from fusion_db.ap_invoices_all where 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnName(1)).isEqualTo("INVOICE_ID");
      assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      int amount = rs.findColumn("INVOICE_AMOUNT");
      assertThat(md.getColumnType(amount)).isEqualTo(Types.DECIMAL);
      assertThat(md.getColumnType(rs.findColumn("INVOICE_DATE"))).isEqualTo(Types.TIMESTAMP);
      assertThat(md.getColumnType(rs.findColumn("INVOICE_NUM"))).isEqualTo(Types.VARCHAR);
      assertThat(md.getPrecision(rs.findColumn("INVOICE_NUM"))).isEqualTo(50);
    }
    DatabaseMetaData meta = db.getMetaData();
    try (ResultSet rs = meta.getTables(null, "FUSION_DB", "%", null)) {
      List<List<String>> tables = BipPod.read(rs);
      assertThat(tables).extracting(r -> r.get(2)).contains("AP_INVOICES_ALL", "PO_HEADERS_ALL", "HZ_PARTIES");
    }
  }

  @Test
  void filterAndProjectionArePushedAsOracleSql() throws Exception {
    pod.clearJournal();
    List<List<String>> rows = BipPod.rows(db, "select invoice_id, invoice_num from fusion_db.ap_invoices_all "
        + "where invoice_amount > 1000 and invoice_currency_code = 'EUR'");
    assertThat(rows).isNotEmpty();
    List<String> sqls = pod.journal();
    assertThat(sqls).hasSize(1);
    String sql = sqls.get(0);
    assertThat(sql).contains("FROM \"FUSION\".\"AP_INVOICES_ALL\"").contains("WHERE")
        .contains("\"INVOICE_AMOUNT\" > 1000").contains("\"INVOICE_CURRENCY_CODE\" = 'EUR'")
        .doesNotContain("\"DESCRIPTION\"");
  }

  @Test
  void dictionaryIsReadOncePerClient() throws Exception {
    org.fusionjdbc.client.FusionClient client = pod.client();
    pod.clearJournal();
    try (Connection a = BipPod.connect(client, BipSqlOptions.defaults())) {
      BipPod.rows(a, "select count(*) from fusion_db.hz_parties");
      BipPod.rows(a, "select count(*) from fusion_db.hz_parties where country = 'US'");
    }
    try (Connection b = BipPod.connect(client, BipSqlOptions.defaults())) {
      BipPod.rows(b, "select party_name from fusion_db.hz_parties where party_id = -1");
    }
    List<String> all = pod.fullJournal();
    assertThat(all.stream().filter(q -> q.contains("FROM ALL_TABLES"))).hasSize(1);
    assertThat(all.stream().filter(q -> q.contains("FROM ALL_TAB_COLUMNS"))).hasSize(1);
    assertThat(pod.journal()).hasSize(3);
  }

  @Test
  void everyOwnerIsASubSchemaAndJoinsAcrossThemStayOneQuery() throws Exception {
    try (Connection c = pod.connect(BipSqlOptions.defaults().withOwners(List.of("FND", "FUSION")))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> BipPod.rows(c, "select * from fusion_db.hz_parties"))
          .as("FUSION_DB itself is the first owner's, FND, which has no such table")
          .isInstanceOf(java.sql.SQLException.class);
      pod.clearJournal();
      // FUSION is a reserved word of SQL (the multiset aggregate), hence the quotes
      List<List<String>> rows = BipPod.rows(c, "select count(*) from \"FUSION_DB\".\"FUSION\".ap_invoices_all i "
          + "join \"FUSION_DB\".\"FUSION\".poz_suppliers s on s.vendor_id = i.vendor_id");
      assertThat(rows.get(0).get(0)).isEqualTo(Integer.toString(BipPod.ROWS));
      assertThat(pod.journal()).hasSize(1);
      assertThat(pod.journal().get(0)).contains("INNER JOIN").contains("\"FUSION\".\"POZ_SUPPLIERS\"");
    }
  }

  @Test
  void unknownTableIsAValidationError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BipPod.rows(db, "select * from fusion_db.no_such"))
        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("no_such");
  }

  @Test
  void sameRowsAsTheRestResource() throws Exception {
    List<List<String>> rest = BipPod.rows(db, "select \"InvoiceId\", \"InvoiceNumber\", \"InvoiceAmount\" "
        + "from fscm.invoices where \"InvoiceAmount\" > 1000 and \"InvoiceCurrency\" = 'EUR' order by 1");
    List<List<String>> base = BipPod.rows(db, "select invoice_id, invoice_num, invoice_amount "
        + "from fusion_db.ap_invoices_all where invoice_amount > 1000 and invoice_currency_code = 'EUR' order by 1");
    assertThat(base).isNotEmpty().isEqualTo(rest);
  }
}
