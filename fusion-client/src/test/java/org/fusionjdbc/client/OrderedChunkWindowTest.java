package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A parallel scan in key order reads ahead of its caller with several requests at once, all of them for the keys
 * right after the caller's position (not for far key ranges it cannot emit yet), within a bounded window of pages;
 * rows come exactly in key order, and the emulator sends every row exactly once, also on a pod that caps the page
 * size below the one asked for.
 */
class OrderedChunkWindowTest {
  private static final int ROWS = 10_000;
  private static final int PAGE = 100;
  private static final int PARALLELISM = 4;
  /**
   * Pages a paused caller may have fetched ahead: the window (5 a worker), the two chunks that may always send (a
   * few pages each, 6 at most at 70 rows a page) and one in flight per worker.
   */
  private static final int MAX_AHEAD_PAGES = PARALLELISM * 5 + 2 * 6 + PARALLELISM;
  private static final Pattern AFTER = Pattern.compile("InvoiceId (>=?) (\\d+)");
  private static final Pattern AFTER_DESC = Pattern.compile("InvoiceId (<=?) (\\d+)");

  @ParameterizedTest(name = "{0}, pod page cap {1}")
  @CsvSource({"asc, 0", "desc, 0", "asc, 70", "none, 70"})
  void readsTheNextKeysAheadOfTheCallerAndEveryRowOnce(String order, int cap) throws InterruptedException {
    EmulatorOptions.Builder options = EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(ROWS);
    if (cap > 0) {
      options.maxLimit(cap);
    }
    try (FusionEmulator e = FusionEmulator.start(options.build())) {
      QuerySpec.Builder spec = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
          .fields(List.of("InvoiceId", "InvoiceNumber"));
      List<Long> keys = new ArrayList<>();
      try (FusionClient c = EmulatorScanTest.client(e, b -> b.parallelism(1))) {
        EmulatorScanTest.rows(c, spec.build()).forEach(r -> keys.add((Long) r.get(0)));
      }
      Collections.sort(keys);
      boolean desc = order.equals("desc");
      List<Long> expected = new ArrayList<>(keys);
      if (desc) {
        Collections.reverse(expected);
      }
      if (!order.equals("none")) {
        spec.orderBy(List.of(desc ? SortKey.desc("InvoiceId") : SortKey.asc("InvoiceId")));
      }
      e.journal().clear();
      List<Long> read = new ArrayList<>();
      try (FusionClient c = EmulatorScanTest.client(e, b -> b.parallelism(PARALLELISM).pageSize(PAGE));
          RowStream s = c.scan(spec.build())) {
        while (read.size() < 60 && s.next()) { // past the first page (50 rows): the rest is planned and started
          read.add((Long) s.row()[0]);
        }
        List<JournalEntry> settled = settledPages(e);
        List<JournalEntry> ahead = settled.subList(1, settled.size()); // all but the first page
        assertThat(ahead.size()).as("pages fetched ahead of a caller at row 60").isGreaterThan(PARALLELISM)
            .isLessThanOrEqualTo(MAX_AHEAD_PAGES);
        if (!order.equals("none")) {
          for (JournalEntry page : ahead) { // where each request starts, counted in rows from the caller's end
            assertThat(rank(page, keys, desc)).as("rows before the start of %s", page.params())
                .isLessThan((MAX_AHEAD_PAGES + 2) * PAGE);
          }
        }
        while (s.next()) {
          read.add((Long) s.row()[0]);
        }
      }
      if (order.equals("none")) {
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
      } else {
        assertThat(read).isEqualTo(expected);
      }
      List<JournalEntry> pages = pages(e);
      assertThat(pages.stream().mapToLong(JournalEntry::rows).sum()).as("rows sent").isEqualTo(ROWS);
      if (cap > 0) {
        assertThat(pages).allMatch(p -> p.rows() <= cap);
      }
    }
  }

  /** Rows of the scan's order before the first row {@code page} can return (its key bound plus its offset). */
  private static long rank(JournalEntry page, List<Long> ascending, boolean desc) {
    String q = page.param("q");
    long offset = page.param("offset") == null ? 0 : Long.parseLong(page.param("offset"));
    if (q == null) {
      return offset;
    }
    Long bound = null;
    boolean inclusive = false;
    Matcher m = (desc ? AFTER_DESC : AFTER).matcher(q);
    while (m.find()) { // the tightest bound in scan order
      long v = Long.parseLong(m.group(2));
      if (bound == null || (desc ? v < bound : v > bound)) {
        bound = v;
        inclusive = m.group(1).length() == 2;
      }
    }
    if (bound == null) {
      return offset;
    }
    long b = bound;
    boolean inc = inclusive;
    long before = ascending.stream().filter(k -> desc ? (inc ? k > b : k >= b) : (inc ? k < b : k <= b)).count();
    return before + offset;
  }

  /** The scan's page requests (the count is a one-row request), once no more arrive. */
  private static List<JournalEntry> settledPages(FusionEmulator e) throws InterruptedException {
    int size = -1;
    for (int i = 0; i < 200 && size != e.journal().entries().size(); i++) {
      size = e.journal().entries().size();
      Thread.sleep(300);
    }
    return pages(e);
  }

  private static List<JournalEntry> pages(FusionEmulator e) {
    return e.journal().filter(x -> x.path().endsWith("/invoices") && !"1".equals(x.param("limit")));
  }
}
