package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;

/**
 * Slices that follow the data: the same rows with evenly spaced keys and with the keys in two dense clusters far
 * apart (as real Fusion ids are), scanned with the default parallelism and a delay per response, so a slice left
 * without rows shows as lost parallelism.
 */
final class SliceBench {
  static final int LATENCY_MS = 50;
  /** Lower half of the ids around 3.0e14, upper half 2e14 above: two clusters, like recorded HCM ids. */
  static final long GAP = 200_000_000_000_000L;

  private SliceBench() {}

  private record Scan(double ms, long emptySlices, long requests) {}

  static void run(int rows, Results r) throws SQLException {
    Scan uniform = scan(EmulatorOptions.builder().rows(rows), rows);
    Scan clustered = scan(EmulatorOptions.builder().rows(rows).keyClusterGap(GAP), rows);
    String p = "slices.";
    r.add(p + "uniform_ms", uniform.ms, "ms", "JDBC SELECT * of " + rows + " rows, default parallelism, " + LATENCY_MS
        + " ms per response, evenly spaced keys (" + uniform.requests + " req)");
    r.add(p + "clustered_ms", clustered.ms, "ms", "the same rows with the keys in two clusters " + GAP + " apart ("
        + clustered.requests + " req)");
    r.ratio(p + "clustered.vs_uniform", p + "clustered_ms", p + "uniform_ms", "1 = clustered keys cost nothing");
    r.add(p + "clustered.empty_slices", clustered.emptySlices, "req",
        "slice requests that came back without a row (a slice cut where no keys are), clustered keys");
    r.add(p + "uniform.empty_slices", uniform.emptySlices, "req", "twin: evenly spaced keys");
  }

  private static Scan scan(EmulatorOptions.Builder options, int rows) throws SQLException {
    try (BenchPod pod = BenchPod.start(options)) {
      Journal journal = pod.emulator().journal();
      FaultPlan faults = pod.emulator().faults();
      try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
        Jdbc.readAll(c, ScanBench.SQL + " fetch first 1 rows only");
        Journals.settled(journal);
        faults.latencyMs(LATENCY_MS);
        journal.clear();
        Clock t = new Clock();
        Jdbc.Read read = Jdbc.readAll(c, ScanBench.SQL);
        double ms = t.ms();
        faults.reset();
        ScanBench.check(read.rows(), rows, "sliced scan");
        var entries = Journals.collection(journal, "invoices");
        long empty = entries.stream().filter(e -> e.status() == 200 && e.rows() == 0 && !"1".equals(e.param("limit"))).count();
        return new Scan(ms, empty, entries.size());
      }
    }
  }
}
