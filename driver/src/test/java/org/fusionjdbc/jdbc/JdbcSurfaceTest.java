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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteConnection;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every method of the driver's JDBC objects, called by reflection, gives JDBC's answer for a read-only driver, and
 * every object leads back to the driver's objects.
 */
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

  /**
   * Every method of the java.sql interfaces the driver hands out is the driver's own delegation: none is left to an
   * interface default, which would answer without asking Calcite (or refuse what Calcite supports).
   */
  @Test
  void everyJdbcMethodIsAnsweredByTheDriversOwnClass() throws Exception {
    Map<Class<?>, Class<?>> classes = Map.of(Connection.class, FusionConnection.class, Statement.class,
        FusionStatementImpl.class, PreparedStatement.class, FusionPreparedStatement.class, ResultSet.class,
        FusionResultSet.class, ResultSetMetaData.class, FusionResultSetMetaData.class, DatabaseMetaData.class,
        FusionDatabaseMetaData.class);
    List<String> inherited = new ArrayList<>();
    classes.forEach((iface, type) -> {
      for (Method m : sorted(iface)) {
        try {
          if (type.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass().isInterface()) {
            inherited.add(type.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
          }
        } catch (NoSuchMethodException e) {
          throw new AssertionError(e);
        }
      }
    });
    assertThat(inherited).isEmpty();
  }

  /** Statement, PreparedStatement, ResultSet and ResultSetMetaData: every call answers or fails with SQLException. */
  @Test
  void everyStatementAndResultSetMethodAnswersOrFailsWithAnSqlException() throws Exception {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
      List<String> failures = new ArrayList<>();
      int called = 0;
      try (Statement st = c.createStatement()) {
        called += callAll(Statement.class, st, failures);
        ResultSet rs = st.executeQuery("select * from hcm.\"workers\"");
        assertThat(rs.next()).isTrue();
        called += callAll(ResultSetMetaData.class, rs.getMetaData(), failures);
        called += callAll(ResultSet.class, rs, failures);
      }
      try (PreparedStatement ps = c.prepareStatement("select * from fscm.\"invoices\" where \"InvoiceId\" > ?")) {
        called += callAll(PreparedStatement.class, ps, failures);
      }
      assertThat(failures).isEmpty();
      assertThat(called).isGreaterThan(350);
    }
  }

  private static int callAll(Class<?> iface, Object target, List<String> failures) throws IllegalAccessException {
    int called = 0;
    for (Method m : sorted(iface)) {
      if (Set.of("close", "unwrap", "isWrapperFor", "cancel", "closeOnCompletion").contains(m.getName())) {
        continue;
      }
      called++;
      Object[] args = args(m);
      for (int i = 0; i < args.length; i++) {
        Class<?> t = m.getParameterTypes()[i];
        if (args[i] == null && t.isPrimitive()) {
          args[i] = java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(t, 1), 0); // the type's zero
        }
      }
      try {
        m.invoke(target, args);
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof SQLException)) { // never a Calcite runtime exception or error
          failures.add(iface.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()) + ": "
              + e.getCause());
        }
      }
    }
    return called;
  }

  @Test
  void everyObjectLeadsBackToTheDriversObjectsAndUnwrapsToCalcites() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
      assertThat(c.unwrap(CalciteConnection.class)).isNotNull().isNotSameAs(c);
      assertThat(c.isWrapperFor(CalciteConnection.class)).isTrue();
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1 from hcm.departments")) {
        assertThat(st.getResultSet()).isSameAs(rs);
        assertThat(rs.getStatement()).isSameAs(st);
        assertThat(rs.unwrap(ResultSet.class)).isSameAs(rs);
        assertThat(st.unwrap(FusionStatement.class)).isSameAs(st);
        assertThat(rs.getMetaData().getClass()).isEqualTo(FusionResultSetMetaData.class);
      }
      try (PreparedStatement ps = c.prepareStatement("select 1 from hcm.departments", Statement.RETURN_GENERATED_KEYS)) {
        assertThat(ps.getConnection()).isSameAs(c);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.getStatement()).isSameAs(ps);
        }
      }
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet tables = md.getTables(null, "HCM", "%", null)) {
        assertThat(tables.getClass()).isEqualTo(FusionResultSet.class);
        assertThat(tables.getStatement().getConnection()).as("a metadata result set's statement's connection")
            .isSameAs(c);
      }
    }
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
