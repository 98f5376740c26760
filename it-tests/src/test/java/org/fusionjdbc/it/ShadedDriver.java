package org.fusionjdbc.it;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * How this module uses the driver as a user would: the it-tests pom depends on fusion-jdbc with every transitive
 * dependency excluded, and the tests are failsafe ITs, so the test class path holds the reactor's shaded
 * {@code driver/target/fusion-jdbc-VERSION.jar} and nothing of Calcite, Jackson or httpclient5 unrelocated;
 * connections come from plain {@code DriverManager} (ServiceLoader registration of the jar). An isolated
 * URLClassLoader was not chosen because DriverManager refuses drivers the caller's loader cannot see, and the
 * driver module's ShadedJarIsolationIT already covers hostile-library isolation.
 *
 * <p>Proves the suite talks to the shaded jar: the driver DriverManager picks for {@code jdbc:fusion:} must come from
 * {@code fusion-jdbc-VERSION.jar}, and no unrelocated Calcite may be visible to the test class path (the pom
 * excludes the driver's dependencies). Without this, a reactor quirk could silently test target/classes instead.
 */
final class ShadedDriver {
  private ShadedDriver() {
  }

  static void check() {
    Driver driver;
    try {
      driver = DriverManager.getDriver("jdbc:fusion://127.0.0.1");
    } catch (SQLException e) {
      throw new IllegalStateException("no jdbc:fusion: driver on the class path: " + e.getMessage(), e);
    }
    Path source;
    try {
      source = Path.of(driver.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String expected = "fusion-jdbc-" + System.getProperty("fusion.version", "") + ".jar";
    if (!source.getFileName().toString().equals(expected)) {
      throw new IllegalStateException("the jdbc:fusion: driver was loaded from " + source + ", not from the shaded "
          + expected + "; run these tests with 'mvn -pl it-tests -am verify' (failsafe, after package)");
    }
    if (isVisible("org.apache.calcite.jdbc.Driver") || isVisible("org.apache.hc.client5.http.classic.HttpClient")) {
      throw new IllegalStateException("an unrelocated Calcite or httpclient5 is on the test class path: the tests would not prove"
          + " that the shaded jar is self-contained");
    }
    if (!isVisible("org.fusionjdbc.shaded.org.apache.calcite.jdbc.Driver")) {
      throw new IllegalStateException(source + " has no relocated Calcite: is it really the shaded jar?");
    }
  }

  static boolean isVisible(String className) {
    try {
      Class.forName(className, false, ShadedDriver.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
