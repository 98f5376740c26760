package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DatabaseMetaData and Connection method, called by reflection, gives JDBC's answer for a read-only driver. */
class JdbcSurfaceTest {
  @TempDir
  static Path keys;
  static EmulatedPod pod;

  @BeforeAll
  static void start() {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(200));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  /** Methods JDBC lets a driver refuse with SQLFeatureNotSupportedException when it lacks the feature. */
  private static final Set<String> MAY_REFUSE = Set.of("createBlob", "createClob", "createNClob", "createSQLXML",
      "createStruct", "createArrayOf", "setSavepoint", "releaseSavepoint", "prepareCall", "setShardingKey",
      "setShardingKeyIfValid");

  @Test
  void everyDatabaseMetaDataMethodAnswersWithoutError() throws Exception {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
      DatabaseMetaData md = c.getMetaData();
      List<String> failures = new ArrayList<>();
      int called = 0;
      for (Method m : sorted(DatabaseMetaData.class)) {
        if (Set.of("unwrap", "isWrapperFor").contains(m.getName())) {
          continue;
        }
        try {
          Object r = m.invoke(md, args(m));
          called++;
          if (r instanceof ResultSet rs) {
            while (rs.next()) {
              rs.getObject(1);
            }
            rs.close();
          }
        } catch (InvocationTargetException e) {
          failures.add(m.getName() + ": " + e.getCause());
        }
      }
      assertThat(failures).isEmpty();
      assertThat(called).isGreaterThan(150);
    }
  }

  @Test
  void everyConnectionMethodAnswersOrRefusesOnlyWhatJdbcLetsARefuse() throws Exception {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
      List<String> failures = new ArrayList<>();
      for (Method m : sorted(Connection.class)) {
        if (Set.of("close", "abort", "unwrap", "isWrapperFor").contains(m.getName())) {
          continue;
        }
        try {
          Object r = m.invoke(c, args(m));
          if (r instanceof AutoCloseable closeable && r != c) {
            closeable.close();
          }
        } catch (InvocationTargetException e) {
          Throwable t = e.getCause();
          boolean allowed = MAY_REFUSE.contains(m.getName()) && t instanceof SQLFeatureNotSupportedException;
          if (!allowed) {
            failures.add(m.getName() + Arrays.toString(m.getParameterTypes()) + ": " + t);
          }
          if (allowed && !m.getName().startsWith("setShardingKey")) {
            assertThat(((SQLException) t).getSQLState()).as(m.getName()).isEqualTo("0A000");
            assertThat(t.getMessage()).as(m.getName()).isNotBlank();
          }
        }
      }
      assertThat(failures).isEmpty();
    }
  }

  @Test
  void readOnlyFalseIsAcceptedAsAHintAndTheConnectionStaysReadOnly() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
      c.setReadOnly(false);
      assertThat(c.isReadOnly()).isTrue();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try (Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("select count(*) from hcm.departments")) {
          assertThat(rs.next()).isTrue();
        }
        assertThatThrownBy(() -> st.executeUpdate("delete from hcm.departments"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      }
      assertThatThrownBy(() -> c.prepareStatement("insert into hcm.departments values (1)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      c.commit();
      c.setAutoCommit(true);
      c.setReadOnly(true);
      assertThat(c.isReadOnly()).isTrue();
    }
  }

  @Test
  void urlIsTheFusionUrlWithoutSecretsAndUserNameTheFusionUser() throws SQLException {
    Properties p = pod.basic();
    String password = p.getProperty("password");
    try (Connection c = DriverManager.getConnection(pod.url("pageSize=200"), p)) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getURL()).startsWith("jdbc:fusion://127.0.0.1:" + pod.emulator.port())
          .contains("pageSize=200").contains("ssl=false").doesNotContain("password");
      assertThat(md.getURL().contains(password)).as("the password is in getURL").isFalse();
      assertThat(md.getUserName()).isEqualTo(p.getProperty("user"));
      // the URL connects again, given the secret
      Properties secretOnly = new Properties();
      secretOnly.setProperty("password", password);
      try (Connection again = DriverManager.getConnection(md.getURL(), secretOnly)) {
        assertThat(again.getMetaData().getUserName()).isEqualTo(p.getProperty("user"));
      }
    }
  }

  @Test
  void noChangeIsEverVisibleOrDetectedAndCursorsHoldOverTheNoOpCommit() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
      DatabaseMetaData md = c.getMetaData();
      for (int type : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE}) {
        assertThat(md.deletesAreDetected(type) || md.insertsAreDetected(type) || md.updatesAreDetected(type)
            || md.ownDeletesAreVisible(type) || md.othersUpdatesAreVisible(type)).isFalse();
      }
      assertThat(md.supportsResultSetHoldability(md.getResultSetHoldability())).isTrue();
    }
  }

  @Test
  void timestampColumnsReportThreeFractionalDigitsAsDocsSqlSays() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic());
        ResultSet rs = c.getMetaData().getColumns(null, "FSCM", "invoices", "%")) {
      int timestamps = 0;
      while (rs.next()) {
        if (rs.getInt("DATA_TYPE") == Types.TIMESTAMP) {
          timestamps++;
          assertThat(rs.getInt("DECIMAL_DIGITS")).as(rs.getString("COLUMN_NAME")).isEqualTo(3);
          assertThat(rs.getInt("COLUMN_SIZE")).as(rs.getString("COLUMN_NAME")).isEqualTo(23);
        }
      }
      assertThat(timestamps).isPositive();
    }
  }

  @Test
  void closingTheConnectionClosesItsStatementsAndTheirOpenResultSets() throws SQLException {
    Connection c = DriverManager.getConnection(pod.url(""), pod.basic());
    Statement st = c.createStatement();
    ResultSet rs = st.executeQuery("select * from hcm.\"workers\"");
    assertThat(rs.next()).isTrue();
    java.sql.PreparedStatement ps = c.prepareStatement("select * from fscm.\"invoices\" where \"InvoiceId\" > ?");
    ps.setLong(1, 0);
    ResultSet prs = ps.executeQuery();
    assertThat(prs.next()).isTrue();
    c.close();
    assertThat(rs.isClosed()).as("the open result set").isTrue();
    assertThat(st.isClosed()).as("the statement").isTrue();
    assertThat(prs.isClosed()).as("the prepared statement's result set").isTrue();
    assertThat(ps.isClosed()).as("the prepared statement").isTrue();
  }

  private static List<Method> sorted(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::toString));
    return out;
  }

  /** Valid arguments: JDBC constants where an int names one, a query where a String is SQL, else null/0. */
  private static Object[] args(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    String name = m.getName();
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == int.class) {
        args[i] = intArg(name, i);
      } else if (t == boolean.class) {
        args[i] = false;
      } else if (t == String.class) {
        args[i] = i == 0 && (name.startsWith("prepare") || name.equals("nativeSQL")) ? "select 1"
            : name.equals("setClientInfo") && i == 0 ? "ApplicationName"
            : name.equals("setClientInfo") ? "surface-test" : null;
      } else if (t == long.class) {
        args[i] = 0L;
      }
    }
    return args;
  }

  private static int intArg(String method, int index) {
    if (method.startsWith("supportsResultSet") || method.startsWith("prepare") || method.startsWith("create")) {
      return switch (index) {
        case 0 -> method.contains("Holdability") ? ResultSet.HOLD_CURSORS_OVER_COMMIT : ResultSet.TYPE_FORWARD_ONLY;
        case 1 -> ResultSet.CONCUR_READ_ONLY;
        default -> ResultSet.HOLD_CURSORS_OVER_COMMIT;
      };
    }
    return switch (method) {
      case "setHoldability", "supportsResultSetHoldability" -> ResultSet.HOLD_CURSORS_OVER_COMMIT;
      case "setTransactionIsolation", "supportsTransactionIsolationLevel" -> Connection.TRANSACTION_READ_COMMITTED;
      case "isValid", "setNetworkTimeout" -> 5;
      default -> ResultSet.TYPE_FORWARD_ONLY;
    };
  }
}
