package org.fusionjdbc.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

/**
 * Contract §8a: a JWT the client signed itself, trusted because its {@code iss} is a registered issuer
 * and its {@code x5t} names a certificate registered for that issuer. Also Fusion's own token-relay
 * tokens ({@code iss www.oracle.com}, {@code kid trustservice}), signed by the emulator's key.
 */
final class FusionJwtVerifier {

  private static final String WHAT = "Fusion JWT";

  private final AuthSettings settings;
  private final EmulatorKeys keys;

  FusionJwtVerifier(AuthSettings settings, EmulatorKeys keys) {
    this.settings = settings;
    this.keys = keys;
  }

  /** @return the principal */
  String verify(SignedJWT jwt, JWTClaimsSet claims) throws AuthFailure {
    String issuer = claims.getIssuer();
    if (issuer == null) {
      throw new AuthFailure(WHAT + " has no iss claim");
    }
    RSAPublicKey key = isRelayToken(jwt, issuer) ? keys.publicKey() : registeredKey(jwt, issuer);
    Jwts.verifySignature(jwt, key, WHAT);
    Jwts.checkTimes(claims, settings.clock(), settings.clockSkew(), WHAT);
    String principal = Jwts.stringClaim(claims, "prn", WHAT);
    if (principal == null) {
      principal = claims.getSubject();
    }
    if (principal == null) {
      throw new AuthFailure(WHAT + " names no user (neither prn nor sub)");
    }
    if (!settings.isKnownUser(principal)) {
      throw new AuthFailure(WHAT + " names unknown user " + principal);
    }
    return principal;
  }

  private boolean isRelayToken(SignedJWT jwt, String issuer) {
    return EmulatorKeys.RELAY_ISSUER.equals(issuer)
        && EmulatorKeys.RELAY_KID.equals(jwt.getHeader().getKeyID())
        && !settings.trustedIssuers().containsKey(issuer);
  }

  private RSAPublicKey registeredKey(SignedJWT jwt, String issuer) throws AuthFailure {
    if (!settings.trustedIssuers().containsKey(issuer)) {
      throw new AuthFailure(WHAT + " issuer '" + issuer + "' is not a trusted issuer");
    }
    String x5t = Jwts.headerString(jwt, "x5t");
    if (x5t == null) {
      throw new AuthFailure(WHAT + " header has no x5t");
    }
    X509Certificate cert = settings.trustedCertificate(issuer, x5t)
        .orElseThrow(() -> new AuthFailure(WHAT + " x5t " + x5t
            + " matches no certificate registered for issuer '" + issuer + "'"
            + (settings.strictX5t() ? " (x5t must be base64url SHA-1 of the DER certificate)" : "")));
    PublicKey key = cert.getPublicKey();
    if (!(key instanceof RSAPublicKey rsa)) {
      throw new AuthFailure(WHAT + " certificate for x5t " + x5t + " does not hold an RSA key");
    }
    return rsa;
  }
}
