package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * DBeaver's Generic driver, call by call (ecosystem.md §2.1 and §2.2): connect-time probes, the dialect's String
 * calls, the navigator tree with {@code %} as the table argument, keys, indexes, then a data preview with
 * setMaxRows(200) and a row count. No call may throw, no String call may return null, every row must be complete.
 */
class DbeaverWalkIT {
  private final Pod pod = Pod.get();

  @Test
  void propertiesTabListsEveryPropertyAndEchoesNoSecret() throws SQLException {
    Driver driver = DriverManager.getDriver(pod.url());
    DriverPropertyInfo[] info = driver.getPropertyInfo(pod.url(), pod.basic());
    assertThat(info).isNotEmpty();
    Set<String> names = new LinkedHashSet<>();
    for (DriverPropertyInfo p : info) {
      names.add(p.name);
      assertThat(p.name).isNotBlank();
      assertThat(p.description).as("description of " + p.name).isNotBlank();
      if (p.value != null) {
        assertThat(p.value).as("value of " + p.name).isNotEqualTo(pod.credentials.basicPassword());
      }
    }
    assertThat(names).contains("auth", "user", "password", "privateKeyFile", "clientSecret", "accessToken", "logLevel");
    DriverPropertyInfo auth = List.of(info).stream().filter(p -> p.name.equals("auth")).findFirst().orElseThrow();
    assertThat(auth.choices).containsExactlyInAnyOrder("jwt", "oauth", "basic", "bearer");
    assertThat(driver.getMajorVersion()).isNotNegative();
    assertThat(driver.jdbcCompliant()).isFalse();
    assertThat(driver.getParentLogger().getName()).isEqualTo("org.fusionjdbc");
  }

