package org.fusionjdbc.jdbc.shaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.fusionjdbc.jdbc.shaded.ShadedJar.IsolatedLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The relocated Calcite inside the shaded jar runs queries, including ones that make it generate and compile Java
 * with (relocated) Janino, from a class loader that has Guava 16 and Janino 3.1.9 AHEAD of the jar, the situation
 * in Spark or Hive. This proves the decision to relocate org.apache.calcite and org.codehaus (driver/pom.xml).
 */
@Tag("shaded-jar")
final class ShadedJarIsolationIT {
  private static final String CALCITE_DRIVER = ShadedJar.PREFIX + "org.apache.calcite.jdbc.Driver";

  private IsolatedLoader loader;

  @BeforeEach
  void createLoader() {
    loader = ShadedJar.isolatedLoader();
  }

  @AfterEach
  void closeLoader() throws Exception {
    loader.close();
  }

  @Test
  void groupByExpressionCompilesWithRelocatedJaninoNotTheHostOne() throws Exception {
    String sql = "select mod(x, 3) as k, count(*) as c, sum(x * 2) as s "
        + "from (values (1), (2), (3), (4), (5), (6), (7)) as t(x) group by mod(x, 3) order by k";
    List<String> rows = new ArrayList<>();
    try (Connection c = calcite().connect("jdbc:calcite:", new Properties());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3));
      }
    }
    assertThat(rows).containsExactly("0:2:18", "1:3:24", "2:2:14");

    // code generation happened with the relocated Janino ...
    assertThat(loader.hasLoaded(ShadedJar.PREFIX + "org.codehaus.janino.SimpleCompiler")
        || loader.hasLoaded(ShadedJar.PREFIX + "org.codehaus.janino.ClassBodyEvaluator"))
        .as("relocated Janino compiled the generated code").isTrue();
    // ... and neither the host's Janino nor its Guava was touched, although they come first on the path
    assertThat(loader.hasLoaded("org.codehaus.janino.SimpleCompiler")).isFalse();
    assertThat(loader.hasLoaded("org.codehaus.janino.ClassBodyEvaluator")).isFalse();
    assertThat(loader.hasLoaded("org.codehaus.commons.compiler.CompilerFactoryFactory")).isFalse();
    assertThat(loader.hasLoaded("com.google.common.collect.ImmutableList")).isFalse();
    // the hostile libraries really are there (the test would prove nothing otherwise)
    assertThat(loader.loadClass("com.google.common.collect.ImmutableList").getClassLoader()).isSameAs(loader);
    assertThat(loader.loadClass("org.codehaus.janino.SimpleCompiler").getClassLoader()).isSameAs(loader);
  }

  @Test
  void joinsAndDatetimeFunctionsRunInTheIsolatedLoader() throws Exception {
    String sql = "select a.n, b.label, extract(year from date '2024-03-01') as y "
        + "from (values (1), (2)) as a(n) join (values (1, 'one'), (2, 'two')) as b(n, label) on a.n = b.n "
        + "where b.label like 't%' or a.n = 1 order by a.n";
    List<String> rows = new ArrayList<>();
    try (Connection c = calcite().connect("jdbc:calcite:", new Properties());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getInt(3));
      }
    }
    assertThat(rows).containsExactly("1:one:2024", "2:two:2024");
  }

  @Test
  void calciteLogsReachJavaUtilLoggingThroughTheRelocatedSlf4jBinding() throws Exception {
    Class<?> factory = Class.forName(ShadedJar.PREFIX + "org.slf4j.LoggerFactory", true, loader);
    Object iLoggerFactory = factory.getMethod("getILoggerFactory").invoke(null);
    // not the NOP fallback slf4j uses (and warns about on stderr) when it finds no binding, but the driver's own
    // binding: java.util.logging for every bundled library except httpclient5, whose loggers never log
    assertThat(iLoggerFactory.getClass().getName())
        .isEqualTo(ShadedJar.PREFIX + "org.slf4j.impl.QuietHttpLoggerFactory");
    Method getLogger = iLoggerFactory.getClass().getMethod("getLogger", String.class);
    getLogger.setAccessible(true);
    assertThat(getLogger.invoke(iLoggerFactory, ShadedJar.PREFIX + "org.apache.calcite.plan.RelOptPlanner")
        .getClass().getName()).isEqualTo(ShadedJar.PREFIX + "org.slf4j.impl.JDK14LoggerAdapter");
    assertThat(getLogger.invoke(iLoggerFactory, ShadedJar.PREFIX + "org.apache.hc.client5.http.headers")
        .getClass().getName()).isEqualTo(ShadedJar.PREFIX + "org.slf4j.helpers.NOPLogger");

    // Relocated Calcite's loggers live under org.fusionjdbc.shaded..., so the driver's logLevel reaches them.
    Logger calciteRoot = Logger.getLogger(ShadedJar.PREFIX + "org.apache.calcite");
    Level before = calciteRoot.getLevel();
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    capture.setLevel(Level.ALL);
    calciteRoot.setLevel(Level.FINEST);
    calciteRoot.addHandler(capture);
    try (Connection c = calcite().connect("jdbc:calcite:", new Properties());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from (values (1), (2)) as t(x) where x > 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1);
    } finally {
      calciteRoot.removeHandler(capture);
      calciteRoot.setLevel(before);
    }
    assertThat(records).isNotEmpty();
    assertThat(records).allMatch(r -> r.getLoggerName().startsWith(ShadedJar.PREFIX + "org.apache.calcite"));
  }

  @Test
  void httpClientFindsItsRelocatedPublicSuffixList() throws Exception {
    Class<?> loaderClass = Class.forName(
        ShadedJar.PREFIX + "org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader", true, loader);
    Object matcher = loaderClass.getMethod("getDefault").invoke(null);
    assertThat(matcher).as("public suffix list (used for TLS host name checks) is found").isNotNull();
    Method root = matcher.getClass().getMethod("getDomainRoot", String.class);
    assertThat(root.invoke(matcher, "pod.fa.us2.oraclecloud.com")).isEqualTo("oraclecloud.com");
  }

  private Driver calcite() throws ReflectiveOperationException {
    Class<?> cls = Class.forName(CALCITE_DRIVER, true, loader);
    assertThat(cls.getClassLoader()).isSameAs(loader);
    return (Driver) cls.getDeclaredConstructor().newInstance();
  }
}
