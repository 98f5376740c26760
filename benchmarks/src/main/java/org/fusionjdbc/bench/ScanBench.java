package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;

/**
 * Scan efficiency without latency: {@code SELECT *} of N invoices through JDBC (sequential, and with the default
 * parallelism) against the raw keyset pager fetching the same pages. Same pod, same auth (Basic), same run.
 */
final class ScanBench {
  static final String SQL = "select * from fscm.\"invoices\"";
  static final String RESOURCE_PATH = "/fscmRestApi/resources/11.13.18.05/invoices";

  private ScanBench() {}

  static void run(int rows, Results r) throws SQLException {
    String p = "scan." + rows + ".";
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Journal journal = pod.emulator().journal();
      Jdbc.Read driver1;
      double driver1Ms;
      double driver1Cpu;
      try (Connection c = DriverManager.getConnection(pod.url("parallelism=1"), pod.basic())) {
        Jdbc.readAll(c, SQL + " fetch first 1 rows only"); // describe + plan outside the timed scan
        Journals.settled(journal);
        journal.clear();
        Clock t = new Clock();
        CpuClock cpu = new CpuClock();
        driver1 = Jdbc.readAll(c, SQL);
        driver1Ms = t.ms();
        driver1Cpu = cpu.ms();
      }
      List<JournalEntry> driver1Log = Journals.collection(journal, "invoices");
      int driver1Requests = driver1Log.size();

      Journals.settled(journal);
      journal.clear();
      RawPager.Scan raw;
      double rawMs;
      double rawCpu;
      try (RawPager pager = new RawPager(pod.emulator().baseUrl() + RESOURCE_PATH, pod.basicHeader(),
          driver1.columns(), "InvoiceId", 500)) {
        Clock t = new Clock();
        CpuClock cpu = new CpuClock();
        raw = pager.scan(RawPager.Mode.KEYSET);
        rawMs = t.ms();
        rawCpu = cpu.ms();
      }
      List<JournalEntry> rawLog = Journals.collection(journal, "invoices");
      check(raw.rows(), rows, "raw pager");
      check(driver1.rows(), rows, "driver");

      Jdbc.Read driverN;
      double driverNMs;
      try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
        Jdbc.readAll(c, SQL + " fetch first 1 rows only");
        Journals.settled(journal);
        journal.clear();
        Clock t = new Clock();
        driverN = Jdbc.readAll(c, SQL);
        driverNMs = t.ms();
      }
      check(driverN.rows(), rows, "driver (default parallelism)");
      int driverNRequests = Journals.collection(journal, "invoices").size();

      r.add(p + "raw_pager_ms", rawMs, "ms", "raw keyset pager, 500-row pages, Jackson into Object[], 1 thread");
      r.add(p + "driver_seq_ms", driver1Ms, "ms", "JDBC SELECT *, parallelism=1, getObject on every column");
      r.add(p + "driver_default_ms", driverNMs, "ms", "JDBC SELECT *, default parallelism (4)");
      r.ratio(p + "driver_seq_vs_raw", p + "driver_seq_ms", p + "raw_pager_ms", "driver overhead over the floor");
      r.ratio(p + "driver_default_vs_raw", p + "driver_default_ms", p + "raw_pager_ms",
          "below 1 = parallel slices beat one raw stream");
      r.add(p + "raw_cpu_ms", rawCpu, "ms", "CPU time of the client threads during the raw pager's scan");
      r.add(p + "driver_seq_cpu_ms", driver1Cpu, "ms", "CPU time of the client threads during the sequential driver scan"
          + " (the emulator's threads excluded)");
      r.ratio(p + "driver_cpu_vs_raw_cpu", p + "driver_seq_cpu_ms", p + "raw_cpu_ms",
          "client CPU per row, driver / raw pager: steadier than wall-clock time on a shared machine");
      r.add(p + "raw_server_ms", serverMs(rawLog), "ms", "the emulator's own time answering the raw pager's pages");
      r.add(p + "driver_seq_server_ms", serverMs(driver1Log), "ms",
          "the emulator's own time answering the sequential driver scan's pages");
      r.add(p + "raw_bytes", bytes(rawLog), "B", "response bytes the raw pager read");
      r.add(p + "driver_seq_bytes", bytes(driver1Log), "B", "response bytes the sequential driver scan read");
      r.add(p + "raw_requests", raw.requests(), "req", "pages the raw pager fetched");
      r.add(p + "driver_seq_requests", driver1Requests, "req", "collection requests of the sequential driver scan");
      r.add(p + "driver_default_requests", driverNRequests, "req", "collection requests incl. slice planning");
    }
  }

  private static long serverMs(List<JournalEntry> log) {
    return log.stream().mapToLong(JournalEntry::durationMs).sum();
  }

  private static long bytes(List<JournalEntry> log) {
    return log.stream().mapToLong(JournalEntry::bytes).sum();
  }

  static void check(long actual, long expected, String who) {
    if (actual != expected) {
      throw new IllegalStateException(who + " returned " + actual + " rows, expected " + expected);
    }
  }
}
