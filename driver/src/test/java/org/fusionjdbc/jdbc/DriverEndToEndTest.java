package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver through DriverManager against the emulator, with the real JWT and Basic paths. */
class DriverEndToEndTest {
  @TempDir
  static Path keys;
  static DemoPod pod;

  @BeforeAll
  static void start() {
    pod = new DemoPod(keys, EmulatorOptions.builder().rows(5_000));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  private static Connection connect(Properties p) throws SQLException {
    return DriverManager.getConnection(pod.url(""), p);
  }

  @Test
  void jwtConnectionRunsAQueryAndTheRequestCarriesTheSignedToken() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select \"InvoiceId\", \"InvoiceNumber\" from fscm.\"invoices\" order by \"InvoiceId\" limit 3")) {
      List<Long> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
        assertThat(rs.getString(2)).isNotBlank();
      }
      assertThat(ids).hasSize(3).isSorted();
      assertThat(rs.getStatement()).isSameAs(st);
      assertThat(st.getConnection()).isSameAs(c);
    }
    assertThat(pod.emulator.journal().last().authKind()).isEqualTo("jwt");
  }

  @Test
  void basicConnectionWorksAndUnquotedNamesMatchCaseInsensitively() throws SQLException {
    try (Connection c = connect(pod.basic()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from hcm.departments")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isPositive();
    }
  }

  @Test
  void wrongPasswordIs28000AndNoSecretInTheMessage() {
    Properties p = pod.basic();
    p.setProperty("password", "not-the-password-xyz");
    assertThatThrownBy(() -> {
      try (Connection c = connect(p); Statement st = c.createStatement()) {
        st.executeQuery("select * from fscm.\"invoices\" limit 1").close();
      }
    }).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("28000");
      assertThat(e.getMessage()).doesNotContain("not-the-password-xyz");
    });
  }

  @Test
  void connectionIsReadOnlyAndWritesAre0A000() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThat(c.isReadOnly()).isTrue();
      assertThatThrownBy(() -> st.executeUpdate("delete from fscm.\"invoices\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> st.execute("insert into fscm.\"invoices\" (\"InvoiceId\") values (1)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> c.setReadOnly(false))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    }
  }

  @Test
  void unknownTableAndColumnAndSyntaxErrorsHaveTheirStates() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("select * from fscm.nosuchresource"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
      assertThatThrownBy(() -> st.executeQuery("select \"Bogus\" from fscm.\"invoices\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S22"));
      assertThatThrownBy(() -> st.executeQuery("selec 1"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42000"));
      try (ResultSet rs = st.executeQuery("select 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void setMaxRowsOnALargeResourceMakesOneSmallRequest() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      pod.emulator.journal().clear();
      st.setMaxRows(200);
      int n = 0;
      try (ResultSet rs = st.executeQuery("select * from fscm.\"invoices\"")) {
        while (rs.next()) {
          n++;
        }
      }
      assertThat(n).isEqualTo(200);
      var scans = pod.emulator.journal().filter(e -> e.path().endsWith("/invoices"));
      assertThat(scans).hasSize(1);
      assertThat(scans.get(0).param("limit")).isEqualTo("200");
    }
  }

  @Test
  void metadataListsSchemasTablesColumnsAndKeysWithoutCalcitesInternals() throws SQLException {
    try (Connection c = connect(pod.jwt())) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getDatabaseProductName()).isEqualTo("Oracle Fusion Cloud Applications");
      assertThat(md.getDriverName()).isEqualTo("fusion-jdbc");
      assertThat(md.getConnection()).isSameAs(c);
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas).contains("FSCM", "HCM").doesNotContain("metadata");
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "FSCM", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("invoices", "suppliers");
      boolean sawRemarks = false;
      int columns = 0;
      try (ResultSet rs = md.getColumns(null, "FSCM", "invoices", "%")) {
        while (rs.next()) {
          columns++;
          assertThat(rs.getString("TYPE_NAME")).isNotBlank();
          sawRemarks |= rs.getString("REMARKS") != null;
        }
      }
      assertThat(columns).isGreaterThan(5);
      assertThat(sawRemarks).as("REMARKS from describe titles").isTrue();
      try (ResultSet rs = md.getPrimaryKeys(null, "FSCM", "invoices")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("COLUMN_NAME")).isEqualTo("InvoiceId");
        assertThat(rs.getShort("KEY_SEQ")).isEqualTo((short) 1);
      }
      try (ResultSet rs = md.getIndexInfo(null, "FSCM", "invoices", false, true)) {
        assertThat(rs.next()).isFalse();
      }
    }
  }
}
