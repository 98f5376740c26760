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
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver through DriverManager against the emulator, with the real JWT and Basic paths. */
class DriverEndToEndTest {
  @TempDir
  static Path keys;
  static EmulatedPod pod;

  @BeforeAll
  static void start() {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(5_000));
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
  void aChildTableIsFoundByTheFirstStatementOfAConnection() throws SQLException {
    long invoiceId;
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select min(\"InvoiceId\") from fscm.\"invoices\"")) {
      rs.next();
      invoiceId = rs.getLong(1);
    }
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from fscm.\"invoices_invoiceLines\" where \"InvoiceId\" = " + invoiceId)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isBetween(1L, 5L);
    }
  }

  @Test
  void nonLatinLiteralsParse() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from fscm.\"invoices\" where \"Description\" = 'JP 事業部 ✓'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isNotNegative();
    }
  }

  @Test
  void aBoundStringLongerThanTheColumnIsNotCutToTheColumnLength() throws SQLException {
    String fifty = "Q".repeat(49) + "'"; // InvoiceNumber is VARCHAR(50)
    long id = pod.emulator.data().insert("invoices", java.util.Map.of("InvoiceNumber", fifty,
        "InvoiceAmount", java.math.BigDecimal.ONE));
    try (Connection c = connect(pod.jwt()); java.sql.PreparedStatement ps = c.prepareStatement(
        "select count(*) from fscm.\"invoices\" where \"InvoiceNumber\" = ?")) {
      ps.setString(1, fifty);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      ps.setString(1, fifty + " or 1=1");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("a value longer than VARCHAR(50) matches nothing").isZero();
      }
    } finally {
      pod.emulator.data().delete("invoices", id);
    }
  }

  @Test
  void connectionIsReadOnlyAndWritesAre0A000() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThat(c.isReadOnly()).isTrue();
      assertThatThrownBy(() -> st.executeUpdate("delete from fscm.\"invoices\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> st.execute("insert into fscm.\"invoices\" (\"InvoiceId\") values (1)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      c.setReadOnly(false); // a hint (pools send it): accepted, and the connection stays read-only
      assertThat(c.isReadOnly()).isTrue();
      assertThatThrownBy(() -> st.executeUpdate("delete from fscm.\"invoices\""))
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

  /** Runs a full scan on another thread while every page request takes 10 s; returns the failure. */
  private static SQLException slowScanStoppedBy(java.util.function.Consumer<Statement> stopper, int queryTimeoutSeconds)
      throws Exception {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      // Describe is cached per connection; planning-time metadata requests are not interruptible (documented).
      st.executeQuery("select * from fscm.\"expenses\" limit 1").close();
      pod.emulator.faults().latencyMs(10_000);
      st.setQueryTimeout(queryTimeoutSeconds);
      var failure = new java.util.concurrent.CompletableFuture<SQLException>();
      Thread runner = new Thread(() -> {
        try (ResultSet rs = st.executeQuery("select * from fscm.\"expenses\"")) {
          while (rs.next()) {
            // drain
          }
          failure.complete(null);
        } catch (SQLException e) {
          failure.complete(e);
        }
      });
      long start = System.nanoTime();
      runner.start();
      Thread.sleep(300);
      stopper.accept(st);
      SQLException e = failure.get(30, java.util.concurrent.TimeUnit.SECONDS);
      // Stopped while the first page was still being served: it did not wait for the slow request.
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(8));
      return e;
    } finally {
      pod.emulator.faults().latencyMs(0);
    }
  }

  @Test
  void cancelFromAnotherThreadAbortsTheRequestInFlight() throws Exception {
    SQLException e = slowScanStoppedBy(st -> {
      try {
        st.cancel();
      } catch (SQLException ex) {
        throw new IllegalStateException(ex);
      }
    }, 0);
    assertThat((Throwable) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("57014");
  }

  @Test
  void queryTimeoutAbortsTheRequestInFlight() throws Exception {
    SQLException e = slowScanStoppedBy(st -> { }, 1);
    assertThat((Throwable) e).isInstanceOf(java.sql.SQLTimeoutException.class);
    assertThat(e.getSQLState()).isEqualTo("HYT00");
  }

  @Test
  void progressIsReadableThroughUnwrap() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThat(st.isWrapperFor(FusionStatement.class)).isTrue();
      int n = 0;
      try (ResultSet rs = st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" order by \"InvoiceId\" limit 700")) {
        while (rs.next()) {
          n++;
        }
      }
      var progress = st.unwrap(FusionStatement.class).progress();
      assertThat(n).isEqualTo(700);
      assertThat(progress.rowsFetched()).isEqualTo(700);
      assertThat(progress.requests()).isGreaterThanOrEqualTo(2);
    }
  }

  /** fusion-sql's summary line reads this: a COUNT answered from totalResults made one request, not none. */
  @Test
  void aPushedDownCountShowsItsOneRequestInProgress() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("select count(*) from fscm.\"invoices\" where \"InvoiceAmount\" > 100")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(st.unwrap(FusionStatement.class).progress().requests()).isEqualTo(1);
      try (ResultSet rs = st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" limit 5")) {
        while (rs.next()) {
          rs.getLong(1);
        }
      }
      assertThat(st.unwrap(FusionStatement.class).progress().requests()).as("a new query starts from zero")
          .isEqualTo(1);
    }
  }

  @Test
  void setMaxRowsOnAPreparedStatementCapsTheRowsAndAPlainScanIsOneSmallRequest() throws SQLException {
    try (Connection c = connect(pod.jwt());
        java.sql.PreparedStatement filtered = c.prepareStatement(
            "select * from fscm.\"invoices\" where \"InvoiceAmount\" > ?");
        java.sql.PreparedStatement plain = c.prepareStatement("select * from fscm.\"invoices\"")) {
      plain.setMaxRows(150);
      pod.emulator.journal().clear();
      assertThat(count(plain)).isEqualTo(150);
      var scans = pod.emulator.journal().filter(e -> e.path().endsWith("/invoices"));
      assertThat(scans).hasSize(1);
      assertThat(scans.get(0).param("limit")).isEqualTo("150");
      // a residual filter in Calcite keeps the limit out of the request, but the result still stops at 150
      filtered.setMaxRows(150);
      filtered.setBigDecimal(1, java.math.BigDecimal.ZERO);
      assertThat(count(filtered)).isEqualTo(150);
    }
  }

  /** Max rows limit the request only of a scan whose rows are the result rows; a smaller LIMIT wins. */
  @Test
  void setMaxRowsLimitsTheRequestOfTheResultScanOnly() throws SQLException {
    try (Connection c = connect(pod.jwt()); Statement st = c.createStatement()) {
      st.setMaxRows(7);
      pod.emulator.journal().clear();
      assertThat(drain(st.executeQuery("select \"InvoiceId\", \"InvoiceId\" + 1 from fscm.\"invoices\""))).isEqualTo(7);
      assertThat(pod.emulator.journal().filter(e -> e.path().endsWith("/invoices")))
          .singleElement().satisfies(e -> assertThat(e.param("limit")).isEqualTo("7"));
      // a residual filter above the scan: its rows are not the result rows, so the request keeps its own limit
      pod.emulator.journal().clear();
      assertThat(drain(st.executeQuery(
          "select \"InvoiceId\" from fscm.\"invoices\" where mod(\"InvoiceId\", 2) = 0"))).isEqualTo(7);
      assertThat(pod.emulator.journal().filter(e -> e.path().endsWith("/invoices")))
          .isNotEmpty().allSatisfy(e -> assertThat(e.param("limit")).isNotEqualTo("7"));
      st.setMaxRows(50);
      pod.emulator.journal().clear();
      assertThat(drain(st.executeQuery(
          "select \"InvoiceId\" from fscm.\"invoices\" order by \"InvoiceId\" limit 3"))).isEqualTo(3);
      // (a page the previous scan prefetched may land in the journal too: only this scan's requests count)
      var scans = pod.emulator.journal().filter(e -> e.path().endsWith("/invoices"));
      assertThat(scans).anySatisfy(e -> assertThat(e.param("limit")).isEqualTo("3"))
          .noneSatisfy(e -> assertThat(e.param("limit")).isEqualTo("50"));
    }
  }

  private static int drain(ResultSet rs) throws SQLException {
    try (rs) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  private static int count(java.sql.PreparedStatement ps) throws SQLException {
    int n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
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
          if ("InvoiceNumber".equals(rs.getString("COLUMN_NAME"))) {
            assertThat(rs.getInt("COLUMN_SIZE")).as("describe's maxLength").isEqualTo(50);
          }
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
