package org.fusionjdbc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator (real signed-JWT verification) and one local Spark session for the whole test JVM: a
 * SparkSession costs seconds to start, so the test classes share it and it is closed when JUnit's root
 * context closes. Spark's executors are threads of this JVM, so the emulator's journal sees every
 * partition's requests.
 */
final class SparkPod implements ExtensionContext.Store.CloseableResource {
  /** Invoices in the emulator: several REST pages per partition with the default page size. */
  static final int ROWS = 3_000;

  final EmulatedPod pod;
  final FusionEmulator emulator;
  final SparkSession spark;
  private final Path keyDir;
  /** The dialect Spark found through ServiceLoader at start, or null. */
  final JdbcDialect serviceLoadedDialect;

  private SparkPod() {
    try {
      keyDir = Files.createTempDirectory("fusion-spark-it-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pod = EmulatedPod.start(keyDir, EmulatorOptions.builder().rows(ROWS).journalCapacity(100_000));
    emulator = pod.emulator;
    spark = SparkSession.builder()
        .appName("fusion-spark-it")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", keyDir.resolve("warehouse").toUri().toString())
        .getOrCreate();
    JdbcDialect found = JdbcDialects.get(url());
    serviceLoadedDialect = found.getClass().getName().equals("org.fusionjdbc.spark.FusionDialect") ? found : null;
  }

  /** Registers or unregisters the fusion-jdbc-spark dialect: plain-driver tests run without it, as most users do. */
  synchronized void useDialect(boolean on) {
    if (serviceLoadedDialect == null) {
      return;
    }
    JdbcDialects.unregisterDialect(serviceLoadedDialect);
    if (on) {
      JdbcDialects.registerDialect(serviceLoadedDialect);
    }
  }

  /** The JVM-wide pod, started on first use and closed after the last test class. */
  static SparkPod get(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SparkPod.class, k -> new SparkPod(), SparkPod.class);
  }

  String url() {
    return pod.url();
  }

  /** The options a data engineer passes for a JWT connection (Spark hands unknown options to the driver). */
  Map<String, String> connectionOptions() {
    Map<String, String> o = new HashMap<>();
    o.put("url", url());
    o.put("driver", "org.fusionjdbc.jdbc.FusionDriver");
    pod.jwt().forEach((k, v) -> o.put((String) k, (String) v));
    return o;
  }

  DataFrameReader jdbc() {
    return spark.read().format("jdbc").options(connectionOptions());
  }

  /** Data requests (not describe, not metadata) to one resource collection, in arrival order. */
  List<JournalEntry> scans(String resource) {
    return emulator.journal().filter(e -> e.path().endsWith("/" + resource) && e.method().equals("GET"));
  }

  /**
   * Rows the data requests fetched, less the one row of each probe with which the driver's own slicing
   * (parallelism > 1) sizes and cuts a large remainder (see {@link #isSliceProbe}).
   */
  static long rowsFetched(List<JournalEntry> scans) {
    long probes = scans.stream().filter(SparkPod::isSliceProbe).count();
    // per partition at most a count and one cut per slice of the default parallelism (4): 4 x (1 + 4)
    assertThat(probes).as("slice probes").isLessThanOrEqualTo(20);
    return scans.stream().filter(e -> !isSliceProbe(e)).mapToLong(JournalEntry::rows).sum();
  }

  /** The data requests that fetch rows for the caller: every scan request but the slice probes. */
  static List<JournalEntry> pages(List<JournalEntry> scans) {
    return scans.stream().filter(e -> !isSliceProbe(e)).toList();
  }

  /**
   * A one-row request for the key alone (the count of the remainder, or its far end when the pod gives no count):
   * the driver's slice planning, not rows for the caller.
   */
  static boolean isSliceProbe(JournalEntry e) {
    return "1".equals(e.param("limit")) && e.param("fields") != null && !e.param("fields").contains(",");
  }

  @Override
  public void close() {
    try {
      spark.stop();
    } finally {
      emulator.close();
      try (Stream<Path> files = Files.walk(keyDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir left behind is harmless
      }
    }
  }
}
