package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-client limit on BI Publisher runs, against a server whose first run blocks until the test lets it
 * answer: deterministic, no timing assumptions.
 */
class BipConcurrencyTest {
  private static final String REPORT = "/Custom/Finance/Aging.xdo";
  private final AtomicInteger received = new AtomicInteger();
  private final CountDownLatch firstMayAnswer = new CountDownLatch(1);
  private volatile boolean faultOnce;
  private HttpServer server;
  private ExecutorService serverThreads;
  private ExecutorService callers;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newFixedThreadPool(4, daemon("bip-concurrency-server"));
    callers = Executors.newFixedThreadPool(2, daemon("bip-concurrency-caller"));
    server.setExecutor(serverThreads);
    server.createContext(BipSettings.DEFAULT_SERVICE_PATH, this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    firstMayAnswer.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
    callers.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private void handle(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    int n = received.incrementAndGet();
    try {
      if (n == 1) {
        firstMayAnswer.await(30, TimeUnit.SECONDS); // a safety net only; tests release it explicitly
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boolean fault = faultOnce;
    faultOnce = false;
    byte[] body = (fault ? SoapFixtures.fault12("ORA-00904: \"X\": invalid identifier")
        : SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml")).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
    ex.sendResponseHeaders(fault ? 500 : 200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private BipClient client(BipSettings settings) {
    return BipClient.open(FusionClientConfig.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        new AuthConfig.Basic("u", Secret.of("p"))).maxRetries(0).build(), settings);
  }

  private Future<byte[]> runAsync(BipClient bip) {
    return callers.submit(() -> {
      try (ReportResult r = bip.runReport(ReportRequest.of(REPORT))) {
        return r.stream().readAllBytes();
      }
    });
  }

  private void awaitReceived(int n) throws InterruptedException {
    while (received.get() < n) {
      Thread.sleep(2);
    }
  }

  @Test
  void theSecondRunWaitsUntilTheFirstIsAnswered() throws Exception {
    try (BipClient bip = client(BipSettings.defaults())) {
      Future<byte[]> first = runAsync(bip);
      awaitReceived(1);
      Future<byte[]> second = runAsync(bip);
      while (bip.waitingCalls() == 0 && !second.isDone()) {
        Thread.sleep(2); // ends either way: the second call queues, or (limit broken) completes
      }
      assertThat(second).isNotDone();
      assertThat(received.get()).as("the second request was not sent").isEqualTo(1);
      firstMayAnswer.countDown();
      assertThat(first.get()).hasSize(2);
      assertThat(second.get()).hasSize(2);
      assertThat(received.get()).isEqualTo(2);
    }
  }

  @Test
  void aLimitOfTwoLetsTwoRunsTogether() throws Exception {
    try (BipClient bip = client(BipSettings.defaults().withConcurrency(2))) {
      Future<byte[]> first = runAsync(bip);
      awaitReceived(1);
      Future<byte[]> second = runAsync(bip);
      assertThat(second.get()).as("answered while the first still runs").hasSize(2);
      assertThat(first).isNotDone();
      firstMayAnswer.countDown();
      assertThat(first.get()).hasSize(2);
    }
  }

  @Test
  void aCallThatCannotGetASlotInTimeSaysSo() throws Exception {
    try (BipClient bip = client(BipSettings.defaults().withSlotTimeout(Duration.ZERO))) {
      Future<byte[]> first = runAsync(bip);
      awaitReceived(1);
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("concurrency");
          });
      firstMayAnswer.countDown();
      assertThat(first.get()).hasSize(2);
    }
  }

  @Test
  void failedRunsAndOpenResultsDoNotKeepTheSlot() throws IOException {
    firstMayAnswer.countDown();
    try (BipClient bip = client(BipSettings.defaults().withSlotTimeout(Duration.ZERO))) {
      faultOnce = true;
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT))).isInstanceOfSatisfying(FusionException.class,
          e -> assertThat(e.fusionErrorCode()).isEqualTo("ORA-00904"));
      // two results read at once (a join of two scans) must not deadlock a client limited to one run
      try (ReportResult a = bip.runReport(ReportRequest.of(REPORT));
          ReportResult b = bip.runReport(ReportRequest.of(REPORT))) {
        assertThat(b.stream().readAllBytes()).hasSize(2);
        assertThat(a.stream().readAllBytes()).hasSize(2);
      }
    }
  }
}
