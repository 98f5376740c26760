package org.fusionjdbc.client.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTokenSourceTest {
  private static final String TOKEN_PATH = "/oauth2/v1/token";
  private static final String CLIENT_ID = "3a2e0c1fclientid";
  private static final String CLIENT_SECRET = "idcscs-Sup3r/Secret+value";
  private static final String SCOPE = "urn:opc:resource:fa:instanceid=1234567urn:opc:resource:consumer::all";
  private static final String OK = "{\"access_token\":\"at-one\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

  private static KeyFixtures keys;
  private static WireMockServer wm;
  private static CloseableHttpClient http;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    keys = KeyFixtures.get();
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    http = HttpClients.custom().disableAutomaticRetries().build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (wm != null) {
      wm.stop();
    }
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  private AuthConfig.OAuth config(String url) {
    return new AuthConfig.OAuth("INTEGRATION.USER", URI.create(url), CLIENT_ID, Secret.of(CLIENT_SECRET), SCOPE,
        "driverKeyAlias", keys.pkcs8, Optional.empty(), Optional.of(keys.cert), Optional.empty(),
        Duration.ofMinutes(5));
  }

  private TokenSource source() {
    return TokenSources.oauth(config(wm.baseUrl() + "/"), http, Duration.ofMinutes(2), clock, sleeps::add, 4);
  }

  /** The stub only answers a request with the exact grant, scope, Basic credentials and content type. */
  private static void stubExact(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder reply) {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH))
        .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
        .withFormParam("scope", equalTo(SCOPE))
        .withFormParam("assertion", matching("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
        .willReturn(reply));
  }

  private static Map<String, String> form(LoggedRequest r) {
    Map<String, String> m = new HashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int i = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  @Test
  void exchangesASignedUserAssertionForAnAccessToken() throws Exception {
    stubExact(okJson(OK));
    TokenSource src = source();
    assertThat(src.authorizationHeader()).isEqualTo("Bearer at-one");

    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertThat(requests).hasSize(1);
    Map<String, String> form = form(requests.get(0));
    assertThat(form.keySet()).containsExactlyInAnyOrder("grant_type", "assertion", "scope");
    SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
    RSAPublicKey pub = (RSAPublicKey) Certificates.read(keys.cert).getPublicKey();
    assertThat(assertion.verify(new RSASSAVerifier(pub))).isTrue();
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("driverKeyAlias");
    @SuppressWarnings("deprecation")
    String x5t = assertion.getHeader().getX509CertThumbprint().toString();
    assertThat(x5t).isEqualTo(Certificates.x5t(Certificates.read(keys.cert)));
    JWTClaimsSet c = assertion.getJWTClaimsSet();
    assertThat(c.getSubject()).isEqualTo("INTEGRATION.USER");
    assertThat(c.getIssuer()).isEqualTo(CLIENT_ID);
    assertThat(c.getAudience()).containsExactly("https://identity.oraclecloud.com/");
    assertThat(c.getIssueTime()).isEqualTo(Date.from(clock.instant()));
    assertThat(c.getExpirationTime()).isEqualTo(Date.from(clock.instant().plus(Duration.ofMinutes(5))));
    assertThat(c.getJWTID()).isNotBlank();
  }

  @Test
  void expiresInDecidesWhenTheTokenIsRenewed() {
    stubExact(okJson("{\"access_token\":\"at-short\",\"token_type\":\"Bearer\",\"expires_in\":600}"));
    TokenSource src = source();
    src.authorizationHeader();
    clock.advance(Duration.ofMinutes(7).plusSeconds(59));
    src.authorizationHeader();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(1);
    clock.advance(Duration.ofSeconds(1)); // 2 minutes before the 600 s expiry
    assertThat(src.authorizationHeader()).isEqualTo("Bearer at-short");
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(2);
  }

  @Test
  void invalidGrantNamesTheAssertionSettings() {
    stubExact(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid signature for " + CLIENT_SECRET
            + "\"}"));
    FusionException e = fail();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.AUTHENTICATION);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.fusionErrorCode()).isEqualTo("invalid_grant");
    assertThat(e.getMessage()).contains("invalid_grant").contains("Invalid signature").contains("keyAlias")
        .contains("user").contains("certificate");
    assertNoSecrets(e);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void invalidClientNamesClientIdAndSecret() {
    stubExact(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\",\"error_description\":"
        + "\"Client authentication failed.\"}"));
    FusionException e = fail();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.AUTHENTICATION);
    assertThat(e.getMessage()).contains("Client authentication failed.").contains("clientId and clientSecret");
    assertNoSecrets(e);
  }

  @Test
  void invalidScopeNamesScope() {
    stubExact(aResponse().withStatus(400).withBody("{\"error\":\"invalid_scope\"}"));
    FusionException e = fail();
    assertThat(e.getMessage()).contains("invalid_scope").contains("Check scope");
  }

  @Test
  void retryAfterIsHonouredThenTheTokenArrives() {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("busy"));
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("throttle").whenScenarioStateIs("busy")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("throttle").whenScenarioStateIs("ok")
        .willReturn(okJson(OK)));
    assertThat(source().authorizationHeader()).isEqualTo("Bearer at-one");
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertThat(requests).hasSize(3);
    // Each attempt signs a fresh assertion (a replayed jti may be refused).
    assertThat(requests.stream().map(r -> form(r).get("assertion")).distinct()).hasSize(3);
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() {
    // The test clock is at 10:00:00, the server asks to come back at 10:00:05.
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("date").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Thu, 15 Jan 2026 10:00:05 GMT"))
        .willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("date").whenScenarioStateIs("ok").willReturn(okJson(OK)));
    assertThat(source().authorizationHeader()).isEqualTo("Bearer at-one");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void tenRequestsRejectedTogetherCauseOneTokenRequest() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("rotate").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(OK)).willSetStateTo("second"));
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("rotate").whenScenarioStateIs("second")
        .willReturn(okJson("{\"access_token\":\"at-two\",\"expires_in\":3600}")));
    TokenSource src = source();
    String rejected = src.authorizationHeader();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          src.invalidate(rejected);
          return src.authorizationHeader();
        }));
      }
      start.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("Bearer at-two");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(2);
  }

  @Test
  void persistentThrottlingBecomesThrottledAfterTheRetries() {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    FusionException e = fail();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.THROTTLED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("4 attempts");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void retryAfterBeyondTheCapIsNotWaitedFor() {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "3600")));
    assertThat(fail().kind()).isEqualTo(FusionException.Kind.THROTTLED);
    assertThat(sleeps).isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(1);
  }

  @Test
  void anInterruptEndsTheWaitBeforeARetry() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "20")));
    TokenSource src = TokenSources.oauth(config(wm.baseUrl() + "/"), http, Duration.ofMinutes(2), clock,
        d -> Thread.sleep(d.toMillis()), 4);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        src.authorizationHeader();
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    caller.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).isEmpty() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    Thread.sleep(200); // now in the 20 s wait the endpoint asked for
    caller.interrupt();
    caller.join(10_000); // far less than 20 s: the interrupt ended the wait
    assertThat(caller.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(FusionException.Kind.CANCELLED));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(1);
  }

  @Test
  void serverErrorsBecomeServerWithBoundedBackoff() {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(502)));
    FusionException e = fail();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.SERVER);
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(250),
        Duration.ofSeconds(8)));
  }

  @Test
  void droppedConnectionsBecomeTransport() {
    wm.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    FusionException e = fail();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.TRANSPORT);
    assertThat(e.getMessage()).contains(wm.baseUrl() + TOKEN_PATH);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(4);
    assertNoSecrets(e);
  }

  @Test
  void wrongUrlIsAConfigurationError() {
    // No stub: WireMock answers 404 as a host that is not an identity domain would.
    FusionException e = fail();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("identityDomainUrl");
  }

  @Test
  void okWithoutAccessTokenIsAProtocolError() {
    stubExact(okJson("{\"token_type\":\"Bearer\"}"));
    assertThat(fail().kind()).isEqualTo(FusionException.Kind.PROTOCOL);
  }

  @Test
  void plainHttpOnlyForLoopback() {
    FusionException e = catchThrowableOfType(() -> TokenSources.oauth(
        config("http://idcs-abc.identity.oraclecloud.com"), http, Duration.ofMinutes(2), clock, sleeps::add, 4),
        FusionException.class);
    assertThat(e.kind()).isEqualTo(FusionException.Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("https");
  }

  @Test
  void toStringsHideTheSecretAndToken() {
    stubExact(okJson(OK));
    TokenSource src = source();
    src.authorizationHeader();
    assertThat(src.toString()).doesNotContain("at-one").doesNotContain(CLIENT_SECRET).contains(CLIENT_ID);
    assertThat(config(wm.baseUrl()).toString()).doesNotContain(CLIENT_SECRET);
  }

  private FusionException fail() {
    FusionException e = catchThrowableOfType(() -> source().authorizationHeader(), FusionException.class);
    assertThat(e).isNotNull();
    return e;
  }

  private static void assertNoSecrets(FusionException e) {
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET).doesNotContain("eyJ");
    assertThat(String.valueOf(e.fusionDetail())).doesNotContain(CLIENT_SECRET);
  }
}
