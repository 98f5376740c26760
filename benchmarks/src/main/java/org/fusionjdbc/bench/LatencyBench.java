package org.fusionjdbc.bench;

import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;

/**
 * Latency hiding: {@code SELECT *} of N invoices with a fixed delay before every response and the emulator's
 * concurrency cap (429 beyond it), through the driver (parallelism = cap, and the default) against a sequential
 * offset pager (what naive tools do) and the ideal, pages / cap x latency.
 */
final class LatencyBench {
  static final int LATENCY_MS = 100;
  static final int CAP = 8;
  static final int PAGE = 500;

  private LatencyBench() {}

  static void run(int rows, Results r) throws SQLException {
    String p = "latency." + rows + ".";
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Journal journal = pod.emulator().journal();
      FaultPlan faults = pod.emulator().faults();
      // one unmeasured pass first: the JIT compiles the driver's parallel path on it, not on the first measured scan
      FaultedScan.run(pod, "parallelism=" + CAP, ScanBench.SQL, rows, "warm-up scan", LATENCY_MS, CAP);
      java.util.List<String> columns = driver(pod, "parallelism=" + CAP, rows, r, p + "driver_par" + CAP, ScanBench.SQL);
      driver(pod, "", rows, r, p + "driver_default", ScanBench.SQL);
      // the caller asks for key order: slices must be emitted one after another
      driver(pod, "parallelism=" + CAP, rows, r, p + "driver_par" + CAP + "_ordered",
          ScanBench.SQL + " order by \"InvoiceId\"");

      faults.latencyMs(LATENCY_MS).maxConcurrent(CAP);
      journal.clear();
      RawPager.Scan naive;
      Clock t = new Clock();
      try (RawPager pager = new RawPager(pod.emulator().baseUrl() + ScanBench.RESOURCE_PATH, pod.basicHeader(),
          columns, "InvoiceId", PAGE)) {
        naive = pager.scan(RawPager.Mode.OFFSET);
      }
      double naiveMs = t.ms();
      journal.clear();
      RawPager.Scan floor;
      t = new Clock();
      try (RawPager pager = new RawPager(pod.emulator().baseUrl() + ScanBench.RESOURCE_PATH, pod.basicHeader(),
          columns, "InvoiceId", PAGE)) {
        floor = pager.parallelKeysetScan(CAP);
      }
      double floorMs = t.ms();
      var floorEntries = Journals.collection(journal, "invoices");
      long floorThrottled = floorEntries.stream().filter(e -> e.status() == 429).count();
      double floorInFlight = floorEntries.stream().mapToLong(e -> e.durationMs()).sum() / floorMs;
      faults.reset();
      ScanBench.check(floor.rows(), rows, "parallel raw pager");
      ScanBench.check(naive.rows(), rows, "sequential offset pager");
      double pages = Math.ceil(rows / (double) PAGE);
      double ideal = Math.ceil(pages / CAP) * LATENCY_MS;
      r.add(p + "sequential_offset_ms", naiveMs, "ms", naive.requests() + " requests one after another, "
          + LATENCY_MS + " ms each");
      r.add(p + "ideal_ms", ideal, "ms", "ceil(" + (long) pages + " pages / " + CAP + ") x " + LATENCY_MS
          + " ms (ignores the emulator's own CPU time)");
      r.add(p + "raw_parallel_ms", floorMs, "ms", "raw pager, " + CAP + " key ranges keyset-paged at once, rows"
          + " unordered (" + floor.requests() + " req, " + floorThrottled + " refused by the cap)");
      r.add(p + "raw_parallel_avg_in_flight", floorInFlight, "req", "sum of request durations / wall time");
      r.ratio(p + "raw_parallel_vs_ideal", p + "raw_parallel_ms", p + "ideal_ms", "what is reachable here");
      r.ratio(p + "driver_par" + CAP + "_vs_raw_parallel", p + "driver_par" + CAP + "_ms", p + "raw_parallel_ms",
          "driver against the reachable floor");
      r.ratio(p + "driver_par" + CAP + "_vs_ideal", p + "driver_par" + CAP + "_ms", p + "ideal_ms",
          "1 = every page hidden behind another");
      r.ratio(p + "sequential_vs_driver_par" + CAP, p + "sequential_offset_ms", p + "driver_par" + CAP + "_ms",
          "speed-up over the naive pager");
      r.ratio(p + "sequential_vs_driver_default", p + "sequential_offset_ms", p + "driver_default_ms",
          "speed-up with the default parallelism (4)");
      r.ratio(p + "driver_par" + CAP + "_ordered_vs_raw_parallel", p + "driver_par" + CAP + "_ordered_ms",
          p + "raw_parallel_ms", "a scan in key order against the unordered floor");
    }
  }

  /** One driver scan with latency and cap on (describe done first, without them); returns its columns. */
  private static java.util.List<String> driver(BenchPod pod, String extra, int rows, Results r, String name,
      String sql) throws SQLException {
    FaultedScan scan = FaultedScan.run(pod, extra, sql, rows, name, LATENCY_MS, CAP);
    double ms = scan.ms();
    var entries = scan.requests();
    long throttled = scan.throttled();
    r.add(name + "_ms", ms, "ms", "JDBC " + (sql.contains("order by") ? "SELECT * ORDER BY key" : "SELECT *") + " with "
        + LATENCY_MS + " ms per response, cap " + CAP
        + (extra.isEmpty() ? ", default settings" : ", " + extra));
    r.add(name + "_requests", entries.size(), "req", "collection requests, of which " + throttled
        + " answered 429 by the cap");
    r.add(name + "_throttled", throttled, "req", "requests refused by the concurrency cap");
    r.add(name + "_avg_in_flight", entries.stream().mapToLong(e -> e.durationMs()).sum() / ms, "req",
        "sum of request durations / wall time: how many pages overlapped on average");
    return scan.read().columns();
  }
}