  @Test
  void connectProbesAndDialectCallsAnswerWithoutNulls() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      // JDBCDataSourceInfo
      List<String> strings = new ArrayList<>(List.of(md.getDatabaseProductName(), md.getDatabaseProductVersion(),
          md.getDriverName(), md.getDriverVersion(), md.getCatalogTerm(), md.getSchemaTerm(), md.getProcedureTerm()));
      assertThat(md.isReadOnly()).isTrue();
      md.supportsTransactions();
      md.supportsBatchUpdates();
      for (int level : new int[] {Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_SERIALIZABLE}) {
        md.supportsTransactionIsolationLevel(level);
      }
      // JDBCSQLDialect
      strings.addAll(List.of(md.getIdentifierQuoteString(), md.getSQLKeywords(), md.getNumericFunctions(),
          md.getStringFunctions(), md.getSystemFunctions(), md.getTimeDateFunctions(), md.getSearchStringEscape(),
          md.getExtraNameCharacters(), md.getCatalogSeparator()));
      assertThat(strings).doesNotContainNull();
      assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(md.getNumericFunctions()).isNotBlank();
      assertThat(md.getStringFunctions()).isNotBlank();
      md.isCatalogAtStart();
      md.storesUpperCaseIdentifiers();
      md.storesLowerCaseIdentifiers();
      md.storesMixedCaseIdentifiers();
      md.storesUpperCaseQuotedIdentifiers();
      md.storesLowerCaseQuotedIdentifiers();
      md.storesMixedCaseQuotedIdentifiers();
      md.supportsSchemasInDataManipulation();
      md.supportsSchemasInTableDefinitions();
      md.supportsCatalogsInDataManipulation();
      md.supportsCatalogsInTableDefinitions();
      md.supportsSubqueriesInComparisons();
      md.supportsSubqueriesInExists();
      md.supportsSubqueriesInIns();
      md.supportsCorrelatedSubqueries();
      // type cache, client info
      List<Map<String, Object>> types = Rows.read("getTypeInfo", md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
      assertThat(types).isNotEmpty();
      Rows.read("getClientInfoProperties", md.getClientInfoProperties(), "NAME");
      // connection calls
      c.getAutoCommit();
      c.setAutoCommit(true);
      c.setReadOnly(true);
      c.getTransactionIsolation();
      assertThat((Object) c.getWarnings()).isNull();
    }
  }

  @Test
  void navigatorTreeWithPercentAsTableIsCompleteForEverySchema() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      // DBeaver skips catalog rows with an empty TABLE_CAT (catalogRowsHaveANonNullName below is the stricter
      // check).
      Rows.read("getCatalogs", md.getCatalogs());
      List<Map<String, Object>> schemas = Rows.read("getSchemas(null,null)", md.getSchemas(null, null), "TABLE_SCHEM");
      Set<String> schemaNames = schemas.stream().map(r -> Rows.str(r, "TABLE_SCHEM")).collect(Collectors.toSet());
      assertThat(schemaNames).contains("FSCM", "HCM").doesNotContain("metadata");
      assertThat(Rows.read("getSchemas()", md.getSchemas(), "TABLE_SCHEM")).hasSameSizeAs(schemas);
      int tablesSeen = 0;
      for (String schema : List.of("FSCM", "HCM")) {
        List<Map<String, Object>> tables = Rows.read("getTables(" + schema + ")",
            md.getTables(null, schema, "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE");
        assertThat(tables).isNotEmpty();
        Set<String> tableNames = tables.stream().map(r -> Rows.str(r, "TABLE_NAME")).collect(Collectors.toSet());
        tablesSeen += tableNames.size();
        List<Map<String, Object>> columns = Rows.read("getColumns(" + schema + ", %, %)",
            md.getColumns(null, schema, "%", "%"), "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
            "TYPE_NAME", "NULLABLE", "ORDINAL_POSITION", "IS_NULLABLE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        assertThat(columns.stream().map(r -> Rows.str(r, "TABLE_NAME")).collect(Collectors.toSet()))
            .as("every table of " + schema + " has columns").containsAll(tableNames);
        assertThat(columns).allSatisfy(r -> assertThat(((Number) r.get("DATA_TYPE")).intValue())
            .as("DATA_TYPE of %s.%s", r.get("TABLE_NAME"), r.get("COLUMN_NAME"))
            .isNotIn(Types.OTHER, Types.JAVA_OBJECT, Types.NULL));
        Rows.read("getPrimaryKeys(" + schema + ", %)", md.getPrimaryKeys(null, schema, "%"), "TABLE_NAME",
            "COLUMN_NAME", "KEY_SEQ");
        Rows.read("getImportedKeys(" + schema + ", %)", md.getImportedKeys(null, schema, "%"),
            "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ");
        for (String table : tableNames) {
          Rows.read("getPrimaryKeys(" + table + ")", md.getPrimaryKeys(null, schema, table), "TABLE_NAME",
              "COLUMN_NAME", "KEY_SEQ");
          Rows.read("getImportedKeys(" + table + ")", md.getImportedKeys(null, schema, table), "PKTABLE_NAME",
              "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME");
          Rows.read("getExportedKeys(" + table + ")", md.getExportedKeys(null, schema, table), "PKTABLE_NAME",
              "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME");
          Rows.read("getIndexInfo(" + table + ")", md.getIndexInfo(null, schema, table, false, true), "TABLE_NAME");
        }
      }
      assertThat(tablesSeen).isGreaterThan(3);
      // null as the table argument, as some DBeaver paths pass it
      assertThat(Rows.read("getPrimaryKeys(FSCM, null)", md.getPrimaryKeys(null, "FSCM", null), "TABLE_NAME",
          "COLUMN_NAME")).isNotEmpty();
    }
  }

  @Test
  void percentAsTheTableArgumentOfKeyCallsMeansEveryTable() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      // Describing the parents (the first call does) makes their child tables visible: compare after that.
      Rows.read("getPrimaryKeys(FSCM, null)", md.getPrimaryKeys(null, "FSCM", null), "TABLE_NAME");
      List<Map<String, Object>> all = Rows.read("getPrimaryKeys(FSCM, null)", md.getPrimaryKeys(null, "FSCM", null),
          "TABLE_NAME", "COLUMN_NAME");
      assertThat(all).isNotEmpty();
      assertThat(Rows.read("getPrimaryKeys(FSCM, %)", md.getPrimaryKeys(null, "FSCM", "%"), "TABLE_NAME",
          "COLUMN_NAME")).isEqualTo(all);
      assertThat(Rows.read("getImportedKeys(FSCM, %)", md.getImportedKeys(null, "FSCM", "%"), "FKTABLE_NAME"))
          .isEqualTo(Rows.read("getImportedKeys(FSCM, null)", md.getImportedKeys(null, "FSCM", null), "FKTABLE_NAME"));
    }
  }

  @Test
  void catalogRowsHaveANonNullName() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      Rows.read("getCatalogs", c.getMetaData().getCatalogs(), "TABLE_CAT");
    }
  }

  @Test
  void newConnectionIsInAutoCommitMode() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  /**
   * Child resources are tables of their own ({@code invoices_invoiceLines}), once the parent was described on the
   * connection (as DBeaver's getColumns(schema, "%") does).
   */
  @Test
  void childTableIsQueryableOnceItsParentIsDescribed() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      Rows.read("getColumns(invoices)", md.getColumns(null, "FSCM", "invoices", "%"), "COLUMN_NAME");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select \"InvoiceId\", \"LineNumber\" from fscm.\"invoices_invoiceLines\" limit 3")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void childToParentLinkIsAForeignKeyBothWays() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      Rows.read("getColumns(FSCM, %)", md.getColumns(null, "FSCM", "%", "%"), "COLUMN_NAME");
      List<Map<String, Object>> imported = Rows.read("getImportedKeys(invoices_invoiceLines)",
          md.getImportedKeys(null, "FSCM", "invoices_invoiceLines"), "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
          "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ");
      assertThat(imported).extracting(r -> r.get("PKTABLE_NAME"), r -> r.get("PKCOLUMN_NAME"))
          .contains(org.assertj.core.groups.Tuple.tuple("invoices", "InvoiceId"));
      List<Map<String, Object>> exported = Rows.read("getExportedKeys(invoices)",
          md.getExportedKeys(null, "FSCM", "invoices"), "PKTABLE_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME");
      assertThat(exported).extracting(r -> r.get("FKTABLE_NAME")).contains("invoices_invoiceLines");
    }
  }

  @Test
  void childTableIsQueryableOnAFreshConnection() throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select \"InvoiceId\", \"LineNumber\" from fscm.\"invoices_invoiceLines\" limit 3")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void childTablesAreListedOnceTheirParentIsDescribed() throws SQLException {
    try (Connection c = pod.connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      Rows.read("getColumns(FSCM, %)", md.getColumns(null, "FSCM", "%", "%"), "COLUMN_NAME");
      assertThat(Rows.read("getTables(FSCM)", md.getTables(null, "FSCM", "%", null), "TABLE_NAME"))
          .extracting(r -> r.get("TABLE_NAME")).contains("invoices_invoiceLines");
      assertThat(Rows.read("getColumns(invoices_invoiceLines)",
          md.getColumns(null, "FSCM", "invoices_invoiceLines", "%"), "COLUMN_NAME", "TYPE_NAME"))
          .extracting(r -> r.get("COLUMN_NAME")).contains("InvoiceId", "LineNumber");
    }
  }

  @Test
  void previewWithSetMaxRows200AndRowCountLikeTheDataTab() throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement()) {
      st.setMaxRows(200);
      int n = 0;
      try (ResultSet rs = st.executeQuery("SELECT * FROM FSCM.\"invoices\"")) {
        int columns = rs.getMetaData().getColumnCount();
        assertThat(columns).isGreaterThan(5);
        while (rs.next()) {
          n++;
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
        }
      }
      assertThat(n).isEqualTo(200);
      st.setMaxRows(0);
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM FSCM.\"invoices\"")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(Pod.ROWS);
      }
    }
  }
}
