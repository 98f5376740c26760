package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FusionJwtTokenSourceTest {
  private static KeyFixtures keys;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));

  @BeforeAll
  static void keys() throws Exception {
    keys = KeyFixtures.get();
  }

  private AuthConfig.FusionJwt config(Duration lifetime) {
    return new AuthConfig.FusionJwt("INTEGRATION.USER", "jdbc.fusion.driver", keys.encryptedPkcs8,
        Optional.of(Secret.of(KeyFixtures.PASSPHRASE)), Optional.of(keys.cert), Optional.empty(), lifetime);
  }

  private TokenSource source(Duration lifetime) {
    return TokenSources.create(config(lifetime), null, Duration.ofMinutes(2), clock);
  }

  private static SignedJWT parse(String header) throws Exception {
    assertThat(header).startsWith("Bearer ");
    return SignedJWT.parse(header.substring("Bearer ".length()));
  }

  @Test
  void headerAndClaimsFollowTheContractAndTheSignatureVerifies() throws Exception {
    TokenSource src = source(Duration.ofMinutes(30));
    SignedJWT jwt = parse(src.authorizationHeader());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    @SuppressWarnings("deprecation")
    String x5t = jwt.getHeader().getX509CertThumbprint().toString();
    assertThat(x5t).isEqualTo(Certificates.x5t(Certificates.read(keys.cert)));
    RSAPublicKey pub = (RSAPublicKey) Certificates.read(keys.cert).getPublicKey();
    assertThat(jwt.verify(new RSASSAVerifier(pub))).isTrue();
    JWTClaimsSet c = jwt.getJWTClaimsSet();
    assertThat(c.getIssuer()).isEqualTo("jdbc.fusion.driver");
    assertThat(c.getSubject()).isEqualTo("INTEGRATION.USER");
    assertThat(c.getStringClaim("prn")).isEqualTo("INTEGRATION.USER");
    assertThat(c.getIssueTime()).isEqualTo(Date.from(clock.instant()));
    assertThat(c.getExpirationTime()).isEqualTo(Date.from(clock.instant().plus(Duration.ofMinutes(30))));
    assertThat(c.getJWTID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(src.renewable()).isTrue();
  }

  @Test
  void renewedTwoMinutesBeforeExpiryWithNewJti() throws Exception {
    TokenSource src = source(Duration.ofMinutes(30));
    String first = src.authorizationHeader();
    clock.advance(Duration.ofMinutes(27).plusSeconds(59));
    assertThat(src.authorizationHeader()).isSameAs(first);
    clock.advance(Duration.ofSeconds(1));
    String second = src.authorizationHeader();
    assertThat(second).isNotEqualTo(first);
    assertThat(parse(second).getJWTClaimsSet().getJWTID()).isNotEqualTo(parse(first).getJWTClaimsSet().getJWTID());
    assertThat(parse(second).getJWTClaimsSet().getIssueTime()).isEqualTo(Date.from(clock.instant()));
  }

  @Test
  void invalidateAfter401SignsAFreshToken() throws Exception {
    TokenSource src = source(Duration.ofMinutes(30));
    String first = src.authorizationHeader();
    src.invalidate(first);
    String second = src.authorizationHeader();
    assertThat(second).isNotEqualTo(first);
    src.invalidate(first);
    assertThat(src.authorizationHeader()).isSameAs(second);
  }

  @Test
  void lifetimeIsConfigurable() throws Exception {
    TokenSource src = source(Duration.ofMinutes(5));
    JWTClaimsSet c = parse(src.authorizationHeader()).getJWTClaimsSet();
    assertThat(c.getExpirationTime().getTime() - c.getIssueTime().getTime()).isEqualTo(300_000L);
  }

  @Test
  void badLifetimeIsAConfigurationError() {
    FusionException e = catchThrowableOfType(() -> source(Duration.ZERO), FusionException.class);
    assertThat(e.kind()).isEqualTo(FusionException.Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("token lifetime");
  }

  @Test
  void nothingSecretInToStrings() {
    TokenSource src = source(Duration.ofMinutes(30));
    String header = src.authorizationHeader();
    String token = header.substring(7);
    assertThat(src.toString()).doesNotContain(token).doesNotContain(KeyFixtures.PASSPHRASE)
        .contains("INTEGRATION.USER");
    assertThat(config(Duration.ofMinutes(30)).toString()).doesNotContain(KeyFixtures.PASSPHRASE);
    var basic = new AuthConfig.Basic("U", Secret.of("hunter2-pw"));
    assertThat(basic.toString()).doesNotContain("hunter2-pw");
    TokenSource b = TokenSources.create(basic, null, Duration.ofMinutes(2), clock);
    assertThat(b.toString()).doesNotContain("hunter2-pw").doesNotContain(b.authorizationHeader().substring(6));
    var bearer = new AuthConfig.Bearer(Secret.of("opaque-token-123"));
    assertThat(bearer.toString()).doesNotContain("opaque-token-123");
    assertThat(TokenSources.create(bearer, null, Duration.ofMinutes(2), clock).toString())
        .doesNotContain("opaque-token-123");
  }

  @Test
  void basicAndBearerAreFixed() {
    TokenSource b = TokenSources.create(new AuthConfig.Basic("user", Secret.of("pa:ss")), null,
        Duration.ofMinutes(2), clock);
    assertThat(b.authorizationHeader()).isEqualTo("Basic dXNlcjpwYTpzcw==");
    assertThat(b.renewable()).isFalse();
    b.invalidate(b.authorizationHeader());
    assertThat(b.authorizationHeader()).isEqualTo("Basic dXNlcjpwYTpzcw==");
    TokenSource t = TokenSources.create(new AuthConfig.Bearer(Secret.of("abc")), null, Duration.ofMinutes(2), clock);
    assertThat(t.authorizationHeader()).isEqualTo("Bearer abc");
    assertThat(t.renewable()).isFalse();
  }
}
