package org.fusionjdbc.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * The emulator's own signing key: it plays the identity domain (access tokens, {@code kid SIGNING_KEY})
 * and Fusion's token relay ({@code kid trustservice}). One per emulator, generated on first use; only the
 * public half leaves. Thread-safe.
 */
final class EmulatorKeys {

  static final String IDENTITY_ISSUER = "https://identity.oraclecloud.com/";
  static final String SIGNING_KID = "SIGNING_KEY";
  static final String RELAY_ISSUER = "www.oracle.com";
  static final String RELAY_KID = "trustservice";

  /** The key pair and what derives from it; generated on first use (RSA generation costs ~0.1 s a start). */
  private record Material(RSAPublicKey publicKey, RSASSASigner signer, String x5t, JWKSet publicJwks) {}

  private volatile Material material;

  private EmulatorKeys() {}

  /** Keys generated lazily: an emulator that only ever sees Basic requests never makes a key pair. */
  static EmulatorKeys generate() {
    return new EmulatorKeys();
  }

  private Material material() {
    Material m = material;
    if (m == null) {
      synchronized (this) {
        m = material;
        if (m == null) {
          KeyPair keyPair = DemoCredentials.rsaKeyPair();
          X509Certificate certificate =
              DemoCredentials.selfSigned(keyPair, "CN=emulated identity domain, O=fusion-jdbc");
          String x5t = Thumbprints.x5t(certificate);
          RSAPublicKey publicKey = (RSAPublicKey) keyPair.getPublic();
          m = new Material(publicKey, new RSASSASigner(keyPair.getPrivate()), x5t,
              new JWKSet(publicJwk(publicKey, certificate, x5t)));
          material = m;
        }
      }
    }
    return m;
  }

  @SuppressWarnings("deprecation") // x5t (SHA-1) is what IAM publishes beside x5c
  private static RSAKey publicJwk(RSAPublicKey key, X509Certificate certificate, String x5t) {
    try {
      return new RSAKey.Builder(key)
          .keyID(SIGNING_KID)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .x509CertThumbprint(new Base64URL(x5t))
          .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
          .build();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the emulator's certificate", e);
    }
  }

  /** Signs claims as the identity domain ({@code kid SIGNING_KEY}) or the token relay ({@code kid trustservice}). */
  @SuppressWarnings("deprecation")
  String sign(String kid, JWTClaimsSet claims) {
    Material m = material();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
        .type(JOSEObjectType.JWT)
        .x509CertThumbprint(new Base64URL(m.x5t()))
        .keyID(kid)
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(m.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token with the emulator's key", e);
    }
    return jwt.serialize();
  }

  RSAPublicKey publicKey() {
    return material().publicKey();
  }

  /** What {@code /admin/v1/SigningCert/jwk} publishes, and what access tokens are verified against. */
  JWKSet publicJwks() {
    return material().publicJwks();
  }
}
