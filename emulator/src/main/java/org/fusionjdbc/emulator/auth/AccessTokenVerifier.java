package org.fusionjdbc.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.function.Supplier;

/**
 * Contract §8b, the Fusion side: an access token the identity domain minted, verified with the key the
 * domain publishes as JWKS (looked up by {@code kid}), for this pod's audience, until it expires.
 */
final class AccessTokenVerifier {

  private static final String WHAT = "access token";

  private final AuthSettings settings;
  private final Supplier<JWKSet> jwks;

  AccessTokenVerifier(AuthSettings settings, JWKSet jwks) {
    this(settings, () -> jwks);
  }

  /** The set is asked for only when an access token arrives (the emulator's keys are made on first use). */
  AccessTokenVerifier(AuthSettings settings, Supplier<JWKSet> jwks) {
    this.settings = settings;
    this.jwks = jwks;
  }

  /** @return the principal */
  String verify(SignedJWT jwt, JWTClaimsSet claims) throws AuthFailure {
    String kid = jwt.getHeader().getKeyID();
    JWK jwk = kid == null ? null : jwks.get().getKeyByKeyId(kid);
    if (!(jwk instanceof RSAKey rsa)) {
      throw new AuthFailure(WHAT + " kid " + kid + " is not a signing key of the identity domain");
    }
    try {
      Jwts.verifySignature(jwt, rsa.toRSAPublicKey(), WHAT);
    } catch (JOSEException e) {
      throw new AuthFailure(WHAT + " key " + kid + " is not a usable RSA key");
    }
    Jwts.checkTimes(claims, settings.clock(), settings.clockSkew(), WHAT);
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(settings.fusionAudience())) {
      throw new AuthFailure(WHAT + " audience " + audience + " does not include " + settings.fusionAudience());
    }
    String principal = claims.getSubject();
    if (principal == null || !settings.isKnownUser(principal)) {
      throw new AuthFailure(WHAT + " names unknown user " + principal);
    }
    return principal;
  }
}
