package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/**
 * Parallel slices over keys in two dense clusters far apart (real Fusion ids): cut by row counts, every
 * slice gets rows (none comes back empty) and about as many as the others, and every row comes exactly once.
 */
class ClusteredKeySlicesTest {
  private static final int ROWS = 4_000;

  @Test
  void everySliceOfAClusteredKeyGetsRows() {
    try (FusionEmulator e = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1")
        .rows(ROWS).keyClusterGap(200_000_000_000_000L).build())) {
      QuerySpec.Builder spec = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
          .fields(List.of("InvoiceId", "InvoiceNumber"));
      List<List<Object>> sequential;
      try (FusionClient c = EmulatorScanTest.client(e, b -> b.parallelism(1))) {
        sequential = EmulatorScanTest.rows(c, spec.build());
      }
      for (List<SortKey> order : List.of(List.<SortKey>of(), List.of(SortKey.asc("InvoiceId")),
          List.of(SortKey.desc("InvoiceId")))) {
        e.journal().clear();
        List<List<Object>> sliced;
        try (FusionClient c = EmulatorScanTest.client(e, b -> b.parallelism(4).pageSize(200))) {
          sliced = EmulatorScanTest.rows(c, spec.orderBy(order).build());
        }
        assertThat(sliced).as("order %s", order).hasSize(ROWS).containsExactlyInAnyOrderElementsOf(sequential);
        if (!order.isEmpty()) {
          List<Object> ids = sliced.stream().map(r -> r.get(0)).toList();
          assertThat(ids).isSortedAccordingTo((a, b) -> order.get(0).descending()
              ? Long.compare((Long) b, (Long) a) : Long.compare((Long) a, (Long) b));
        }
        List<JournalEntry> pages = e.journal().filter(x -> x.path().endsWith("/invoices") && x.status() == 200
            && !"1".equals(x.param("limit")));
        assertThat(pages).as("order %s", order).noneMatch(x -> x.rows() == 0);
        // 4 slices of about 1,000 rows at 200 a page: 5 or 6 pages each, plus the first page
        assertThat(pages.size()).as("order %s", order).isBetween(21, 26);
      }
    }
  }
}
