package org.fusionjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fusionjdbc.cli.LaunchOptions.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output}: formats, atomic writes, cancel, the progress line and the summary line. */
final class ExtractTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws IOException {
    out.reset();
    err.reset();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return FusionSql.run(args, new ByteArrayInputStream(new byte[0]), o, e, Map.of());
    }
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void demoExtractWritesEveryRowOfTheResourceAndOneSummaryLine() throws IOException {
    assertThat(run("--demo", "--outputformat=csv", "-e", "select count(*) as n from fscm.\"invoices\"")).as(err()).isZero();
    long count = Long.parseLong(out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow()
        .replace("\"", ""));
    assertThat(count).isGreaterThan(1000);

    Path file = dir.resolve("x.csv");
    assertThat(run("--demo", "-e", "select * from fscm.\"invoices\"", "--output", file.toString())).as(err()).isZero();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("InvoiceId,InvoiceNumber,");
    // no value of the demo data holds a line break, so lines are rows (plus the header)
    assertThat(lines).hasSize((int) count + 1);
    assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count()).isEqualTo(count);
    assertThat(files()).containsExactly(file);
    assertThat(out.size()).as("rows go to the file, not stdout").isZero();
    List<String> errLines = err().lines().toList();
    assertThat(errLines).singleElement().asString()
        .matches("fusion-sql: " + count + " rows in \\d+\\.\\d\\d s, [1-9]\\d* requests, 0 warnings");
    assertThat(err()).doesNotContain("\r").doesNotContain("\033[");
  }

  @Test
  void aFailedExtractLeavesNoFileAndKeepsAnOlderOne() throws IOException {
    Path file = dir.resolve("old.csv");
    Files.writeString(file, "an earlier extract\n");
    assertThat(run("--demo", "-e", "select * from fscm.\"noSuchResource\"", "--output", file.toString()))
        .isEqualTo(FusionSql.FAILED);
    assertThat(Files.readString(file)).isEqualTo("an earlier extract\n");
    assertThat(files()).containsExactly(file);
    assertThat(err()).contains("(SQLState 42S02)").contains(file + " not written")
        .containsPattern("fusion-sql: failed after \\d+\\.\\d\\d s, \\d+ requests?, 0 warnings");

    Path none = dir.resolve("none.csv");
    assertThat(run("--demo", "-e", "select * from fscm.\"noSuchResource\"", "--output", none.toString()))
        .isEqualTo(FusionSql.FAILED);
    assertThat(files()).containsExactly(file);
  }

  @Test
  void formatsFromTheExtensionOrOutputFormatQuoteAndEscapeValues() throws IOException {
    String sql = "select 1 as n, 'a,b \"q\"' as s, cast(null as varchar) as z, true as b, 2.50 as d "
        + "union all select 2, 'line1' || char(10) || 'tab' || char(9) || 'x\\y', 'v', false, -1.00 order by n";
    Path csv = dir.resolve("t.csv");
    assertThat(run("-u", "jdbc:h2:mem:fmt", "-e", sql, "--output", csv.toString())).as(err()).isZero();
    assertThat(Files.readString(csv)).isEqualTo("N,S,Z,B,D\r\n1,\"a,b \"\"q\"\"\",,TRUE,2.50\r\n"
        + "2,\"line1\ntab\tx\\y\",v,FALSE,-1.00\r\n");

    Path jsonl = dir.resolve("t.jsonl");
    assertThat(run("-u", "jdbc:h2:mem:fmt", "-e", sql, "--output=" + jsonl)).as(err()).isZero();
    assertThat(Files.readAllLines(jsonl)).containsExactly(
        "{\"N\":1,\"S\":\"a,b \\\"q\\\"\",\"Z\":null,\"B\":true,\"D\":2.50}",
        "{\"N\":2,\"S\":\"line1\\ntab\\tx\\\\y\",\"Z\":\"v\",\"B\":false,\"D\":-1.00}");

    Path tsv = dir.resolve("t.out");
    assertThat(run("-u", "jdbc:h2:mem:fmt", "--outputformat=tsv", "-e", sql, "--output", tsv.toString()))
        .as(err()).isZero();
    assertThat(Files.readString(tsv)).isEqualTo("N\tS\tZ\tB\tD\n1\ta,b \"q\"\t\\N\tTRUE\t2.50\n"
        + "2\tline1\\ntab\\tx\\\\y\tv\tFALSE\t-1.00\n");
    assertThat(err().lines().toList()).singleElement().asString().startsWith("fusion-sql: 2 rows in ");
  }

  @Test
  void headersAreEscapedLikeValuesAndACarriageReturnIsQuotedInCsvAndEscapedInTsv() throws IOException {
    String sql = "select 'r' || char(13) || 'n' as \"a,b\", '' as \"t\tx\", 'q\"' as \"c\\d\"";
    Path csv = dir.resolve("h.csv");
    assertThat(run("-u", "jdbc:h2:mem:hdr", "-e", sql, "--output", csv.toString())).as(err()).isZero();
    assertThat(Files.readString(csv)).isEqualTo("\"a,b\",t\tx,c\\d\r\n\"r\rn\",,\"q\"\"\"\r\n");

    Path tsv = dir.resolve("h.tsv");
    assertThat(run("-u", "jdbc:h2:mem:hdr", "-e", sql, "--output", tsv.toString())).as(err()).isZero();
    assertThat(Files.readString(tsv)).isEqualTo("a,b\tt\\tx\tc\\\\d\nr\\rn\t\tq\"\n");
  }

  @Test
  void everyStatementOfAScriptGetsItsSummaryLine() throws IOException {
    assertThat(run("-u", "jdbc:h2:mem:summaries", "--outputformat=csv", "-e", "select 1 from dual",
        "-e", "select x from system_range(1, 5)", "-e", "select * from no_such_table")).isEqualTo(FusionSql.FAILED);
    List<String> summaries = err().lines().filter(l -> l.startsWith("fusion-sql: ")).toList();
    assertThat(summaries).hasSize(3);
    assertThat(summaries.get(0)).startsWith("fusion-sql: 1 row in ");
    assertThat(summaries.get(1)).startsWith("fusion-sql: 5 rows in ");
    assertThat(summaries.get(2)).startsWith("fusion-sql: failed after ");
  }

  @Test
  void misuseIsAUsageError() throws IOException {
    assertThat(run("-u", "jdbc:h2:mem:u", "-e", "select 1", "-e", "select 2", "--output", dir.resolve("a.csv").toString()))
        .isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).contains("exactly one statement");
    assertThat(run("-u", "jdbc:h2:mem:u", "-e", "select 1", "--output", dir.resolve("a.txt").toString()))
        .isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).contains(".csv, .tsv or .jsonl");
    assertThat(run("-u", "jdbc:h2:mem:u", "-e", "select 1", "--output", dir.resolve("no/such/dir/a.csv").toString()))
        .isEqualTo(FusionSql.USAGE_OR_CONNECT);
    assertThat(err()).contains("does not exist");
    assertThatThrownBy(() -> ExtractRequest.from(List.of("-e", "select 1", "--output")))
        .isInstanceOf(UsageException.class);
    assertThat(files()).isEmpty();
  }

  /** Cancel (what Ctrl-C's shutdown hook calls) while rows stream: the query is cancelled and no file remains. */
  @Test
  void cancelWhileRowsStreamStopsTheQueryAndRemovesTheTempFile() throws Exception {
    EndlessResult endless = new EndlessResult();
    Path file = dir.resolve("endless.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Extract extract = new Extract(new ExtractRequest("select *", file, ExtractFormat.CSV), endless.connection(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(extract::run);
    while (extract.rows() < 10_000) {
      Thread.sleep(5);
    }
    assertThat(files()).as("rows go to a temp file first").singleElement().asString().endsWith(".part");
    extract.cancel();
    assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(FusionSql.FAILED);
    assertThat(endless.cancelled).isTrue();
    assertThat(files()).isEmpty();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("fusion-sql: cancelled").contains("not written");
  }

  @Test
  void progressLineShowsPercentAndEtaOnlyWithATotal() {
    assertThat(ProgressLine.render(5000, 11, Duration.ofSeconds(2), OptionalLong.empty()))
        .isEqualTo("5,000 rows  2,500 rows/s  11 requests  0:02");
    assertThat(ProgressLine.render(5000, 11, Duration.ofSeconds(2), OptionalLong.of(20000)))
        .isEqualTo("5,000 rows  2,500 rows/s  11 requests  0:02  25%  ETA 0:06");
    assertThat(ProgressLine.render(0, 1, Duration.ofMillis(300), OptionalLong.of(20000)))
        .isEqualTo("0 rows  0 rows/s  1 request  0:00  0%");
  }

  @Test
  void aTotalIsCheapOnlyWhenTheWholeCountIsOneFusionRequest() {
    assertThat(TotalRows.isOneCountRequest("""
        FusionToEnumerableConverter(request=[GET /fscmRestApi/resources/11.13.18.05/invoices?q=A > 1&totalResults=true&limit=1])
          FusionCount(group=[{}], EXPR$0=[COUNT()])
            FusionTableScan(table=[[FSCM, invoices]], resource=[fscmRestApi:invoices])
        """)).isTrue();
    assertThat(TotalRows.isOneCountRequest("""
        EnumerableAggregate(group=[{}], EXPR$0=[COUNT()])
          FusionToEnumerableConverter(request=[GET /fscmRestApi/resources/11.13.18.05/invoices?totalResults=true])
            FusionCount(group=[{}])
        """)).isFalse();
    assertThat(TotalRows.isOneCountRequest("FusionToEnumerableConverter(request=[GET /x?limit=500])\n")).isFalse();
  }

  /** A driver whose result never ends until the statement is cancelled (the request in flight). */
  private static final class EndlessResult {
    volatile boolean cancelled;

    Connection connection() {
      ResultSetMetaData md = proxy(ResultSetMetaData.class, (m, a) -> switch (m) {
        case "getColumnCount" -> 1;
        case "getColumnLabel" -> "c";
        default -> null;
      });
      ResultSet rs = proxy(ResultSet.class, (m, a) -> switch (m) {
        case "next" -> {
          if (cancelled) {
            throw new SQLException("Statement cancelled", "57014");
          }
          yield true;
        }
        case "getString" -> "value";
        case "getMetaData" -> md;
        default -> null;
      });
      Statement st = proxy(Statement.class, (m, a) -> switch (m) {
        case "executeQuery" -> rs;
        case "cancel" -> {
          cancelled = true;
          yield null;
        }
        case "isWrapperFor" -> false;
        default -> null;
      });
      return proxy(Connection.class, (m, a) -> m.equals("createStatement") ? st : null);
    }
  }

  private interface Answer {
    Object answer(String method, Object[] args) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T) Proxy.newProxyInstance(ExtractTest.class.getClassLoader(), new Class<?>[] {type},
        (p, m, a) -> answer.answer(m.getName(), a));
  }
}
