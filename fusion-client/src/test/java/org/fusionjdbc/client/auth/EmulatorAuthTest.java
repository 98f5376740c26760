package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.fusionjdbc.emulator.testkit.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every token kind accepted by the emulator (whose verifier is written independently of this client): a
 * GET of invoices?limit=1 on the real FusionEmulator with each header, and the emulator's identity-domain
 * token endpoint (served here on loopback until the emulator mounts it itself).
 */
class EmulatorAuthTest {
  private static final String REST = "/fscmRestApi/resources/11.13.18.05/invoices";

  @TempDir
  static Path dir;

  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();
  private static DemoCredentials demo;
  private static HttpServer server;
  private static FusionEmulator emulator;
  private static CloseableHttpClient http;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    TestIdentity id = TestIdentity.generateIn(dir);
    demo = id.credentials();
    AuthService auth = id.authService(s -> s.accessTokenLifetime(Duration.ofSeconds(2)).clockSkew(Duration.ZERO)
        .clock(CLOCK));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/oauth2/v1/token", exchange -> {
      TOKEN_REQUESTS.incrementAndGet();
      auth.tokenEndpoint().handle(exchange);
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    emulator = FusionEmulator.start(EmulatorOptions.builder().authenticator(auth.authenticator()).build());
    http = HttpClients.custom().disableAutomaticRetries().build();
  }

  @AfterAll
  static void stop() throws IOException {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.stop(0);
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  private static String get(String authorization) throws IOException {
    HttpGet get = new HttpGet(emulator.baseUrl() + REST + "?limit=1");
    get.setHeader("Authorization", authorization);
    return http.execute(get, r -> {
      String body = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity());
      return r.getCode() + (r.getCode() == 200 && body.contains("\"items\"") ? " items" : "");
    });
  }

  private static AuthConfig.FusionJwt jwt(String issuer) {
    return new AuthConfig.FusionJwt(demo.username(), issuer, demo.privateKeyFile(), Optional.empty(),
        Optional.of(demo.certificateFile()), Optional.empty(), Duration.ofMinutes(30));
  }

  private static AuthConfig.OAuth oauth(String secret, String keyAlias, String scope) {
    return new AuthConfig.OAuth(demo.username(), URI.create(base), demo.clientId(), Secret.of(secret), scope,
        keyAlias, demo.privateKeyFile(), Optional.empty(), Optional.of(demo.certificateFile()), Optional.empty(),
        Duration.ofMinutes(5));
  }

  private static TokenSource create(AuthConfig config) {
    return TokenSources.create(config, http, Duration.ofMinutes(2), CLOCK);
  }

  @Test
  void fusionJwtIsAccepted() throws IOException {
    assertThat(get(create(jwt(demo.issuer())).authorizationHeader())).isEqualTo("200 items");
  }

  @Test
  void fusionJwtFromAnUntrustedIssuerIsRejected() throws IOException {
    assertThat(get(create(jwt("someone.else")).authorizationHeader())).isEqualTo("401");
  }

  @Test
  void basicIsAccepted() throws IOException {
    assertThat(get(create(new AuthConfig.Basic(demo.username(), Secret.of(demo.basicPassword())))
        .authorizationHeader())).isEqualTo("200 items");
    assertThat(get(create(new AuthConfig.Basic(demo.username(), Secret.of("wrong"))).authorizationHeader()))
        .isEqualTo("401");
  }

  @Test
  void oauthAccessTokenIsAcceptedAndRenewedAcrossATwoSecondLifetime() throws IOException {
    TokenSource src = create(oauth(demo.clientSecret(), demo.keyAlias(), demo.scope()));
    int before = TOKEN_REQUESTS.get();
    String first = src.authorizationHeader();
    assertThat(get(first)).isEqualTo("200 items");
    // The bearer kind works with a token obtained elsewhere (here: the one just issued).
    assertThat(get(create(new AuthConfig.Bearer(Secret.of(first.substring(7)))).authorizationHeader()))
        .isEqualTo("200 items");
    for (int i = 0; i < 6; i++) {
      CLOCK.advance(Duration.ofMillis(700));
      assertThat(get(src.authorizationHeader())).as("after %d ms", (i + 1) * 700).isEqualTo("200 items");
    }
    assertThat(get(first)).as("the first token has expired").isEqualTo("401");
    // 2 s tokens renewed at half-life: a handful of exchanges, not one per request.
    assertThat(TOKEN_REQUESTS.get() - before).isBetween(3, 6);
  }

  @Test
  void oauthErrorsFromTheEmulatorNameTheSetting() {
    FusionException badSecret = catchThrowableOfType(
        () -> create(oauth("idcscs-wrong", demo.keyAlias(), demo.scope())).authorizationHeader(),
        FusionException.class);
    assertThat(badSecret.kind()).isEqualTo(FusionException.Kind.AUTHENTICATION);
    assertThat(badSecret.fusionErrorCode()).isEqualTo("invalid_client");
    assertThat(badSecret.getMessage()).contains("clientId and clientSecret").doesNotContain(demo.clientSecret());

    FusionException badAlias = catchThrowableOfType(
        () -> create(oauth(demo.clientSecret(), "notTheAlias", demo.scope())).authorizationHeader(),
        FusionException.class);
    assertThat(badAlias.fusionErrorCode()).isEqualTo("invalid_grant");
    assertThat(badAlias.getMessage()).contains("keyAlias").doesNotContain(demo.clientSecret());

    FusionException badScope = catchThrowableOfType(
        () -> create(oauth(demo.clientSecret(), demo.keyAlias(), "urn:opc:resource:consumer::all"))
            .authorizationHeader(), FusionException.class);
    assertThat(badScope.fusionErrorCode()).isEqualTo("invalid_scope");
    assertThat(badScope.getMessage()).contains("Check scope");
  }
}
