package org.fusionjdbc.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * The emulator's authentication: checks Authorization headers of REST and BIP requests, and serves the
 * emulated identity domain's token endpoint and JWKS. Thread-safe; one per emulator instance, each with
 * its own signing key, generated when first needed (a Bearer request, a token, the JWKS), so an
 * emulator that only sees Basic requests starts fast.
 */
public final class AuthService {

  private final AuthSettings settings;
  private final EmulatorKeys keys;
  private final Authenticator authenticator;
  private final HttpHandler tokenEndpoint;
  private final HttpHandler jwksEndpoint;

  private AuthService(AuthSettings settings) {
    this.settings = settings;
    this.keys = EmulatorKeys.generate();
    this.authenticator = new HeaderAuthenticator(settings, new FusionJwtVerifier(settings, keys),
        new AccessTokenVerifier(settings, keys::publicJwks));
    this.tokenEndpoint = new TokenEndpoint(settings, keys);
    this.jwksEndpoint = new JwksEndpoint(keys::publicJwks);
  }

  public static AuthService create(AuthSettings settings) {
    return new AuthService(Objects.requireNonNull(settings, "settings"));
  }

  /** For REST and BIP requests. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** {@code POST /oauth2/v1/token}: the identity domain's JWT-bearer grant. */
  public HttpHandler tokenEndpoint() {
    return tokenEndpoint;
  }

  /** {@code GET /admin/v1/SigningCert/jwk}: the public key access tokens are signed with. */
  public HttpHandler jwksEndpoint() {
    return jwksEndpoint;
  }

  public AuthSettings settings() {
    return settings;
  }

  /**
   * A token shaped like Fusion's token relay issues ({@code iss www.oracle.com}, {@code kid trustservice},
   * {@code prn} = {@code sub} = user), signed by the emulator and accepted by {@link #authenticator()}.
   * For a {@code /fscmRestApi/tokenrelay} route (whose {@code expires_in} is in milliseconds).
   */
  public String mintRelayToken(String username, Duration lifetime) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("relay token lifetime must be positive, got " + lifetime);
    }
    Instant now = settings.clock().instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(EmulatorKeys.RELAY_ISSUER)
        .subject(username)
        .claim("prn", username)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    return keys.sign(EmulatorKeys.RELAY_KID, claims);
  }
}
