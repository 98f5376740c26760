package org.fusionjdbc.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** The checks every JWT path shares: parse, RS256 only, signature, exp/iat/nbf with skew. */
final class Jwts {

  private Jwts() {}

  /** Parses a compact JWS and insists on RS256 (so {@code none}, HS256 and friends never get further). */
  static SignedJWT parseRs256(String token, String what) throws AuthFailure {
    if (token == null || token.isBlank()) {
      throw new AuthFailure(what + " is empty");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token.trim());
    } catch (ParseException e) {
      throw new AuthFailure(what + " is not a signed JWT (compact JWS)");
    }
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!JWSAlgorithm.RS256.equals(alg)) {
      throw new AuthFailure(what + " must be signed with RS256, not " + alg);
    }
    return jwt;
  }

  static JWTClaimsSet claims(SignedJWT jwt, String what) throws AuthFailure {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthFailure(what + " has a malformed claims set");
    }
  }

  /** A header parameter as a string, or null when absent or not a string. */
  static String headerString(SignedJWT jwt, String name) {
    Object value = jwt.getHeader().toJSONObject().get(name);
    return value instanceof String s ? s : null;
  }

  static String stringClaim(JWTClaimsSet claims, String name, String what) throws AuthFailure {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      throw new AuthFailure(what + " claim '" + name + "' is not a string");
    }
  }

  static void verifySignature(SignedJWT jwt, RSAPublicKey key, String what) throws AuthFailure {
    boolean valid;
    try {
      valid = jwt.verify(new RSASSAVerifier(key));
    } catch (JOSEException e) {
      throw new AuthFailure(what + " signature cannot be verified: " + e.getMessage());
    }
    if (!valid) {
      throw new AuthFailure(what + " signature does not match the registered certificate");
    }
  }

  /** exp required and {@code > now - skew}; iat and nbf, when present, {@code <= now + skew}. */
  static void checkTimes(JWTClaimsSet claims, Clock clock, Duration skew, String what) throws AuthFailure {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new AuthFailure(what + " has no exp claim");
    }
    if (!exp.toInstant().isAfter(now.minus(skew))) {
      throw new AuthFailure(what + " expired at " + exp.toInstant());
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.toInstant().isAfter(now.plus(skew))) {
      throw new AuthFailure(what + " is issued in the future (iat " + iat.toInstant() + ")");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
      throw new AuthFailure(what + " is not valid before " + nbf.toInstant());
    }
  }
}
