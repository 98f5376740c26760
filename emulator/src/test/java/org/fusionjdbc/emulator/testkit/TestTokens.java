package org.fusionjdbc.emulator.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Builds signed JWTs the way a client would, with nimbus-jose-jwt and the test's own keys. */
public final class TestTokens {

  private TestTokens() {}

  public static Date at(Instant instant) {
    return Date.from(instant);
  }

  /** Claims of a direct Fusion JWT (contract decision 7) for {@code user}, valid 30 minutes from now. */
  public static JWTClaimsSet.Builder fusionClaims(String issuer, String user, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(user)
        .claim("prn", user)
        .issueTime(at(now))
        .expirationTime(at(now.plusSeconds(1800)))
        .jwtID(UUID.randomUUID().toString());
  }

  @SuppressWarnings("deprecation")
  public static JWSHeader.Builder headerWithX5t(String x5t) {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).x509CertThumbprint(new Base64URL(x5t));
  }

  public static String sign(JWSHeader header, JWTClaimsSet claims, PrivateKey key) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
