package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.journal.Journal;

/**
 * Latency to the first row and planning time: the JVM's first connection (class loading, Calcite start), a cold
 * connection (new connection, nothing described yet) and a warm one (the same query again on it). JWT auth, so
 * the cold figures include signing the first token.
 */
final class FirstRowBench {
  static final String Q = "InvoiceAmount > 100";
  static final String SQL = "select * from fscm.\"invoices\" where \"InvoiceAmount\" > 100";
  static final String PREVIEW = "select * from fscm.\"invoices\"";

  /** Runs of each side before the measured ones, so both are compiled alike. */
  static final int WARM_UPS = 10;
  /** Measured runs of each side, alternated. */
  static final int PAIRS = 21;

  private FirstRowBench() {}

  static void run(int rows, Results r) throws SQLException {
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Journal journal = pod.emulator().journal();
      try (Connection first = measure("first_row.jvm_first.", pod, null, r)) {
        // the JVM's first connection: only its cold figures are of interest
      }
      try (Connection cold = measure("first_row.cold.", pod, null, r)) {
        measure("first_row.warm.", pod, cold, r);
        List<String> columns = preview(pod, cold, r);
        repeatAgainstOneRequest(pod, cold, columns, r);
      }
      r.ratio("first_row.cold_vs_warm", "first_row.cold.first_row_ms", "first_row.warm.first_row_ms",
          "what describe + first plan cost a new connection");
      r.ratio("first_row.warm_vs_one_request", "first_row.warm_repeat_ms", "first_row.one_request_ms",
          "the driver's warm first row against the one request it needs (medians of " + PAIRS + " alternated runs)");
      journal.clear();
    }
  }

  /**
   * A tool's preview: one row of an unbounded {@code SELECT *}, then close. Counts every request sent for it,
   * prefetch included, once the journal has settled. Returns the columns.
   */
  private static List<String> preview(BenchPod pod, Connection c, Results r) throws SQLException {
    Journal journal = pod.emulator().journal();
    Jdbc.readAll(c, PREVIEW + " fetch first 1 rows only"); // planning and describe out of the count
    Journals.settled(journal);
    journal.clear();
    List<String> columns = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PREVIEW)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row from " + PREVIEW);
      }
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnLabel(i));
      }
    }
    r.add("preview.requests", Journals.settled(journal).size(), "req", PREVIEW + ": one row read, then closed;"
        + " all requests sent for it (prefetch included)");
    return columns;
  }

  /**
   * The same statement prepared and run to its first row on the warm connection, against its floor: one raw request for
   * the first 50 matching rows. Both warm up alike and then alternate, so the JIT and the machine's load weigh the same
   * on each; the medians are reported.
   */
  private static void repeatAgainstOneRequest(BenchPod pod, Connection c, List<String> columns, Results r)
      throws SQLException {
    double[] driver = new double[PAIRS];
    double[] raw = new double[PAIRS];
    try (RawPager pager = new RawPager(pod.emulator().baseUrl() + ScanBench.RESOURCE_PATH, pod.basicHeader(),
        columns, "InvoiceId", 50)) {
      for (int i = -WARM_UPS; i < PAIRS; i++) {
        double d = firstRow(c);
        Clock t = new Clock();
        pager.firstPage(Q);
        double one = t.ms();
        if (i >= 0) {
          driver[i] = d;
          raw[i] = one;
        }
      }
    }
    java.util.Arrays.sort(driver);
    java.util.Arrays.sort(raw);
    r.add("first_row.warm_repeat_ms", driver[PAIRS / 2], "ms", "prepare + first row of the same statement on the warm"
        + " connection (median of " + PAIRS + ")");
    r.add("first_row.one_request_ms", raw[PAIRS / 2], "ms", "one raw request for the first 50 rows of the same query"
        + " (median of " + PAIRS + ", alternated with the line above)");
  }

  private static double firstRow(Connection c) throws SQLException {
    Clock t = new Clock();
    try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no row from " + SQL);
      }
      return t.ms();
    }
  }

  /** Measures on {@code reuse}, or on a new connection (returned) when it is null. */
  private static Connection measure(String p, BenchPod pod, Connection reuse, Results r) throws SQLException {
    Journal journal = pod.emulator().journal();
    Journals.settled(journal);
    journal.clear();
    Clock total = new Clock();
    Connection c = reuse;
    if (c == null) {
      Clock t = new Clock();
      c = DriverManager.getConnection(pod.url(""), pod.jwt());
      r.add(p + "connect_ms", t.ms(), "ms", "DriverManager.getConnection (JWT)");
    }
    Clock plan = new Clock();
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      double planMs = plan.ms();
      Clock exec = new Clock();
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row from " + SQL);
        }
        double execMs = exec.ms();
        r.add(p + "plan_ms", planMs, "ms", "prepareStatement: parse, validate, describe if needed, optimise");
        r.add(p + "exec_first_row_ms", execMs, "ms", "executeQuery + first next()");
        r.add(p + "first_row_ms", total.ms(), "ms", (reuse == null ? "connect + " : "") + "prepare + first row");
        var entries = Journals.settled(journal);
        r.add(p + "describe_requests", entries.stream().filter(e -> e.path().contains("/describe")).count(), "req",
            "describe requests this connection needed");
        r.add(p + "requests", entries.size(), "req", "all HTTP requests by then (incl. prefetch)");
      }
    }
    return c;
  }
}
