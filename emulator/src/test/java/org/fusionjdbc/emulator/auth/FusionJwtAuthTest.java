package org.fusionjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.fusionjdbc.emulator.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract §8a and decision 7: client-signed Fusion JWTs from a trusted issuer. */
class FusionJwtAuthTest {

  @TempDir static Path dir;
  @TempDir static Path otherDir;

  static DemoCredentials demo;
  static DemoCredentials other;
  static PrivateKey key;
  static PrivateKey otherKey;

  static final Instant START = Instant.parse("2026-01-15T10:00:00Z");
  static final MutableClock clock = new MutableClock(START);
  static AuthService strict;
  static AuthService lenient;
  final Instant now = START;

  @BeforeAll
  static void keys() {
    demo = DemoCredentials.generate(dir);
    other = DemoCredentials.generate(otherDir);
    key = Pems.readPrivateKey(demo.privateKeyFile());
    otherKey = Pems.readPrivateKey(other.privateKeyFile());
    strict = create(true);
    lenient = create(false);
  }

  @BeforeEach
  void resetClock() {
    clock.set(START);
  }

  private static AuthService create(boolean strictX5t) {
    return AuthService.create(demo.applyTo(AuthSettings.builder()).user("INTEGRATION.USER")
        .strictX5t(strictX5t).clock(clock).build());
  }

  private AuthService service(boolean strictX5t) {
    return strictX5t ? strict : lenient;
  }

  private AuthResult check(AuthService service, String token) {
    return service.authenticator().authenticate("Bearer " + token);
  }

  private String token(JWTClaimsSet claims) {
    return TestTokens.sign(TestTokens.headerWithX5t(demo.x5t()).build(), claims, key);
  }

  @Test
  void goodTokenIsAcceptedAsItsPrn() {
    AuthResult r = check(service(true), token(TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build()));
    assertThat(r.accepted()).as(r.failure()).isTrue();
    assertThat(r.principal()).isEqualTo("CASEY.BROWN");
    assertThat(r.kind()).isEqualTo("jwt");
  }

