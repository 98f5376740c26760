package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.journal.Journal;

/**
 * Child tables: requests per parent page of a child-table scan over every parent ({@code invoices_invoiceLines}).
 * It measures whatever the driver does: one expanded parent page per request is 1, each child collection followed
 * separately adds to it.
 */
final class ChildBench {
  static final String SQL = "select * from fscm.\"invoices_invoiceLines\"";

  private ChildBench() {}

  static void run(int parents, Results r) throws SQLException {
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(parents))) {
      Journal journal = pod.emulator().journal();
      try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic())) {
        Jdbc.readAll(c, SQL + " where 1 = 0"); // describe outside the count
        Journals.settled(journal);
        journal.clear();
        Jdbc.Read read = Jdbc.readAll(c, SQL);
        var entries = Journals.settled(journal).stream().filter(e -> e.path().contains("/invoices")).toList();
        long parentPages = entries.stream().filter(e -> e.path().endsWith("/invoices")).count();
        long childRequests = entries.size() - parentPages;
        String p = "child.";
        r.add(p + "rows", read.rows(), "rows", SQL + " over " + parents + " parents");
        r.add(p + "parent_pages", parentPages, "req", "requests for pages of the parent collection");
        r.add(p + "child_requests", childRequests, "req", "requests of child collections (hrefs followed)");
        r.add(p + "requests_per_parent_page", parentPages == 0 ? 0 : entries.size() / (double) parentPages, "x",
            "all requests / parent pages (goal ~1: children arrive expanded in the parent page)");
      }
    }
  }
}
