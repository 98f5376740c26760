package org.fusionjdbc.client.bip;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.auth.TokenSource;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.http.BodyReader;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.RenewableTestTokens;
import org.fusionjdbc.client.http.TransportProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** runReport goes through the transport's one retry path: cancel, 401 renewal and the concurrency limit as REST. */
class BipRetryPathTest {
  private static final String SERVICE = BipSettings.DEFAULT_SERVICE_PATH;
  private static final String REPORT = "/Custom/Finance/Aging.xdo";
  private static final String REST = "/fscmRestApi/resources/11.13.18.05/invoices";
  private static final String HI = SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml");
  private static WireMockServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private HttpTransport transport;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    if (transport != null) {
      transport.close();
    }
  }

  private HttpTransport transport(TokenSource tokens, int parallelism) {
    transport = new HttpTransport(FusionClientConfig.builder(URI.create("http://localhost:" + server.port()),
            new AuthConfig.Basic("u", Secret.of("p")))
        .parallelism(parallelism).maxRetries(3).retryBaseDelay(Duration.ofMillis(1))
        .retryBudget(Duration.ofSeconds(60)).build(), h -> tokens);
    return transport;
  }

  /** A credential that cannot change: Basic, or a bearer token the user supplied. */
  private static TokenSource fixed() {
    return new TokenSource() {
      @Override
      public String authorizationHeader() {
        return "Basic dTpw";
      }

      @Override
      public void invalidate(String rejectedHeader) {
        throw new AssertionError("a fixed credential is never invalidated");
      }

      @Override
      public boolean renewable() {
        return false;
      }
    };
  }

  @Test
  void cancelEndsARetryAfterWaitOfARunningReport() throws Exception {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "20")));
    BipClient bip = BipClient.over(transport(new RenewableTestTokens(), 4), BipSettings.defaults());
    Cancellation cancel = new Cancellation();
    Future<ReportResult> run = pool.submit(() -> bip.runReport(ReportRequest.of(REPORT), cancel));
    awaitRequests(1);
    Thread.sleep(200); // now in the 20 s wait the pod asked for
    cancel.cancel();
    // far less than the 20 s Retry-After: the wait ended on cancel
    assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
    assertThat(transport.poolStats().getLeased()).isZero();
  }

  @Test
  void cancelEndsAProxyQueryWaitingToRetry() throws Exception {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "20")));
    BipClient bip = BipClient.over(transport(new RenewableTestTokens(), 4), BipSettings.defaults()
        .withProxyShape(ProxyShape.FJ1));
    Cancellation cancel = new Cancellation();
    Future<ProxyRowStream> run = pool.submit(() -> bip.proxy().run("select 1 from dual", null, cancel));
    awaitRequests(1);
    Thread.sleep(200);
    cancel.cancel();
    assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void a401WithAFixedCredentialIsNotRetriedByBipOrRest() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(401)));
    server.stubFor(get(urlPathEqualTo(REST)).willReturn(aResponse().withStatus(401)));
    HttpTransport t = transport(fixed(), 4);
    BipClient bip = BipClient.over(t, BipSettings.defaults());
    assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
        .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION));
    assertThatThrownBy(() -> restGet(t))
        .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION));
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
    server.verify(1, getRequestedFor(urlPathEqualTo(REST)));
  }

  @Test
  void a401WithARenewableTokenIsRetriedOnceByBipAndRest() throws IOException {
    RenewableTestTokens tokens = new RenewableTestTokens();
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("b").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("b").whenScenarioStateIs("renewed")
        .willReturn(aResponse().withStatus(200).withBody(HI)));
    server.stubFor(get(urlPathEqualTo(REST)).inScenario("r").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
    server.stubFor(get(urlPathEqualTo(REST)).inScenario("r").whenScenarioStateIs("renewed")
        .willReturn(okJson("{}")));
    HttpTransport t = transport(tokens, 4);
    BipClient bip = BipClient.over(t, BipSettings.defaults());
    try (ReportResult r = bip.runReport(ReportRequest.of(REPORT))) {
      assertThat(r.stream().readAllBytes()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(restGet(t)).isEqualTo("{}");
    assertThat(tokens.invalidations.get()).isEqualTo(2);
    server.verify(2, postRequestedFor(urlEqualTo(SERVICE)));
    server.verify(2, getRequestedFor(urlPathEqualTo(REST)));
  }

  @Test
  void aThrottledBipCallLowersTheLimitRestSharesAndStreamingResultsHoldNoSlot() throws Exception {
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("t").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("t").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody(HI)));
    server.stubFor(get(urlPathEqualTo(REST)).willReturn(okJson("{}")));
    HttpTransport t = transport(new RenewableTestTokens(), 1); // at most 2 requests in flight
    BipClient bip = BipClient.over(t, BipSettings.defaults().withConcurrency(2));
    assertThat(TransportProbe.concurrencyLimit(t)).isEqualTo(2);
    try (ReportResult first = bip.runReport(ReportRequest.of(REPORT))) {
      assertThat(TransportProbe.concurrencyLimit(t)).isEqualTo(1);
      // one request in flight at a time now; an unread result does not hold it
      Future<ReportResult> second = pool.submit(() -> bip.runReport(ReportRequest.of(REPORT)));
      Future<String> rest = pool.submit(() -> restGet(t));
      try (ReportResult other = second.get(10, TimeUnit.SECONDS)) {
        assertThat(rest.get(10, TimeUnit.SECONDS)).isEqualTo("{}");
        assertThat(other.stream().readAllBytes()).hasSize(2);
        assertThat(first.stream().readAllBytes()).hasSize(2);
      }
    }
    server.verify(3, postRequestedFor(urlEqualTo(SERVICE)));
    assertThat(t.poolStats().getLeased()).isZero();
  }

  private static String restGet(HttpTransport t) {
    BodyReader<String> text = in -> new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return t.get(REST, List.of(), text, new Cancellation());
  }

  private static void awaitRequests(int n) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.findAll(postRequestedFor(urlEqualTo(SERVICE))).size() < n && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(server.findAll(postRequestedFor(urlEqualTo(SERVICE)))).hasSize(n);
  }
}
