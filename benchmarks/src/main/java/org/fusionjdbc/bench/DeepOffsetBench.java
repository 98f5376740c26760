package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;

/**
 * Deep offsets: with the emulator charging a delay per row skipped by {@code offset} (as real pods do), a full
 * scan through the driver (keyset continuation, sequential) against the raw pager in offset mode and in keyset
 * mode, all sequential, so only the paging strategy differs.
 */
final class DeepOffsetBench {
  /** Per skipped row: at 100k rows an offset scan skips ~10M rows, i.e. ~20 s of pure offset cost. */
  static final long OFFSET_COST_MICROS = 2;

  private DeepOffsetBench() {}

  static void run(int rows, Results r) throws SQLException {
    String p = "deep_offset." + rows + ".";
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Journal journal = pod.emulator().journal();
      FaultPlan faults = pod.emulator().faults();
      List<String> columns;
      double driverMs;
      try (Connection c = DriverManager.getConnection(pod.url("parallelism=1"), pod.basic())) {
        Jdbc.readAll(c, ScanBench.SQL + " fetch first 1 rows only");
        Journals.settled(journal);
        faults.offsetCostMicrosPerRow(OFFSET_COST_MICROS);
        Clock t = new Clock();
        Jdbc.Read read = Jdbc.readAll(c, ScanBench.SQL);
        driverMs = t.ms();
        ScanBench.check(read.rows(), rows, "driver");
        columns = read.columns();
      }
      String url = pod.emulator().baseUrl() + ScanBench.RESOURCE_PATH;
      double offsetMs;
      double keysetMs;
      try (RawPager pager = new RawPager(url, pod.basicHeader(), columns, "InvoiceId", 500)) {
        Clock t = new Clock();
        ScanBench.check(pager.scan(RawPager.Mode.OFFSET).rows(), rows, "offset pager");
        offsetMs = t.ms();
        t = new Clock();
        ScanBench.check(pager.scan(RawPager.Mode.KEYSET).rows(), rows, "keyset pager");
        keysetMs = t.ms();
      }
      faults.reset();
      long skipped = 0;
      for (long off = 0; off < rows; off += 500) {
        skipped += off;
      }
      r.add(p + "driver_ms", driverMs, "ms", "JDBC SELECT *, parallelism=1, offset cost " + OFFSET_COST_MICROS
          + " us per skipped row");
      r.add(p + "offset_pager_ms", offsetMs, "ms", "raw pager, offset += count (skips " + skipped + " rows in all)");
      r.add(p + "keyset_pager_ms", keysetMs, "ms", "raw pager, q=InvoiceId > last (skips none)");
      r.ratio(p + "offset_vs_driver", p + "offset_pager_ms", p + "driver_ms", "what keyset paging saves");
      r.ratio(p + "driver_vs_keyset_pager", p + "driver_ms", p + "keyset_pager_ms", "driver over its floor here");
    }
  }
}
