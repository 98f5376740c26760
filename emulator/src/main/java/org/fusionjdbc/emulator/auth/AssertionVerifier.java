package org.fusionjdbc.emulator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contract §8b, the identity-domain side: user assertions and client assertions signed by a confidential
 * app's key, found by header {@code kid} (the certificate alias) or {@code x5t}. Thread-safe.
 */
final class AssertionVerifier {

  private static final List<String> IAM_AUDIENCES =
      List.of("https://identity.oraclecloud.com/", "https://identity.oraclecloud.com");

  private final AuthSettings settings;
  /** clientId -> x5t -> certificate, built on first use. */
  private final Map<String, Map<String, X509Certificate>> certsByX5t = new ConcurrentHashMap<>();

  AssertionVerifier(AuthSettings settings) {
    this.settings = settings;
  }

  /** A user assertion: {@code iss} = client id, {@code sub} = known user. Returns the user. */
  String verifyUserAssertion(String assertion, OAuthClient client) throws AuthFailure {
    JWTClaimsSet claims = verifySigned(assertion, client, "user assertion");
    if (!client.clientId().equals(claims.getIssuer())) {
      throw new AuthFailure("user assertion iss is not the authenticated client's id");
    }
    String user = claims.getSubject();
    if (user == null || !settings.isKnownUser(user)) {
      throw new AuthFailure("user assertion sub names no known user");
    }
    return user;
  }

  /** A client assertion: {@code iss} = {@code sub} = client id. */
  void verifyClientAssertion(String assertion, OAuthClient client) throws AuthFailure {
    JWTClaimsSet claims = verifySigned(assertion, client, "client assertion");
    if (!client.clientId().equals(claims.getIssuer()) || !client.clientId().equals(claims.getSubject())) {
      throw new AuthFailure("client assertion iss and sub must both be the client id");
    }
  }

  private JWTClaimsSet verifySigned(String assertion, OAuthClient client, String what) throws AuthFailure {
    SignedJWT jwt = Jwts.parseRs256(assertion, what);
    Jwts.verifySignature(jwt, keyFor(jwt, client, what), what);
    JWTClaimsSet claims = Jwts.claims(jwt, what);
    List<String> audience = claims.getAudience();
    if (audience == null || audience.stream().noneMatch(IAM_AUDIENCES::contains)) {
      throw new AuthFailure(what + " aud must contain https://identity.oraclecloud.com/");
    }
    Jwts.checkTimes(claims, settings.clock(), settings.clockSkew(), what);
    return claims;
  }

  /** kid, when present, must be one of the client's aliases; otherwise x5t must name one of its certificates. */
  private RSAPublicKey keyFor(SignedJWT jwt, OAuthClient client, String what) throws AuthFailure {
    String kid = jwt.getHeader().getKeyID();
    String x5t = Jwts.headerString(jwt, "x5t");
    X509Certificate cert;
    if (kid != null) {
      cert = client.certificatesByAlias().get(kid);
      if (cert == null) {
        throw new AuthFailure(what + " kid is not a key alias of the client");
      }
      if (x5t != null && byX5t(client).get(x5t) != cert) {
        throw new AuthFailure(what + " x5t does not name the certificate of its kid");
      }
    } else if (x5t != null) {
      cert = byX5t(client).get(x5t);
      if (cert == null) {
        throw new AuthFailure(what + " x5t matches no certificate of the client");
      }
    } else {
      throw new AuthFailure(what + " header has neither kid nor x5t");
    }
    PublicKey key = cert.getPublicKey();
    if (!(key instanceof RSAPublicKey rsa)) {
      throw new AuthFailure(what + " certificate does not hold an RSA key");
    }
    return rsa;
  }

  private Map<String, X509Certificate> byX5t(OAuthClient client) {
    return certsByX5t.computeIfAbsent(client.clientId(),
        id -> AuthSettings.indexByX5t(client.certificatesByAlias().values(), settings.strictX5t()));
  }
}