  @Test
  void prnWinsOverSubAndSubIsTheFallback() {
    AuthService s = service(true);
    JWTClaimsSet prnKnown = TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).subject("NOBODY").build();
    assertThat(check(s, token(prnKnown)).principal()).isEqualTo("CASEY.BROWN");
    JWTClaimsSet prnUnknown = TestTokens.fusionClaims(DemoCredentials.ISSUER, "NOBODY", now).subject("CASEY.BROWN").build();
    assertThat(check(s, token(prnUnknown)).accepted()).isFalse();
    JWTClaimsSet subOnly = TestTokens.fusionClaims(DemoCredentials.ISSUER, "INTEGRATION.USER", now).claim("prn", null).build();
    AuthResult r = check(s, token(subOnly));
    assertThat(r.accepted()).as(r.failure()).isTrue();
    assertThat(r.principal()).isEqualTo("INTEGRATION.USER");
    JWTClaimsSet neither = TestTokens.fusionClaims(DemoCredentials.ISSUER, "X", now).claim("prn", null).subject(null).build();
    assertThat(check(s, token(neither)).failure()).contains("names no user");
  }

  @Test
  void signatureByAnotherKeyIsRejected() {
    String forged = TestTokens.sign(TestTokens.headerWithX5t(demo.x5t()).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build(), otherKey);
    AuthResult r = check(service(true), forged);
    assertThat(r.accepted()).isFalse();
    assertThat(r.failure()).contains("signature");
  }

  @Test
  void x5tOfAnUnregisteredCertificateIsRejected() {
    String t = TestTokens.sign(TestTokens.headerWithX5t(other.x5t()).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build(), otherKey);
    assertThat(check(service(true), t).failure()).contains("matches no certificate");
  }

  @Test
  void missingX5tIsRejected() {
    String t = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build(), key);
    assertThat(check(service(true), t).failure()).contains("no x5t");
  }

  @Test
  void standardBase64X5tOnlyWhenLenient() {
    String standard = Thumbprints.standardBase64X5t(demo.certificate());
    assertThat(standard).isNotEqualTo(demo.x5t()).endsWith("=");
    String t = TestTokens.sign(TestTokens.headerWithX5t(standard).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build(), key);
    assertThat(check(service(true), t).accepted()).isFalse();
    AuthResult lenient = check(service(false), t);
    assertThat(lenient.accepted()).as(lenient.failure()).isTrue();
    String unpadded = TestTokens.sign(TestTokens.headerWithX5t(standard.replace("=", "")).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build(), key);
    assertThat(check(service(false), unpadded).accepted()).isTrue();
  }

  @Test
  void expiryHonoursTheSixtySecondSkew() {
    AuthService s = service(true);
    JWTClaimsSet withinSkew = TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now.minusSeconds(600))
        .expirationTime(TestTokens.at(now.minusSeconds(59))).build();
    assertThat(check(s, token(withinSkew)).accepted()).isTrue();
    JWTClaimsSet expired = TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now.minusSeconds(600))
        .expirationTime(TestTokens.at(now.minusSeconds(61))).build();
    assertThat(check(s, token(expired)).failure()).contains("expired");
  }

  @Test
  void tokenIssuedInTheFutureIsRejected() {
    AuthService s = service(true);
    assertThat(check(s, token(TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now.plusSeconds(59)).build()))
        .accepted()).isTrue();
    assertThat(check(s, token(TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now.plusSeconds(120)).build()))
        .failure()).contains("future");
  }

  @Test
  void expIsRequired() {
    JWTClaimsSet noExp = TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).expirationTime(null).build();
    assertThat(check(service(true), token(noExp)).failure()).contains("no exp");
  }

  @Test
  void unknownIssuerIsRejected() {
    assertThat(check(service(true), token(TestTokens.fusionClaims("someone.else", "CASEY.BROWN", now).build()))
        .failure()).contains("not a trusted issuer");
  }

  @Test
  void hostileClaimsStayOneShortLineInTheFailure() {
    String failure = check(service(true), token(TestTokens.fusionClaims("evil\nFORGED LOG LINE" + "x".repeat(1000), "CASEY.BROWN", now).build()))
        .failure();
    assertThat(failure).doesNotContain("\n").hasSizeLessThanOrEqualTo(303).contains("evil?FORGED");
  }

  @Test
  void unknownUserIsRejected() {
    assertThat(check(service(true), token(TestTokens.fusionClaims(DemoCredentials.ISSUER, "MALLORY", now).build()))
        .failure()).contains("unknown user");
  }

  @Test
  void algNoneAndHs256AreRejected() throws JOSEException {
    JWTClaimsSet claims = TestTokens.fusionClaims(DemoCredentials.ISSUER, "CASEY.BROWN", now).build();
    String none = Base64URL.encode("{\"alg\":\"none\",\"x5t\":\"" + demo.x5t() + "\"}".getBytes(StandardCharsets.UTF_8))
        + "." + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    AuthResult r = check(service(true), none);
    assertThat(r.accepted()).isFalse();
    assertThat(r.failure()).contains("not a signed JWT");

    SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims);
    hs.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    assertThat(check(service(true), hs.serialize()).failure()).contains("RS256");

    assertThat(check(service(true), token(claims)).accepted()).as("the same claims signed RS256 pass").isTrue();
  }

  @Test
  void relayTokensMintedByThisEmulatorAreAcceptedButNotAnotherEmulators() {
    AuthService s = service(true);
    AuthResult r = check(s, s.mintRelayToken("CASEY.BROWN", Duration.ofHours(4)));
    assertThat(r.accepted()).as(r.failure()).isTrue();
    assertThat(r.principal()).isEqualTo("CASEY.BROWN");
    AuthService another = create(true);
    assertThat(check(s, another.mintRelayToken("CASEY.BROWN", Duration.ofHours(4))).failure()).contains("signature");
    String shortLived = s.mintRelayToken("CASEY.BROWN", Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(71));
    assertThat(check(s, shortLived).failure()).contains("expired");
  }

  @Test
  void garbageAndMissingHeadersAreRejected() {
    Authenticator a = service(true).authenticator();
    assertThat(a.authenticate(null).accepted()).isFalse();
    assertThat(a.authenticate("").accepted()).isFalse();
    assertThat(a.authenticate("Bearer").accepted()).isFalse();
    assertThat(a.authenticate("Bearer not.a.jwt").accepted()).isFalse();
    assertThat(a.authenticate("Digest abc").failure()).contains("unsupported");
    assertThat(a.authenticate(null).kind()).isEqualTo("none");
  }
}
