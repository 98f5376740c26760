package org.fusionjdbc.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes an Authorization header to Basic, access-token or Fusion-JWT verification. Thread-safe. */
final class HeaderAuthenticator implements Authenticator {

  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.emulator.auth");

  private final AuthSettings settings;
  private final FusionJwtVerifier fusionJwts;
  private final AccessTokenVerifier accessTokens;

  HeaderAuthenticator(AuthSettings settings, FusionJwtVerifier fusionJwts, AccessTokenVerifier accessTokens) {
    this.settings = settings;
    this.fusionJwts = fusionJwts;
    this.accessTokens = accessTokens;
  }

  @Override
  public AuthResult authenticate(String authorizationHeader) {
    try {
      return check(authorizationHeader);
    } catch (AuthFailure e) {
      LOG.log(Level.FINE, "request rejected: {0}", e.getMessage());
      return AuthResult.rejected(e.getMessage());
    }
  }

  private AuthResult check(String header) throws AuthFailure {
    if (header == null || header.isBlank()) {
      throw new AuthFailure("no Authorization header");
    }
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space < 0) {
      throw new AuthFailure("Authorization header has no credentials after the scheme");
    }
    String scheme = value.substring(0, space);
    String credentials = value.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Basic")) {
      return AuthResult.accepted(basic(credentials), "basic");
    }
    if (scheme.equalsIgnoreCase("Bearer")) {
      return bearer(credentials);
    }
    throw new AuthFailure("unsupported Authorization scheme " + scheme);
  }

  private String basic(String credentials) throws AuthFailure {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AuthFailure("Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new AuthFailure("Basic credentials have no ':' between user and password");
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String expected = settings.basicPassword(user).orElse(null);
    // Compare even for unknown users so timing does not tell which usernames exist.
    boolean matches = Secrets.constantTimeEquals(password, expected == null ? "" : expected);
    if (expected == null || !matches) {
      throw new AuthFailure("Basic user " + user + " unknown or wrong password");
    }
    return user;
  }

  private AuthResult bearer(String token) throws AuthFailure {
    SignedJWT jwt = Jwts.parseRs256(token, "bearer token");
    JWTClaimsSet claims = Jwts.claims(jwt, "bearer token");
    if (EmulatorKeys.IDENTITY_ISSUER.equals(claims.getIssuer())) {
      return AuthResult.accepted(accessTokens.verify(jwt, claims), "oauth");
    }
    return AuthResult.accepted(fusionJwts.verify(jwt, claims), "jwt");
  }
}
