package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parallel key-range chunks of the emulator's invoices (integer key InvoiceId): every row once, key order when the
 * caller asks for it, the requests the chunking sends (plain first page, one count, chunk opening pages anchored on a
 * known key), cancel and early close.
 */
class SlicedScanTest {
  private static final int N = 1000;
  private static final ResourcePath INVOICES = ResourcePath.of("fscmRestApi", "invoices");
  private static FusionEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(N).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void noLatency() {
    emulator.faults().latencyMs(0);
  }

  private static DefaultFusionClient client(int parallelism) {
    FusionClientConfig config = FusionClientConfig.builder(URI.create(emulator.baseUrl()),
        new AuthConfig.Basic("casey.brown", Secret.of("Welcome1"))).pageSize(50).firstPageSize(10)
        .parallelism(parallelism).build();
    return new DefaultFusionClient(config, new HttpTransport(config));
  }

  private static List<Object> ids(DefaultFusionClient c, List<SortKey> order) {
    List<Object> ids = new ArrayList<>();
    QuerySpec spec = QuerySpec.builder(INVOICES).fields(List.of("InvoiceNumber", "InvoiceId")).orderBy(order).build();
    try (RowStream s = c.scan(spec)) {
      while (s.next()) {
        ids.add(s.row()[1]);
      }
    }
    return ids;
  }

  /** Data requests to the collection (not describe) since the journal was last cleared, as their parameters. */
  private static List<Map<String, String>> requests() {
    return emulator.journal().filter(e -> e.path().endsWith("/invoices") && e.method().equals("GET")).stream()
        .map(JournalEntry::params).toList();
  }

  private static boolean oneRow(Map<String, String> r) {
    return "1".equals(r.get("limit"));
  }

  private static boolean hasOffset(Map<String, String> r) {
    return r.get("offset") != null && !"0".equals(r.get("offset"));
  }

  @Test
  void slicesReturnEveryRowOnceAndKeyOrderWhenTheCallerAsksForIt() {
    try (DefaultFusionClient sequential = client(1); DefaultFusionClient parallel = client(4)) {
      List<Object> expected = ids(sequential, List.of(SortKey.asc("InvoiceId")));
      assertThat(expected).hasSize(N).doesNotHaveDuplicates();
      emulator.journal().clear();
      // Unordered: pages come from whichever slice answers first, but every row comes exactly once.
      assertThat(ids(parallel, List.of())).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(ids(parallel, List.of(SortKey.asc("InvoiceId")))).isEqualTo(expected);
      List<Map<String, String>> requests = requests();
      assertThat(requests).anyMatch(r -> r.getOrDefault("q", "").contains("InvoiceId > ")
          && r.get("q").contains(" and InvoiceId < "));
      // the first page is a plain page; the rest is counted once the caller reads past it
      assertThat(requests).noneMatch(r -> "true".equals(r.get("totalResults")) && "10".equals(r.get("limit")));
      assertThat(requests).anyMatch(r -> "true".equals(r.get("totalResults")) && oneRow(r));
      // a chunk's opening page finds where it starts: a full page at an offset from a key already known, never a
      // one-row probe and never an offset from the collection's start
      assertThat(requests).anyMatch(r -> hasOffset(r) && "50".equals(r.get("limit")));
      assertThat(requests).noneMatch(r -> hasOffset(r) && !r.getOrDefault("q", "").matches("InvoiceId >=? \\d+"));
      assertThat(requests).noneMatch(r -> oneRow(r) && !"true".equals(r.get("totalResults")));
      List<Object> reversed = new ArrayList<>(expected);
      java.util.Collections.reverse(reversed);
      assertThat(ids(parallel, List.of(SortKey.desc("InvoiceId")))).isEqualTo(reversed);
      assertThat(parallel.transport().poolStats().getLeased()).isZero();
    }
  }

