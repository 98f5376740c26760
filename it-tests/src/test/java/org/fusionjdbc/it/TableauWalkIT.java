package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/**
 * Tableau's "Other Databases (JDBC)" connector (ecosystem.md §1.2 and §1.4): catalogs, schemas, tables, columns,
 * primary keys, foreign keys and index info for the chosen table, then the column probe
 * {@code select * from schema.table where 1=0} (prepared and, with SUPPRESS_PREPARED_QUERY, executed), then the
 * query shapes Tableau sends. Tableau never sets a catalog, so everything is schema-qualified.
 */
class TableauWalkIT {
  private final Pod pod = Pod.get();

  @Test
  void metadataEnumerationOfOneTableIsComplete() throws SQLException {
    try (Connection c = pod.connect(pod.oauth())) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getDriverName()).isNotBlank();
      assertThat(md.getDriverVersion()).isNotBlank().contains(System.getProperty("fusion.version", ""));
      Rows.read("getCatalogs", md.getCatalogs());
      Rows.read("getSchemas", md.getSchemas(), "TABLE_SCHEM");
      List<Map<String, Object>> tables = Rows.read("getTables(TABLE,VIEW)",
          md.getTables(null, "FSCM", "%", new String[] {"TABLE", "VIEW"}), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE");
      assertThat(tables).extracting(r -> r.get("TABLE_NAME")).contains("invoices");
      List<Map<String, Object>> columns = Rows.read("getColumns(invoices)", md.getColumns(null, "FSCM", "invoices", "%"),
          "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "NULLABLE", "IS_NULLABLE", "ORDINAL_POSITION");
      assertThat(columns).extracting(r -> r.get("COLUMN_NAME")).contains("InvoiceId", "InvoiceNumber");
      assertThat(columns).extracting(r -> ((Number) r.get("ORDINAL_POSITION")).intValue())
          .containsExactlyElementsOf(range(1, columns.size()));
      List<Map<String, Object>> pk = Rows.read("getPrimaryKeys(invoices)", md.getPrimaryKeys(null, "FSCM", "invoices"),
          "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ");
      assertThat(pk).extracting(r -> r.get("COLUMN_NAME")).containsExactly("InvoiceId");
      Rows.read("getImportedKeys(invoices)", md.getImportedKeys(null, "FSCM", "invoices"), "PKTABLE_NAME",
          "FKTABLE_NAME");
      assertThat(Rows.read("getIndexInfo(invoices)", md.getIndexInfo(null, "FSCM", "invoices", false, true))).isEmpty();

      // CAP_JDBC_METADATA_USE_RESULTSET_FOR_TABLE: the column list from a where-false probe must match getColumns.
      try (PreparedStatement ps = c.prepareStatement("select * from \"FSCM\".\"invoices\" where 1=0")) {
        ResultSetMetaData rsmd = ps.getMetaData();
        assertThat(rsmd).isNotNull();
        assertProbeMatches(rsmd, columns);
        long before = lastSeq();
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isFalse();
          assertProbeMatches(rs.getMetaData(), columns);
        }
        assertThat(pod.emulator.journal().filter(e -> e.seq() > before && e.path().endsWith("/invoices")))
            .as("a where-false probe reads no rows from Fusion").isEmpty();
      }
    }
  }

  @Test
  void queryShapesTableauSendsRun() throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement()) {
      st.setQueryTimeout(0);
      List<String> shapes = List.of(
          "SELECT \"invoices\".\"InvoiceNumber\" AS \"InvoiceNumber\", \"invoices\".\"InvoiceId\" AS \"InvoiceId\""
              + " FROM \"FSCM\".\"invoices\" \"invoices\" ORDER BY 2 LIMIT 1000",
          "SELECT 'test' AS \"Calculation_1\" FROM \"FSCM\".\"invoices\" \"invoices\" HAVING (COUNT(1) > 0)",
          "SELECT COUNT(DISTINCT \"invoices\".\"InvoiceId\") AS \"ctd\" FROM \"FSCM\".\"invoices\" \"invoices\""
              + " WHERE (\"invoices\".\"InvoiceId\" < 300000000000)",
          "SELECT * FROM (SELECT \"InvoiceId\" FROM \"FSCM\".\"invoices\") \"Custom SQL Query\" LIMIT 0");
      for (String sql : shapes) {
        try (ResultSet rs = st.executeQuery(sql)) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            assertThat(md.getColumnLabel(i)).as(sql).isNotBlank();
            assertThat(md.getColumnTypeName(i)).as(sql).isNotBlank();
          }
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
    }
  }

  @Test
  void getColumnsTypeNamesAndSizesAreWhatToolsMapTypesBy() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      List<Object> typeNames = Rows.read("getTypeInfo", md.getTypeInfo(), "TYPE_NAME").stream()
          .map(r -> r.get("TYPE_NAME")).toList();
      List<Map<String, Object>> columns = Rows.read("getColumns(invoices)", md.getColumns(null, "FSCM", "invoices", "%"),
          "COLUMN_NAME", "TYPE_NAME");
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from fscm.\"invoices\" where 1=0")) {
        ResultSetMetaData rsmd = rs.getMetaData();
        for (int i = 1; i <= rsmd.getColumnCount(); i++) {
          Map<String, Object> col = columns.get(i - 1);
          assertThat(col.get("TYPE_NAME")).as("TYPE_NAME of " + col.get("COLUMN_NAME"))
              .isEqualTo(rsmd.getColumnTypeName(i)).isIn(typeNames);
          assertThat(((Number) col.get("COLUMN_SIZE")).intValue()).as("COLUMN_SIZE of " + col.get("COLUMN_NAME"))
              .isPositive();
        }
      }
      Map<String, Object> amount = columns.stream().filter(r -> "InvoiceAmount".equals(r.get("COLUMN_NAME")))
          .findFirst().orElseThrow();
      assertThat(((Number) amount.get("COLUMN_SIZE")).intValue()).isEqualTo(18);
      assertThat(((Number) amount.get("DECIMAL_DIGITS")).intValue()).isEqualTo(2);
    }
  }

  @Test
  void displaySizesFitTheValuesTableauWillFetch() throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select \"InvoiceDate\", \"CreationDate\" from fscm.\"invoices\" where 1=0")) {
      assertThat(rs.getMetaData().getColumnDisplaySize(1)).isGreaterThanOrEqualTo(10);
      assertThat(rs.getMetaData().getColumnDisplaySize(2)).isGreaterThanOrEqualTo(19);
    }
  }

  private static void assertProbeMatches(ResultSetMetaData rsmd, List<Map<String, Object>> columns) throws SQLException {
    assertThat(rsmd.getColumnCount()).isEqualTo(columns.size());
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= rsmd.getColumnCount(); i++) {
      labels.add(rsmd.getColumnLabel(i));
      assertThat(rsmd.getColumnTypeName(i)).isNotBlank();
      assertThat(rsmd.getColumnType(i)).as(rsmd.getColumnLabel(i))
          .isEqualTo(((Number) columns.get(i - 1).get("DATA_TYPE")).intValue());
    }
    assertThat(labels).containsExactlyElementsOf(columns.stream().map(r -> Rows.str(r, "COLUMN_NAME")).toList());
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private long lastSeq() {
    JournalEntry last = pod.emulator.journal().last();
    return last == null ? 0 : last.seq();
  }
}
