package org.fusionjdbc.client.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding.Param;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A chunk whose opening page does not come (its request waiting out a long Retry-After, say) does not hold up the
 * scan: the chunk before it reads its rows, every row still comes exactly once, in key order when asked, and the
 * scan ends while that request is still held; if that request then fails, the scan does not fail with it.
 */
class ChunkedScanLateOpeningTest {
  private static final int ROWS = 2_000;
  private static final int FIRST_PAGE = 100;
  private static final int PAGE = 100;
  private static final int WORKERS = 4;
  private static final ResourcePath INVOICES = ResourcePath.of("fscmRestApi", "invoices");
  private static FusionEmulator emulator;
  private static FusionClientConfig config;
  private static List<BigInteger> keys;

  @BeforeAll
  static void start() {
    emulator = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(ROWS).build());
    config = FusionClientConfig.builder(URI.create(emulator.baseUrl()),
        new AuthConfig.Basic("casey.brown", Secret.of("Welcome1"))).pageSize(PAGE).parallelism(1).build();
    keys = new ArrayList<>();
    try (FusionClient c = FusionClient.open(config);
        RowStream s = c.scan(spec(false))) {
      while (s.next()) {
        keys.add(BigInteger.valueOf(((Number) s.row()[0]).longValue()));
      }
    }
    Collections.sort(keys);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static QuerySpec spec(boolean ordered) {
    QuerySpec.Builder b = QuerySpec.builder(INVOICES).fields(List.of("InvoiceId", "InvoiceNumber"));
    if (ordered) {
      b.orderBy(List.of(SortKey.asc("InvoiceId")));
    }
    return b.build();
  }

  @ParameterizedTest(name = "ordered={0}, the held request fails once rows flow={1}")
  @CsvSource({"true, false", "false, false", "true, true", "false, true"})
  void theChunkBeforeAHeldOpeningReadsItsRows(boolean ordered, boolean heldFails) throws Exception {
    BigInteger last = keys.get(FIRST_PAGE - 1); // as if a first page of 100 rows had been read
    List<BigInteger> expected = keys.subList(FIRST_PAGE, keys.size());
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS + 1);
    CountDownLatch held = new CountDownLatch(1);
    AtomicInteger heldRequests = new AtomicInteger();
    Cancellation cancellation = new Cancellation();
    try (FusionClient client = FusionClient.open(config);
        HttpTransport transport = new HttpTransport(config)) {
      ScanPlan plan = ScanPlan.of(spec(ordered), client.describe("fscmRestApi", "invoices"), config.dialect());
      String path = Requests.path(config.restVersion(), INVOICES);
      // chunks of 2 pages: chunk 1's opening is the request 200 rows past the first page's end, or past chunk 0's start
      // when chunk 0's opening came back before it was sent
      List<String> chunkOneOpenings = List.of("InvoiceId > " + last, "InvoiceId >= " + expected.get(0));
      Function<List<Param>, Page> fetch = params -> {
        if (params.contains(new Param("offset", "200")) && params.stream()
            .anyMatch(p -> p.name().equals("q") && chunkOneOpenings.stream().anyMatch(p.value()::contains))) {
          heldRequests.incrementAndGet();
          await(held);
          if (heldFails) {
            throw new IllegalStateException("the held opening fails: the scan must not care, it was absorbed");
          }
        }
        return transport.get(path, params, new PageParser(plan.layout()), cancellation);
      };
      ChunkedScan scan = new ChunkedScan(plan, "InvoiceId", last, expected.size(), null, WORKERS, PAGE, ordered, fetch,
          cancellation);
      for (int i = 0; i < WORKERS; i++) {
        workers.submit(scan::work);
      }
      Future<List<BigInteger>> read = workers.submit(() -> {
        List<BigInteger> out = new ArrayList<>();
        List<Object[]> page;
        while ((page = scan.nextPage()) != null) {
          page.forEach(r -> out.add(BigInteger.valueOf(((Number) r[0]).longValue())));
          if (heldFails) {
            held.countDown(); // rows flow only once chunk 1 was absorbed: its request may fail now
          }
        }
        return out;
      });
      List<BigInteger> got = read.get(60, TimeUnit.SECONDS); // a hang guard: without absorbing it never ends
      assertThat(heldRequests.get()).as("chunk 1's opening was sent and held").isEqualTo(1);
      assertThat(held.getCount()).as(heldFails ? "released once rows flowed" : "the scan ended with that request held")
          .isEqualTo(heldFails ? 0 : 1);
      if (ordered) {
        assertThat(got).containsExactlyElementsOf(expected);
      } else {
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
      }
      scan.stop();
    } finally {
      held.countDown();
      workers.shutdown();
      assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
