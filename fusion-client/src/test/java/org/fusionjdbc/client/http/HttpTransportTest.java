package org.fusionjdbc.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.query.PageParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private static final String PATH = "/fscmRestApi/resources/11.13.18.05/invoices";
  private static final String OK = "{\"items\":[],\"count\":0,\"hasMore\":false}";
  private static WireMockServer server;
  private RenewableTestTokens tokens;
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
  void open() {
    server.resetAll();
    tokens = new RenewableTestTokens();
    transport = new HttpTransport(config(3).build(), h -> tokens);
  }

  @AfterEach
  void close() {
    transport.close();
    assertThat(tokens.closed).isTrue();
  }

  static FusionClientConfig.Builder config(int maxRetries) {
    return FusionClientConfig.builder(URI.create("http://localhost:" + server.port()),
            new AuthConfig.Basic("u", Secret.of("p")))
        .maxRetries(maxRetries).retryBaseDelay(Duration.ofMillis(1)).retryBudget(Duration.ofSeconds(10));
  }

  private JsonNode call() {
    return transport.get(PATH, List.of(new UrlEncoding.Param("q", "A = 'x;y'")), PageParser::readTree,
        new Cancellation());
  }

  @Test
  void sendsHeadersAndEncodedQuery() {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody(OK)));
    assertThat(call().get("hasMore").asBoolean()).isFalse();
    server.verify(getRequestedFor(urlPathEqualTo(PATH))
        .withQueryParam("q", equalTo("A = 'x;y'"))
        .withHeader("Authorization", equalTo("Bearer secret-token-1"))
        .withHeader("REST-Framework-Version", equalTo("4"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching("fusion-jdbc/[^ ]+ \\(Java .+\\)")));
    assertThat(server.getAllServeEvents().get(0).getRequest().getUrl()).contains("q=A%20%3D%20%27x%3By%27");
  }

  @Test
  void retriesThrottlingHonouringRetryAfter() {
    server.stubFor(get(urlPathEqualTo(PATH)).inScenario("t").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("503"));
    server.stubFor(get(urlPathEqualTo(PATH)).inScenario("t").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
            .withBody("<html>maintenance</html>")).willSetStateTo("ok"));
    server.stubFor(get(urlPathEqualTo(PATH)).inScenario("t").whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody(OK)));
    long start = System.nanoTime();
    assertThat(call().get("count").asInt()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    server.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void throttledWhenRetriesAreExhausted() {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).contains("gave up after 4 attempts");
    });
    server.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void retryBudgetStopsLongRetryAfter() {
    transport.close();
    transport = new HttpTransport(config(5).retryBudget(Duration.ofMillis(500)).build(), h -> tokens);
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.SERVER));
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void unauthorizedInvalidatesTheTokenAndRetriesOnce() {
    server.stubFor(get(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer secret-token-1"))
        .willReturn(aResponse().withStatus(401)));
    server.stubFor(get(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer secret-token-2"))
        .willReturn(aResponse().withBody(OK)));
    call();
    assertThat(tokens.invalidations).hasValue(1);
    server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void secondUnauthorizedIsAnAuthenticationError() {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage()).doesNotContain("secret-token");
    });
    assertThat(tokens.invalidations).hasValue(1);
    server.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void unauthorizedWithAFixedCredentialIsNotRetried() {
    transport.close();
    FusionClientConfig basic = config(3).build();
    transport = new HttpTransport(basic);
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
      assertThat(e.getMessage()).doesNotContain("cA==").doesNotContain("dTpw");
    });
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Basic dTpw")));
    tokens.close(); // the Basic transport owns its own source; keep the AfterEach check meaningful
  }

  @Test
  void badRequestKeepsFusionDetailAndIsNotRetried() {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody(
        "{\"title\":\"Bad Request\",\"status\":\"400\",\"o:errorDetails\":[{\"detail\":\"Attribute Foo is not "
            + "queryable\",\"o:errorCode\":\"JBO-27024\"}]}")));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
      assertThat(e.fusionDetail()).isEqualTo("Attribute Foo is not queryable");
      assertThat(e.fusionErrorCode()).isEqualTo("JBO-27024");
      assertThat(e.retryable()).isFalse();
    });
    server.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void statusesMapToKinds() {
    for (int[] c : new int[][] {{403, 0}, {404, 1}}) {
      server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(c[0]).withBody("x".repeat(5000))));
      assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class, e -> {
        assertThat(e.kind()).isEqualTo(c[1] == 0 ? Kind.AUTHORIZATION : Kind.NOT_FOUND);
        assertThat(e.fusionDetail()).hasSize(2048);
      });
    }
  }

  @Test
  void htmlOrMalformedJsonIsAProtocolError() {
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>Sign in</body></html>")));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody("{\"items\": [1,}")));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
      assertThat(e.getMessage()).contains("malformed JSON");
    });
  }

  @Test
  void droppedConnectionsAreRetried() {
    server.stubFor(get(urlPathEqualTo(PATH)).inScenario("d").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("chunk"));
    server.stubFor(get(urlPathEqualTo(PATH)).inScenario("d").whenScenarioStateIs("chunk")
        .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("ok"));
    server.stubFor(get(urlPathEqualTo(PATH)).inScenario("d").whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody(OK)));
    assertThat(call().get("hasMore").asBoolean()).isFalse();
    server.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(transport.poolStats().getLeased()).isZero();
  }

  @Test
  void traceLineAtFineNeverShowsTheToken() {
    Logger log = Logger.getLogger("org.fusionjdbc.client.http");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Level old = log.getLevel();
    log.setLevel(Level.FINE);
    log.addHandler(h);
    try {
      server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody(OK)));
      call();
    } finally {
      log.removeHandler(h);
      log.setLevel(old);
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET " + PATH + "?q=A = 'x;y' -> 200").contains("bytes"));
    assertThat(String.join("\n", lines)).doesNotContain("secret-token");
  }

  @Test
  void plainHttpOnlyForLoopback() {
    FusionClientConfig remote = FusionClientConfig.builder(URI.create("http://pod.example.com"),
        new AuthConfig.Basic("u", Secret.of("p"))).build();
    assertThatThrownBy(() -> new HttpTransport(remote, h -> tokens)).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION));
    assertThat(HttpClientFactory.isLoopback("127.0.0.5")).isTrue();
    assertThat(HttpClientFactory.isLoopback("[::1]")).isTrue();
    assertThat(HttpClientFactory.isLoopback("localhost.evil.com")).isFalse();
    assertThat(HttpClientFactory.isLoopback("10.0.0.1")).isFalse();
  }
}
