package org.fusionjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.fusionjdbc.emulator.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract §8b and decision 8, over real HTTP: the identity domain's token endpoint and JWKS. */
class TokenEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dir;
  @TempDir static Path otherDir;
  static DemoCredentials demo;
  static DemoCredentials other;
  static PrivateKey key;
  static PrivateKey otherKey;

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  AuthService service;
  HttpServer server;
  String base;

  @BeforeAll
  static void keys() {
    demo = DemoCredentials.generate(dir);
    other = DemoCredentials.generate(otherDir);
    key = Pems.readPrivateKey(demo.privateKeyFile());
    otherKey = Pems.readPrivateKey(other.privateKeyFile());
  }

  @BeforeEach
  void start() throws IOException {
    service = AuthService.create(demo.applyTo(AuthSettings.builder())
        .accessTokenLifetime(Duration.ofSeconds(2)).clock(clock).build());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/oauth2/v1/token", service.tokenEndpoint());
    server.createContext("/admin/v1/SigningCert/jwk", service.jwksEndpoint());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  // ---- helpers

  private JWTClaimsSet.Builder assertionClaims() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .subject(demo.username())
        .issuer(demo.clientId())
        .audience("https://identity.oraclecloud.com/")
        .issueTime(TestTokens.at(now))
        .expirationTime(TestTokens.at(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }

  private static JWSHeader.Builder kidHeader(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid);
  }

  private String assertion(JWTClaimsSet claims) {
    return TestTokens.sign(kidHeader(demo.keyAlias()).build(), claims, key);
  }

  private static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, String> form(String assertion) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    f.put("assertion", assertion);
    f.put("scope", demo.scope());
    return f;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpResponse<String> post(String authorization, String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/oauth2/v1/token"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String authorization, Map<String, String> form) throws Exception {
    return post(authorization, encode(form), "application/x-www-form-urlencoded;charset=UTF-8");
  }

  private HttpResponse<String> exchange(Map<String, String> form) throws Exception {
    return post(basic(demo.clientId(), demo.clientSecret()), form);
  }

  /** A response body fit for an assertion message: access tokens are credentials, so they never reach test output. */
  private static String redacted(HttpResponse<String> r) {
    return r.body().replaceAll("\"access_token\"\\s*:\\s*\"[^\"]*\"", "\"access_token\":\"****\"");
  }

  private static void assertError(HttpResponse<String> r, int status, String error) throws Exception {
    assertThat(r.statusCode()).as(redacted(r)).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("error_description").asText()).isNotBlank();
    assertThat(r.body()).doesNotContain(demo.clientSecret()).doesNotContain(demo.basicPassword());
  }

  // ---- tests

  @Test
  void goodExchangeMintsAnAccessTokenThatRestAcceptsUntilItExpires() throws Exception {
    String assertion = assertion(assertionClaims().build());
    HttpResponse<String> r = exchange(form(assertion));
    assertThat(r.statusCode()).as(redacted(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asLong()).isEqualTo(2);
    String accessToken = body.path("access_token").asText();

    JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("https://identity.oraclecloud.com/");
    assertThat(claims.getSubject()).isEqualTo(demo.username());
    assertThat(claims.getAudience()).containsExactly(AuthSettings.DEFAULT_FUSION_AUDIENCE);
    assertThat(claims.getStringClaim("scope")).isEqualTo(demo.scope());
    assertThat(claims.getStringClaim("client_id")).isEqualTo(demo.clientId());
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(2));
    assertThat(claims.getJWTID()).isNotBlank();

    AuthResult ok = service.authenticator().authenticate("Bearer " + accessToken);
    assertThat(ok.accepted()).as(ok.failure()).isTrue();
    assertThat(ok.principal()).isEqualTo(demo.username());
    assertThat(ok.kind()).isEqualTo("oauth");

    clock.advance(Duration.ofSeconds(61)); // exp + 59 s: inside the 60 s skew
    assertThat(service.authenticator().authenticate("Bearer " + accessToken).accepted()).isTrue();
    clock.advance(Duration.ofSeconds(1)); // exp + 60 s
    assertThat(service.authenticator().authenticate("Bearer " + accessToken).failure()).contains("expired");
  }

  @Test
  void accessTokensOfAnotherIdentityDomainAreRejected() throws Exception {
    String accessToken = JSON.readTree(exchange(form(assertion(assertionClaims().build()))).body())
        .path("access_token").asText();
    AuthService otherDomain = AuthService.create(demo.applyTo(AuthSettings.builder()).clock(clock).build());
    assertThat(otherDomain.authenticator().authenticate("Bearer " + accessToken).failure()).contains("signature");
  }

  @Test
  void accessTokensMustNameThisPodsAudienceAndAKnownKid() throws Exception {
    EmulatorKeys keys = EmulatorKeys.generate();
    AuthSettings settings = demo.applyTo(AuthSettings.builder()).clock(clock).build();
    AccessTokenVerifier verifier = new AccessTokenVerifier(settings, keys.publicJwks());
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://identity.oraclecloud.com/")
        .subject(demo.username()).issueTime(TestTokens.at(now)).expirationTime(TestTokens.at(now.plusSeconds(60)));
    String good = keys.sign(EmulatorKeys.SIGNING_KID, claims.audience(settings.fusionAudience()).build());
    assertThat(verifier.verify(SignedJWT.parse(good), SignedJWT.parse(good).getJWTClaimsSet())).isEqualTo(demo.username());
    String otherPod = keys.sign(EmulatorKeys.SIGNING_KID, claims.audience("urn:opc:resource:fa:instanceid=other").build());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> verifier.verify(SignedJWT.parse(otherPod), SignedJWT.parse(otherPod).getJWTClaimsSet()))
        .hasMessageContaining("audience");
    String unknownKid = keys.sign("OTHER_KEY", claims.audience(settings.fusionAudience()).build());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> verifier.verify(SignedJWT.parse(unknownKid), SignedJWT.parse(unknownKid).getJWTClaimsSet()))
        .hasMessageContaining("kid");
  }

  @Test
  void jwksPublishesThePublicKeyThatVerifiesAccessTokens() throws Exception {
    String accessToken = JSON.readTree(exchange(form(assertion(assertionClaims().build()))).body())
        .path("access_token").asText();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/SigningCert/jwk")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JWKSet jwks = JWKSet.parse(r.body());
    assertThat(jwks.getKeys()).hasSize(1);
    RSAKey published = (RSAKey) jwks.getKeys().get(0);
    assertThat(published.isPrivate()).isFalse();
    assertThat(r.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
    SignedJWT token = SignedJWT.parse(accessToken);
    assertThat(token.getHeader().getKeyID()).isEqualTo(published.getKeyID());
    assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
  }

  @Test
  void clientAuthenticationIsRequiredAndChecked() throws Exception {
    Map<String, String> f = form(assertion(assertionClaims().build()));
    HttpResponse<String> wrongSecret = post(basic(demo.clientId(), "idcscs-wrong"), f);
    assertError(wrongSecret, 401, "invalid_client");
    assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(wrongSecret.body()).doesNotContain("idcscs-wrong");
    assertError(post(basic("unknown-client", demo.clientSecret()), f), 401, "invalid_client");
    assertError(post(null, f), 401, "invalid_client");
    assertError(post("Basic ###", f), 401, "invalid_client");
  }

  @Test
  void assertionSignedByTheClientKeyIsRequired() throws Exception {
    assertError(exchange(form(TestTokens.sign(kidHeader("otherAlias").build(), assertionClaims().build(), key))),
        400, "invalid_grant");
    HttpResponse<String> forged = exchange(form(TestTokens.sign(kidHeader(demo.keyAlias()).build(), assertionClaims().build(), otherKey)));
    assertError(forged, 400, "invalid_grant");
    assertThat(forged.body()).contains("signature");
    // x5t instead of kid identifies the certificate too
    HttpResponse<String> byX5t = exchange(form(TestTokens.sign(TestTokens.headerWithX5t(demo.x5t()).build(), assertionClaims().build(), key)));
    assertThat(byX5t.statusCode()).as(redacted(byX5t)).isEqualTo(200);
    assertError(exchange(form(TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), assertionClaims().build(), key))),
        400, "invalid_grant");
  }

  @Test
  void assertionClaimsAreChecked() throws Exception {
    assertError(exchange(form(assertion(assertionClaims().audience("https://example.com/").build()))), 400, "invalid_grant");
    assertError(exchange(form(assertion(assertionClaims().issuer("someone-else").build()))), 400, "invalid_grant");
    assertError(exchange(form(assertion(assertionClaims().subject("MALLORY").build()))), 400, "invalid_grant");
    assertError(exchange(form(assertion(assertionClaims().expirationTime(null).build()))), 400, "invalid_grant");
    Instant now = clock.instant();
    HttpResponse<String> expired = exchange(form(assertion(assertionClaims()
        .issueTime(TestTokens.at(now.minusSeconds(600))).expirationTime(TestTokens.at(now.minusSeconds(120))).build())));
    assertError(expired, 400, "invalid_grant");
    assertThat(expired.body()).contains("expired");
    HttpResponse<String> arrayAudNoSlash = exchange(form(assertion(assertionClaims()
        .audience(List.of("oauth.idm.oracle.com", "https://identity.oraclecloud.com")).build())));
    assertThat(arrayAudNoSlash.statusCode()).as(redacted(arrayAudNoSlash)).isEqualTo(200);
  }

  @Test
  void errorBodiesNeverEchoTheAssertion() throws Exception {
    String assertion = assertion(assertionClaims().subject("MALLORY").build());
    HttpResponse<String> r = exchange(form(assertion));
    assertError(r, 400, "invalid_grant");
    assertThat(r.body()).doesNotContain(assertion).doesNotContain(assertion.substring(0, 20));
  }

  @Test
  void scopeMustBeAllowedForTheClient() throws Exception {
    Map<String, String> f = form(assertion(assertionClaims().build()));
    f.put("scope", "urn:opc:resource:fa:instanceid=other0001urn:opc:resource:consumer::all");
    assertError(exchange(f), 400, "invalid_scope");
    f.remove("scope");
    assertError(exchange(f), 400, "invalid_scope");
  }

  @Test
  void malformedRequestsGetRfc6749Errors() throws Exception {
    Map<String, String> f = form(assertion(assertionClaims().build()));
    f.put("grant_type", "client_credentials");
    assertError(exchange(f), 400, "unsupported_grant_type");
    f.remove("grant_type");
    assertError(exchange(f), 400, "invalid_request");
    assertError(post(basic(demo.clientId(), demo.clientSecret()), encode(form("x")), "application/json"), 400, "invalid_request");
    assertError(post(basic(demo.clientId(), demo.clientSecret()), encode(form("x")) + "&scope=a", "application/x-www-form-urlencoded"),
        400, "invalid_request");
    Map<String, String> noAssertion = form("x");
    noAssertion.remove("assertion");
    assertError(exchange(noAssertion), 400, "invalid_request");
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/v1/token")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void clientAssertionAuthenticatesWithoutASecret() throws Exception {
    Map<String, String> f = form(assertion(assertionClaims().build()));
    f.put("client_id", demo.clientId());
    f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    f.put("client_assertion", assertion(assertionClaims().subject(demo.clientId()).build()));
    HttpResponse<String> ok = post(null, f);
    assertThat(ok.statusCode()).as(redacted(ok)).isEqualTo(200);

    f.put("client_assertion", TestTokens.sign(kidHeader(demo.keyAlias()).build(), assertionClaims().subject(demo.clientId()).build(), otherKey));
    assertError(post(null, f), 401, "invalid_client");
    f.put("client_assertion", assertion(assertionClaims().build())); // sub is the user, not the client
    assertError(post(null, f), 401, "invalid_client");
  }
}
