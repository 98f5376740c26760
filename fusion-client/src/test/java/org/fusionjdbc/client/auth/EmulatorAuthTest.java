package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
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
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.emulator.auth.AuthResult;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every token kind checked by the emulator's own verifier (written independently of this client): its
 * identity-domain token endpoint and its REST authenticator, served over real HTTP on loopback.
 */
class EmulatorAuthTest {
  private static final String REST = "/fscmRestApi/resources/11.13.18.05/invoices";

  @TempDir
  static Path dir;

  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();
  private static DemoCredentials demo;
  private static HttpServer server;
  private static CloseableHttpClient http;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    demo = DemoCredentials.generate(dir);
    AuthService auth = AuthService.create(demo.applyTo(AuthSettings.builder())
        .accessTokenLifetime(Duration.ofSeconds(2)).clockSkew(Duration.ZERO).clock(CLOCK).build());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/oauth2/v1/token", exchange -> {
      TOKEN_REQUESTS.incrementAndGet();
      auth.tokenEndpoint().handle(exchange);
    });
    server.createContext(REST, exchange -> respond(exchange,
        auth.authenticator().authenticate(exchange.getRequestHeaders().getFirst("Authorization"))));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    http = HttpClients.custom().disableAutomaticRetries().build();
  }

  private static void respond(HttpExchange exchange, AuthResult result) throws IOException {
    byte[] body = result.accepted() ? ("{\"user\":\"" + result.principal() + "\",\"kind\":\"" + result.kind()
        + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
    exchange.sendResponseHeaders(result.accepted() ? 200 : 401, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @AfterAll
  static void stop() throws IOException {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static String get(String authorization) throws IOException {
    HttpGet get = new HttpGet(base + REST + "?limit=1");
    get.setHeader("Authorization", authorization);
    return http.execute(get, r -> r.getCode() + " " + (r.getEntity() == null ? ""
        : new String(r.getEntity().getContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
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
    assertThat(get(create(jwt(demo.issuer())).authorizationHeader()))
        .isEqualTo("200 {\"user\":\"CASEY.BROWN\",\"kind\":\"jwt\"}");
  }

  @Test
  void fusionJwtFromAnUntrustedIssuerIsRejected() throws IOException {
    assertThat(get(create(jwt("someone.else")).authorizationHeader())).isEqualTo("401 ");
  }

  @Test
  void basicIsAccepted() throws IOException {
    assertThat(get(create(new AuthConfig.Basic(demo.username(), Secret.of(demo.basicPassword())))
        .authorizationHeader())).startsWith("200 ").contains("basic");
    assertThat(get(create(new AuthConfig.Basic(demo.username(), Secret.of("wrong"))).authorizationHeader()))
        .isEqualTo("401 ");
  }

  @Test
  void oauthAccessTokenIsAcceptedAndRenewedAcrossATwoSecondLifetime() throws IOException {
    TokenSource src = create(oauth(demo.clientSecret(), demo.keyAlias(), demo.scope()));
    int before = TOKEN_REQUESTS.get();
    String first = src.authorizationHeader();
    assertThat(get(first)).startsWith("200 ").contains("oauth");
    // The bearer kind works with a token obtained elsewhere (here: the one just issued).
    assertThat(get(create(new AuthConfig.Bearer(Secret.of(first.substring(7)))).authorizationHeader()))
        .startsWith("200 ");
    for (int i = 0; i < 6; i++) {
      CLOCK.advance(Duration.ofMillis(700));
      assertThat(get(src.authorizationHeader())).as("after %d ms", (i + 1) * 700).startsWith("200 ");
    }
    assertThat(get(first)).as("the first token has expired").isEqualTo("401 ");
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