  /**
   * A count far above the rows there are (rows deleted after it): chunks planned past the end open on an empty
   * page, the chunk before reads to the end, and every row still comes exactly once, in order when asked.
   */
  @Test
  void chunksPlannedPastTheEndEndTheScanExactly() {
    try (DefaultFusionClient sequential = client(1); DefaultFusionClient parallel = client(4)) {
      List<Object> expected = ids(sequential, List.of(SortKey.asc("InvoiceId")));
      emulator.faults().totalResultsBias(3 * N);
      try {
        assertThat(parallel.count(QuerySpec.builder(INVOICES).build())).as("the count the chunks are planned from")
            .isEqualTo(4L * N);
        emulator.journal().clear();
        assertThat(ids(parallel, List.of(SortKey.asc("InvoiceId")))).isEqualTo(expected);
        assertThat(requests()).anyMatch(r -> hasOffset(r) && "50".equals(r.get("limit")));
        assertThat(ids(parallel, List.of())).containsExactlyInAnyOrderElementsOf(expected);
        List<Object> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(ids(parallel, List.of(SortKey.desc("InvoiceId")))).isEqualTo(reversed);
        assertThat(parallel.transport().poolStats().getLeased()).isZero();
      } finally {
        emulator.faults().totalResultsBias(0);
      }
    }
  }

  @Test
  void aSmallResultIsOneRequestEvenWithParallelism() {
    try (DefaultFusionClient c = client(4)) {
      List<Object> sorted = ids(c, List.of(SortKey.asc("InvoiceId")));
      emulator.journal().clear();
      QuerySpec spec = QuerySpec.builder(INVOICES).fields(List.of("InvoiceId"))
          .filter(QExpr.compare("InvoiceId", QExpr.Op.LT, QValue.of((Long) sorted.get(7)))).build();
      try (RowStream s = c.scan(spec)) {
        int n = 0;
        while (s.next()) {
          n++;
        }
        assertThat(n).isEqualTo(7);
      }
      assertThat(requests()).hasSize(1);
    }
  }

  @Test
  void cancelFromAnotherThreadStopsEverySlice() throws Exception {
    try (DefaultFusionClient c = client(4)) {
      RowStream s = c.scan(QuerySpec.builder(INVOICES).fields(List.of("InvoiceId")).build());
      int rows = 0;
      while (rows <= 10) { // past the first page (firstPageSize 10): the slices are under way
        assertThat(s.next()).isTrue();
        rows++;
      }
      emulator.faults().latencyMs(4_000); // every request from now on hangs far longer than the cancel takes
      long start = System.nanoTime();
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        s.cancel();
      });
      canceller.start();
      try {
        while (s.next()) {
          rows++;
        }
        org.assertj.core.api.Assertions.fail("the scan should have been cancelled");
      } catch (FusionException e) {
        assertThat(e.kind()).isEqualTo(FusionException.Kind.CANCELLED);
      }
      canceller.join();
      assertThat(rows).isLessThan(N);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
      s.close();
      assertThat(c.transport().poolStats().getLeased()).isZero();
    }
  }

  @Test
  void earlyCloseOfASlicedScanLeaksNoConnection() {
    try (DefaultFusionClient c = client(4)) {
      RowStream s = c.scan(QuerySpec.builder(INVOICES).fields(List.of("InvoiceId")).build());
      assertThat(s.next()).isTrue();
      s.close();
      assertThat(c.transport().poolStats().getLeased()).isZero();
    }
  }

  /** A preview (one row, then close) costs the first page only; slices start once the caller reads past it. */
  @Test
  void slicesStartOnlyWhenTheCallerReadsPastTheFirstPage() {
    try (DefaultFusionClient c = client(4)) {
      QuerySpec spec = QuerySpec.builder(INVOICES).fields(List.of("InvoiceId")).build();
      emulator.journal().clear();
      try (RowStream s = c.scan(spec)) {
        assertThat(s.next()).isTrue();
      }
      assertThat(requests()).hasSize(1);
      emulator.journal().clear();
      try (RowStream s = c.scan(spec)) {
        for (int i = 0; i < 10; i++) { // the whole first page (firstPageSize 10)
          assertThat(s.next()).isTrue();
        }
        assertThat(requests()).hasSize(1);
        assertThat(s.next()).isTrue();
        assertThat(requests()).anyMatch(r -> "true".equals(r.get("totalResults")));
      }
      assertThat(c.transport().poolStats().getLeased()).isZero();
    }
  }
}
