package org.fusionjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's plumbing (first connection, hand-off to sqlline, CSV defaults, exit codes, secrets from the
 * environment) against H2, a second JDBC database that needs no emulator. FusionSqlDemoTest covers Fusion itself.
 */
final class LauncherPlumbingTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) throws IOException {
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return FusionSql.run(args, new ByteArrayInputStream(new byte[0]), o, e, env);
    }
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void oneStatementAsCsvWithDoubleQuotesAndNothingElseOnStdout() throws IOException {
    int code = run(Map.of(), "-u", "jdbc:h2:mem:csv", "--outputformat=csv",
        "-e", "select 1 as a, 'x,y' as b union all select 2, null order by a");
    assertThat(code).as(err()).isZero();
    assertThat(out().lines().toList()).containsExactly("\"A\",\"B\"", "\"1\",\"x,y\"", "\"2\",\"\"");
    // stderr holds the statement's summary line and nothing else
    assertThat(err().lines().toList()).singleElement().asString()
        .matches("fusion-sql: 2 rows in \\d+\\.\\d\\d s, 0 requests, 0 warnings");
  }

  @Test
  void aFailingStatementExitsWithTwoAndPrintsMessageAndSqlStateWithoutStackTrace() throws IOException {
    int code = run(Map.of(), "-u", "jdbc:h2:mem:fail", "-e", "select * from no_such_table");
    assertThat(code).isEqualTo(FusionSql.FAILED);
    assertThat(err()).contains("Error: ").contains("NO_SUCH_TABLE").containsPattern("\\(SQLState 42S0\\d\\)");
    assertThat(err()).doesNotContain("\tat ");
  }

  /** The driver reports a filter it evaluates itself as a warning: one line, like an error, not a stack trace. */
  @Test
  void aWarningFromTheDriverIsOneLineWithItsSqlState() throws IOException {
    int code = run(Map.of(), "--demo", "--outputformat=csv",
        "-e", "select count(*) from fscm.\"invoices\" where upper(\"Supplier\") like 'A%'");
    assertThat(code).as(err()).isZero();
    assertThat(err().lines().filter(l -> l.startsWith("Warning: ")).toList()).singleElement()
        .satisfies(l -> assertThat(l).contains("Supplier").endsWith("(SQLState 01000)"));
    assertThat(err()).doesNotContain("\tat ").doesNotContain("SQLWarning");
  }

  @Test
  void laterStatementsRunAfterAnEarlierOneAndTheLastStatusCounts() throws IOException {
    int code = run(Map.of(), "-u", "jdbc:h2:mem:multi", "--outputformat=tsv",
        "-e", "create table t(x int)", "-e", "insert into t values (41), (42)", "-e", "select max(x) from t");
    assertThat(code).as(err()).isZero();
    assertThat(out()).contains("42");
  }

  @Test
  void cannotConnectIsOneLineAndExitCodeOne() throws IOException {
    String url = "jdbc:h2:" + dir.resolve("missing").toAbsolutePath() + ";IFEXISTS=TRUE";
    int code = run(Map.of(), "-u", url, "-e", "select 1");
    assertThat(code).isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).startsWith("fusion-sql: cannot connect: ").contains("SQLState");
    assertThat(err().lines().count()).isEqualTo(1);
    assertThat(out()).isEmpty();
  }

  @Test
  void passwordComesFromTheEnvironmentAndIsNeverPrinted() throws IOException {
    String secret = "s3cr3t-" + System.nanoTime();
    // the first connection creates the in-memory database with these credentials; a wrong password would fail
    int code = run(Map.of("FUSION_PASSWORD", secret), "-u", "jdbc:h2:mem:secret;DB_CLOSE_DELAY=-1", "-n", "casey",
        "--outputformat=csv", "-e", "select current_user");
    assertThat(code).as(err()).isZero();
    assertThat(out()).contains("CASEY");
    code = run(Map.of("FUSION_PASSWORD", "wrong"), "-u", "jdbc:h2:mem:secret;DB_CLOSE_DELAY=-1", "-n", "casey",
        "-e", "select 1");
    assertThat(code).isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(out() + err()).doesNotContain(secret).doesNotContain("wrong\n");
  }

  @Test
  void propertiesFileCarriesUrlUserAndPassword() throws IOException {
    Path file = dir.resolve("h2.properties");
    Files.writeString(file, "url=jdbc:h2:mem:props\nuser=dana\npassword=pw-in-file\n");
    int code = run(Map.of(), "--properties", file.toString(), "--outputformat=csv", "-e", "select current_user");
    assertThat(code).as(err()).isZero();
    assertThat(out()).contains("DANA").doesNotContain("pw-in-file");
  }

  @Test
  void usageErrorsAndHelp() throws IOException {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out()).contains("--demo").contains("FUSION_CLIENT_SECRET");
    assertThat(run(Map.of(), "-u", "jdbc:h2:mem:x", "-p", "pw")).isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).contains("FUSION_PASSWORD").doesNotContain("pw\n");
  }

  @Test
  void scriptWithoutUrlAndForeignUrlsAreRefused() throws IOException {
    assertThat(run(Map.of(), "-e", "select 1")).isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).contains("no connection URL");
    assertThat(run(Map.of(), "-u", "jdbc:nosuchdb:x", "-e", "select 1")).isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).contains("no driver accepts this URL");
  }
}
