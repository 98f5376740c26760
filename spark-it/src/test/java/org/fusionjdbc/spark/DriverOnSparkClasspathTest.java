package org.fusionjdbc.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver Spark sees is the shaded jar, as a user adds it with --jars, beside Spark's own libraries. */
@ExtendWith(SparkPodExtension.class)
class DriverOnSparkClasspathTest {
  static SparkPod pod;

  @BeforeAll
  static void start(SparkPod p) {
    pod = p;
    pod.useDialect(false);
  }

  @Test
  void theDriverComesFromTheShadedJarAndBringsNoUnrelocatedCalcite() throws Exception {
    Class<?> driver = Class.forName("org.fusionjdbc.jdbc.FusionDriver");
    Path source = Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(Files.isRegularFile(source)).as("a jar, not reactor classes: %s", source).isTrue();
    assertThat(source.getFileName().toString()).matches("fusion-jdbc-.+\\.jar");
    assertThatThrownBy(() -> Class.forName("org.apache.calcite.jdbc.Driver"))
        .isInstanceOf(ClassNotFoundException.class);
    Class<?> shadedCalcite = Class.forName("org.fusionjdbc.shaded.org.apache.calcite.jdbc.Driver");
    assertThat(Path.of(shadedCalcite.getProtectionDomain().getCodeSource().getLocation().toURI())).isEqualTo(source);
    assertThat(DriverManager.getDriver(pod.url()).getClass()).isSameAs(driver);
  }

  /**
   * Spark's JDBCRDD ends every partition with {@code if (!conn.getAutoCommit()) conn.commit()} and logs a WARN
   * with a stack trace when that throws. Fusion has no transactions, so the connection should report
   * auto-commit (the JDBC default) or accept the commit.
   */
  @Test
  void sparksEndOfPartitionCommitSucceeds() throws Exception {
    Properties p = new Properties();
    pod.connectionOptions().forEach((k, v) -> {
      if (!k.equals("url") && !k.equals("driver")) {
        p.setProperty(k, v);
      }
    });
    try (Connection c = DriverManager.getConnection(pod.url(), p)) {
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }
}
