package org.fusionjdbc.spark35;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark 3.5 (the module's one SparkSession, local[2]) with the shaded driver and no dialect: the partitioned read
 * returns exactly the rows of one connection, and a filter Spark pushes returns the rows of the same read with
 * pushDownPredicate=false (Spark filtering every row itself) while it reaches the pod as q.
 */
class Spark35ReadTest {
  private static final int ROWS = 1_500;
  private static final String TABLE = "fscm.\"invoices\"";

  private static Path keyDir;
  private static EmulatedPod pod;
  private static FusionEmulator emulator;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    keyDir = Files.createTempDirectory("fusion-spark35-it-keys");
    pod = EmulatedPod.start(keyDir, EmulatorOptions.builder().rows(ROWS).journalCapacity(50_000));
    emulator = pod.emulator;
    spark = SparkSession.builder().appName("fusion-spark35-it").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", keyDir.resolve("warehouse").toUri().toString())
        .getOrCreate();
    assertThat(spark.version()).startsWith("3.5.");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (pod != null) {
      pod.close();
    }
  }

  private static DataFrameReader jdbc() {
    Map<String, String> o = new HashMap<>();
    o.put("url", pod.url());
    o.put("driver", "org.fusionjdbc.jdbc.FusionDriver");
    pod.jwt().forEach((k, v) -> o.put((String) k, (String) v));
    return spark.read().format("jdbc").options(o).option("dbtable", TABLE);
  }

  private static List<String> render(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void theDriverIsTheShadedJar() throws Exception {
    Class<?> driver = Class.forName("org.fusionjdbc.jdbc.FusionDriver");
    Path source = Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(source.getFileName().toString()).matches("fusion-jdbc-.+\\.jar");
  }

  @Test
  void partitionedReadReturnsExactlyTheRowsOfOneConnection() {
    Dataset<Row> single = jdbc().load();
    assertThat(single.rdd().getNumPartitions()).isEqualTo(1);
    List<String> expected = render(single);
    assertThat(expected).hasSize(ROWS).doesNotHaveDuplicates();
    List<Long> ids = single.select("InvoiceId").collectAsList().stream().map(r -> r.getLong(0)).toList();
    long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();

    emulator.journal().clear();
    Dataset<Row> partitioned = jdbc().option("partitionColumn", "InvoiceId").option("lowerBound", Long.toString(min))
        .option("upperBound", Long.toString(max + 1)).option("numPartitions", "4").load();
    assertThat(partitioned.rdd().getNumPartitions()).isEqualTo(4);
    assertThat(render(partitioned)).isEqualTo(expected);
    List<JournalEntry> scans = scans();
    assertThat(scans.stream().filter(e -> e.param("q") != null && e.param("q").contains("InvoiceId"))
        .count()).as("each partition's range reached the pod").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aPushedFilterEqualsTheSameReadWithPushDownPredicateFalse() {
    String filter = "InvoiceAmount > 2500 AND InvoiceDate >= '2021-01-01'";
    List<String> expected = render(jdbc().option("pushDownPredicate", "false").load().filter(filter));
    assertThat(expected).isNotEmpty().hasSizeLessThan(ROWS);

    emulator.journal().clear();
    List<String> pushed = render(jdbc().load().filter(filter));
    assertThat(pushed).isEqualTo(expected);
    assertThat(scans()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.param("q")).as("the filter reached the pod").contains("InvoiceAmount"));
    assertThat(scans().stream().filter(e -> !isSliceProbe(e)).mapToLong(JournalEntry::rows).sum())
        .as("only matching rows were fetched").isEqualTo(pushed.size());
  }

  /** A one-row request for the key alone: the driver's slice planning (a count or a cut), not rows for Spark. */
  private static boolean isSliceProbe(JournalEntry e) {
    return "1".equals(e.param("limit")) && e.param("fields") != null && !e.param("fields").contains(",");
  }

  private static List<JournalEntry> scans() {
    return emulator.journal().filter(e -> e.path().endsWith("/invoices") && e.method().equals("GET"));
  }
}
