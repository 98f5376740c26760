package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;

/**
 * One driver scan against a pod with latency and a concurrency cap (429 beyond it) switched on for that scan only:
 * the connection's describe and a one-row warm-up run first without them, and the journal holds only the scan.
 */
record FaultedScan(Jdbc.Read read, double ms, List<JournalEntry> requests) {

  static FaultedScan run(BenchPod pod, String extra, String sql, int expectedRows, String label, int latencyMs,
      int cap) throws SQLException {
    Journal journal = pod.emulator().journal();
    FaultPlan faults = pod.emulator().faults();
    try (Connection c = DriverManager.getConnection(pod.url(extra), pod.basic())) {
      Jdbc.readAll(c, ScanBench.SQL + " fetch first 1 rows only");
      Journals.settled(journal);
      faults.latencyMs(latencyMs).maxConcurrent(cap);
      journal.clear();
      Clock t = new Clock();
      Jdbc.Read read = Jdbc.readAll(c, sql);
      double ms = t.ms();
      faults.reset();
      ScanBench.check(read.rows(), expectedRows, label);
      return new FaultedScan(read, ms, Journals.collection(journal, "invoices"));
    }
  }

  /** Requests the cap refused. */
  long throttled() {
    return requests.stream().filter(e -> e.status() == 429).count();
  }
}
