package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.journal.Journal;

/**
 * Latency to the first row and planning time: the JVM's first connection (class loading, Calcite start), a cold
 * connection (new connection, nothing described yet) and a warm one (the same query again on it). JWT auth, so
 * the cold figures include signing the first token.
 */
final class FirstRowBench {
  static final String SQL = "select * from fscm.\"invoices\" where \"InvoiceAmount\" > 100";

  private FirstRowBench() {}

  static void run(int rows, Results r) throws SQLException {
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Journal journal = pod.emulator().journal();
      try (Connection first = measure("first_row.jvm_first.", pod, null, r)) {
        // the JVM's first connection: only its cold figures are of interest
      }
      try (Connection cold = measure("first_row.cold.", pod, null, r)) {
        measure("first_row.warm.", pod, cold, r);
      }
      r.ratio("first_row.cold_vs_warm", "first_row.cold.first_row_ms", "first_row.warm.first_row_ms",
          "what describe + first plan cost a new connection");
      journal.clear();
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
