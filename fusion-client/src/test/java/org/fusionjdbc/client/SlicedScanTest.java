package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.TestTokens;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parallel key-range chunks against a small fake collection that understands exactly the q the pager sends
 * for an integer key ({@code Id >= n}, {@code Id <= n}, {@code Id < n}, {@code Id > n} joined by and).
 */
class SlicedScanTest {
  private static final int N = 1000;
  private static final String PATH = "/fscmRestApi/resources/11.13.18.05/nums";
  private static HttpServer server;
  private static final List<String> journal = new CopyOnWriteArrayList<>();
  private static volatile long sliceDelayMs;
  /** Added to every totalResults: a count that is off, as when rows are deleted between the count and the pages. */
  private static volatile int totalBias;

  private static long id(int i) {
    return 3 + 7L * i;
  }

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(PATH + "/describe", ex -> send(ex, "{\"Resources\":{\"nums\":{\"attributes\":["
        + "{\"name\":\"Id\",\"type\":\"integer\",\"queryable\":true},{\"name\":\"Name\",\"type\":\"string\","
        + "\"queryable\":true}],\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":[{\"name\":\"Id\"}]}]}}}}"));
    server.createContext(PATH, ex -> {
      Map<String, String> p = new HashMap<>();
      String raw = ex.getRequestURI().getRawQuery();
      for (String kv : raw == null ? new String[0] : raw.split("&")) {
        int eq = kv.indexOf('=');
        p.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
      journal.add(p.toString());
      if (sliceDelayMs > 0 && p.containsKey("q") && !p.containsKey("totalResults")) { // the chunks' pages
        try {
          Thread.sleep(sliceDelayMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      LongPredicate filter = v -> true;
      String q = p.getOrDefault("q", "").replace("(", "").replace(")", "");
      for (String term : q.isEmpty() ? new String[0] : q.split(" and ")) {
        String[] t = term.trim().split(" ");
        long bound = Long.parseLong(t[2]);
        LongPredicate f = switch (t[1]) {
          case ">=" -> v -> v >= bound;
          case ">" -> v -> v > bound;
          case "<=" -> v -> v <= bound;
          case "<" -> v -> v < bound;
          default -> throw new IllegalArgumentException(term);
        };
        filter = filter.and(f);
      }
      List<Long> rows = LongStream.range(0, N).map(i -> id((int) i)).filter(filter).boxed()
          .sorted(p.get("orderBy").endsWith("desc") ? Comparator.reverseOrder() : Comparator.naturalOrder())
          .collect(Collectors.toList());
      int offset = Integer.parseInt(p.get("offset") == null ? "0" : p.get("offset"));
      int limit = Math.min(500, Integer.parseInt(p.get("limit")));
      List<Long> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()));
      String items = page.stream().map(v -> "{\"Id\":" + v + ",\"Name\":\"n" + v + "\"}").collect(Collectors.joining(","));
      send(ex, "{\"items\":[" + items + "],\"count\":" + page.size() + ",\"hasMore\":" + (offset + page.size() < rows.size())
          + ("true".equals(p.get("totalResults")) ? ",\"totalResults\":" + (rows.size() + totalBias) : "") + "}");
    });
    server.start();
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static DefaultFusionClient client(int parallelism) {
    FusionClientConfig config = FusionClientConfig.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        new AuthConfig.Basic("u", Secret.of("p"))).pageSize(50).firstPageSize(10).parallelism(parallelism).build();
    return new DefaultFusionClient(config, new HttpTransport(config, h -> new TestTokens()));
  }

  private static List<Object> ids(DefaultFusionClient c, List<SortKey> order) {
    List<Object> ids = new ArrayList<>();
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("fscmRestApi", "nums")).fields(List.of("Name", "Id"))
        .orderBy(order).build();
    try (RowStream s = c.scan(spec)) {
      while (s.next()) {
        assertThat(s.row()[0]).isEqualTo("n" + s.row()[1]);
        ids.add(s.row()[1]);
      }
    }
    return ids;
  }

  @Test
  void slicesReturnEveryRowOnceAndKeyOrderWhenTheCallerAsksForIt() {
    List<Object> expected = LongStream.range(0, N).map(i -> id((int) i)).boxed().collect(Collectors.toList());
    try (DefaultFusionClient sequential = client(1); DefaultFusionClient parallel = client(4)) {
      assertThat(ids(sequential, List.of())).isEqualTo(expected);
      journal.clear();
      // Unordered: pages come from whichever slice answers first, but every row comes exactly once.
      assertThat(ids(parallel, List.of())).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(ids(parallel, List.of(SortKey.asc("Id")))).isEqualTo(expected);
      assertThat(journal).anyMatch(r -> r.contains("q=Id > ") && r.contains(" and Id < "));
      // the first page is a plain page; the rest is counted once the caller reads past it
      assertThat(journal).noneMatch(r -> r.contains("totalResults=true") && r.contains("limit=10"));
      assertThat(journal).anyMatch(r -> r.contains("totalResults=true") && r.matches(".*limit=1[,}].*"));
      // a chunk's opening page finds where it starts: a full page at an offset from a key already known, never a
      // one-row probe and never an offset from the collection's start
      assertThat(journal).anyMatch(r -> r.matches(".*offset=[1-9].*") && r.contains("limit=50"));
      assertThat(journal).noneMatch(r -> r.matches(".*offset=[1-9].*") && !r.matches(".*q=Id >=? \\d+[,}].*"));
      assertThat(journal).noneMatch(r -> r.matches(".*limit=1[,}].*") && !r.contains("totalResults=true"));
      List<Object> reversed = new ArrayList<>(expected);
      java.util.Collections.reverse(reversed);
      assertThat(ids(parallel, List.of(SortKey.desc("Id")))).isEqualTo(reversed);
      assertThat(parallel.transport().poolStats().getLeased()).isZero();
    }
  }

  /**
   * A count far above the rows there are (rows deleted after it): chunks planned past the end open on an empty
   * page, the chunk before reads to the end, and every row still comes exactly once, in order when asked.
   */
  @Test
  void chunksPlannedPastTheEndEndTheScanExactly() {
    List<Object> expected = LongStream.range(0, N).map(i -> id((int) i)).boxed().collect(Collectors.toList());
    totalBias = 3 * N;
    try (DefaultFusionClient parallel = client(4)) {
      journal.clear();
      assertThat(ids(parallel, List.of(SortKey.asc("Id")))).isEqualTo(expected);
      assertThat(journal).anyMatch(r -> r.matches(".*offset=[1-9].*") && r.contains("limit=50"));
      assertThat(ids(parallel, List.of())).containsExactlyInAnyOrderElementsOf(expected);
      List<Object> reversed = new ArrayList<>(expected);
      java.util.Collections.reverse(reversed);
      assertThat(ids(parallel, List.of(SortKey.desc("Id")))).isEqualTo(reversed);
      assertThat(parallel.transport().poolStats().getLeased()).isZero();
    } finally {
      totalBias = 0;
    }
  }

  @Test
  void aSmallResultIsOneRequestEvenWithParallelism() {
    try (DefaultFusionClient c = client(4)) {
      journal.clear();
      QuerySpec spec = QuerySpec.builder(ResourcePath.of("fscmRestApi", "nums")).fields(List.of("Id"))
          .filter(org.fusionjdbc.client.query.QExpr.compare("Id", org.fusionjdbc.client.query.QExpr.Op.LT,
              org.fusionjdbc.client.query.QValue.of(50))).build();
      try (RowStream s = c.scan(spec)) {
        int n = 0;
        while (s.next()) {
          n++;
        }
        assertThat(n).isEqualTo(7);
      }
      assertThat(journal).hasSize(1);
    }
  }

  @Test
  void cancelFromAnotherThreadStopsEverySlice() throws Exception {
    sliceDelayMs = 4_000;
    try (DefaultFusionClient c = client(4)) {
      RowStream s = c.scan(QuerySpec.builder(ResourcePath.of("fscmRestApi", "nums")).fields(List.of("Id")).build());
      int rows = 0;
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
      } catch (org.fusionjdbc.client.error.FusionException e) {
        assertThat(e.kind()).isEqualTo(org.fusionjdbc.client.error.FusionException.Kind.CANCELLED);
      }
      canceller.join();
      assertThat(rows).isLessThan(N);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
      s.close();
      assertThat(c.transport().poolStats().getLeased()).isZero();
    } finally {
      sliceDelayMs = 0;
    }
  }

  @Test
  void earlyCloseOfASlicedScanLeaksNoConnection() {
    try (DefaultFusionClient c = client(4)) {
      RowStream s = c.scan(QuerySpec.builder(ResourcePath.of("fscmRestApi", "nums")).fields(List.of("Id")).build());
      assertThat(s.next()).isTrue();
      s.close();
      assertThat(c.transport().poolStats().getLeased()).isZero();
    }
  }

  /** A preview (one row, then close) costs the first page only; slices start once the caller reads past it. */
  @Test
  void slicesStartOnlyWhenTheCallerReadsPastTheFirstPage() {
    try (DefaultFusionClient c = client(4)) {
      journal.clear();
      QuerySpec spec = QuerySpec.builder(ResourcePath.of("fscmRestApi", "nums")).fields(List.of("Id")).build();
      try (RowStream s = c.scan(spec)) {
        assertThat(s.next()).isTrue();
      }
      assertThat(journal).hasSize(1);
      journal.clear();
      try (RowStream s = c.scan(spec)) {
        for (int i = 0; i < 10; i++) { // the whole first page (firstPageSize 10)
          assertThat(s.next()).isTrue();
        }
        assertThat(journal).hasSize(1);
        assertThat(s.next()).isTrue();
        assertThat(journal).anyMatch(r -> r.contains("totalResults=true"));
      }
      assertThat(c.transport().poolStats().getLeased()).isZero();
    }
  }
}
