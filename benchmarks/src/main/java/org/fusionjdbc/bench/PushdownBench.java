package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;

/**
 * Pushdown: rows and bytes the emulator sent (its journal) against rows returned, for pushable queries, each
 * next to its twin on a pushdown=false connection; and requests per COUNT(*) with and without count pushdown.
 */
final class PushdownBench {
  private static final String T = "fscm.\"invoices\"";

  private PushdownBench() {}

  private record Transfer(long rowsReturned, long rowsSent, long bytes, int requests, long checksum) {}

  static void run(int rows, Results r) throws SQLException {
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows));
        Connection on = DriverManager.getConnection(pod.url(""), pod.basic());
        Connection off = DriverManager.getConnection(pod.url("pushdown=false&countPushdown=false"), pod.basic())) {
      Object supplier = Jdbc.scalar(on, "select \"SupplierId\" from " + T + " order by \"InvoiceId\" fetch first 1 rows only");
      Object from = Jdbc.scalar(on, "select \"InvoiceId\" from " + T + " order by \"InvoiceId\" offset "
          + rows / 3 + " rows fetch next 1 rows only");
      Object to = Jdbc.scalar(on, "select \"InvoiceId\" from " + T + " order by \"InvoiceId\" offset "
          + (rows / 3 + 99) + " rows fetch next 1 rows only");
      Object status = Jdbc.scalar(on, "select \"PaidStatus\" from " + T + " order by \"InvoiceId\" fetch first 1 rows only");
      Map<String, String> queries = new LinkedHashMap<>();
      queries.put("equality", "select \"InvoiceId\", \"InvoiceAmount\" from " + T + " where \"SupplierId\" = " + supplier);
      queries.put("key_range", "select \"InvoiceId\", \"InvoiceNumber\" from " + T + " where \"InvoiceId\" between "
          + from + " and " + to);
      queries.put("top_n", "select \"InvoiceId\", \"InvoiceAmount\" from " + T
          + " order by \"InvoiceAmount\" desc, \"InvoiceId\" fetch first 10 rows only");
      queries.put("and_projection", "select \"InvoiceNumber\" from " + T + " where \"PaidStatus\" = '" + status
          + "' and \"InvoiceAmount\" > 5000");
      // Tableau's and DBeaver's filter lists: 30 values, which Calcite plans as a join with VALUES
      StringBuilder suppliers = new StringBuilder();
      try (java.sql.Statement st = on.createStatement();
          java.sql.ResultSet rs = st.executeQuery("select distinct \"SupplierId\" from " + T
              + " where \"SupplierId\" is not null order by 1 fetch first 30 rows only")) {
        while (rs.next()) {
          suppliers.append(suppliers.length() == 0 ? "" : ", ").append(rs.getLong(1));
        }
      }
      queries.put("in_list_30", "select \"InvoiceId\", \"InvoiceAmount\" from " + T + " where \"SupplierId\" in ("
          + suppliers + ")");
      // one conjunct q can say, one it cannot (a function): the first is sent, the driver checks the second
      queries.put("partial_filter", "select \"InvoiceId\" from " + T + " where \"InvoiceAmount\" > 40000 and "
          + "upper(\"InvoiceCurrency\") = 'EUR'");
      Journal journal = pod.emulator().journal();
      for (Map.Entry<String, String> q : queries.entrySet()) {
        Transfer pushed = measure(on, q.getValue(), journal);
        Transfer plain = measure(off, q.getValue(), journal);
        if (pushed.rowsReturned != plain.rowsReturned) {
          throw new IllegalStateException(q.getKey() + ": pushdown returned " + pushed.rowsReturned
              + " rows but pushdown=false returned " + plain.rowsReturned);
        }
        String p = "pushdown." + q.getKey() + ".";
        r.add(p + "rows_returned", pushed.rowsReturned, "rows", q.getValue());
        r.add(p + "rows_sent", pushed.rowsSent, "rows", "rows the emulator sent, pushdown on");
        r.add(p + "rows_sent_nopush", plain.rowsSent, "rows", "twin: pushdown=false");
        r.add(p + "kb_sent", pushed.bytes / 1024.0, "KiB", "response bytes, pushdown on (" + pushed.requests + " req)");
        r.add(p + "kb_sent_nopush", plain.bytes / 1024.0, "KiB", "twin: pushdown=false (" + plain.requests + " req)");
        r.ratio(p + "bytes_saved", p + "kb_sent_nopush", p + "kb_sent", "bytes without pushdown per byte with it");
      }
      count(r, on, off, journal, "all", "select count(*) from " + T);
      count(r, on, off, journal, "filtered", "select count(*) from " + T + " where \"SupplierId\" = " + supplier);
      // the bounds query docs/spark.md asks for before a partitioned load
      minMax(r, on, off, journal, "minmax.", "select min(\"InvoiceId\"), max(\"InvoiceId\") from " + T);
      minMax(r, on, off, journal, "minmax.filtered.", "select min(\"InvoiceId\"), max(\"InvoiceId\") from " + T
          + " where \"InvoiceAmount\" > 20000");
    }
  }

  private static void count(Results r, Connection on, Connection off, Journal journal, String name, String sql)
      throws SQLException {
    Transfer pushed = measure(on, sql, journal);
    Transfer plain = measure(off, sql, journal);
    String p = "count." + name + ".";
    r.add(p + "requests", pushed.requests, "req", sql);
    r.add(p + "rows_sent", pushed.rowsSent, "rows", "rows sent to answer it (totalResults)");
    r.add(p + "requests_nopush", plain.requests, "req", "twin: countPushdown=false, pushdown=false");
    r.add(p + "rows_sent_nopush", plain.rowsSent, "rows", "twin: rows sent to count client-side");
  }

  private static void minMax(Results r, Connection on, Connection off, Journal journal, String p, String sql)
      throws SQLException {
    Transfer pushed = measure(on, sql, journal);
    Transfer plain = measure(off, sql, journal);
    if (pushed.checksum != plain.checksum) {
      throw new IllegalStateException(sql + ": pushdown returned other values than pushdown=false");
    }
    r.add(p + "requests", pushed.requests, "req", sql);
    r.add(p + "rows_sent", pushed.rowsSent, "rows", "rows sent to answer it (orderBy + limit=1 per bound)");
    r.add(p + "requests_nopush", plain.requests, "req", "twin: pushdown=false");
    r.add(p + "rows_sent_nopush", plain.rowsSent, "rows", "twin: rows sent to compute it client-side");
  }

  private static Transfer measure(Connection c, String sql, Journal journal) throws SQLException {
    Jdbc.readAll(c, sql + (sql.contains("fetch first") ? "" : " fetch first 0 rows only")); // describe outside
    Journals.settled(journal);
    journal.clear();
    Jdbc.Read read = Jdbc.readAll(c, sql);
    long returned = read.rows();
    List<JournalEntry> es = Journals.collection(journal, "invoices");
    long sent = es.stream().mapToLong(JournalEntry::rows).sum();
    long bytes = es.stream().mapToLong(JournalEntry::bytes).sum();
    return new Transfer(returned, sent, bytes, es.size(), read.checksum());
  }
}
