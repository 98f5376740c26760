package org.fusionjdbc.bench;

import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;

/**
 * Throttling-aware concurrency: a pod that answers 429 beyond 4 requests in flight, 100 ms per response. The driver
 * asked for parallelism 8 must find the pod's level itself and end about as fast as a driver told the right number
 * (parallelism 4), without many refused requests.
 */
final class ThrottleBench {
  static final int CAP = 4;
  static final int LATENCY_MS = 100;

  private ThrottleBench() {}

  private record Scan(double ms, long requests, long refused) {}

  static void run(int rows, Results r) throws SQLException {
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Scan fixed = scan(pod, "parallelism=" + CAP, rows);
      Scan adaptive = scan(pod, "parallelism=8", rows);
      String p = "throttle.";
      r.add(p + "driver_par8_ms", adaptive.ms, "ms", "JDBC SELECT * of " + rows + " rows, parallelism=8, pod cap " + CAP
          + " (429 beyond), " + LATENCY_MS + " ms per response (" + adaptive.requests + " req, " + adaptive.refused
          + " refused)");
      r.add(p + "fixed4_ms", fixed.ms, "ms", "twin: parallelism=4, the pod's level told (" + fixed.requests + " req, "
          + fixed.refused + " refused)");
      r.ratio(p + "driver_vs_fixed4", p + "driver_par8_ms", p + "fixed4_ms", "what finding the level costs");
      r.add(p + "refused", adaptive.refused, "req", "429 answers to the parallelism=8 scan");
      r.add(p + "refused_share", adaptive.requests == 0 ? 0 : adaptive.refused / (double) adaptive.requests, "x",
          "429s / requests of the parallelism=8 scan");
    }
  }

  private static Scan scan(BenchPod pod, String extra, int rows) throws SQLException {
    FaultedScan scan = FaultedScan.run(pod, extra, ScanBench.SQL, rows, "throttled scan (" + extra + ")", LATENCY_MS,
        CAP);
    return new Scan(scan.ms(), scan.requests().size(), scan.throttled());
  }
}
