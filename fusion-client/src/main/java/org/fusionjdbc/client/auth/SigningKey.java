package org.fusionjdbc.client.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fusionjdbc.client.error.FusionException;

/**
 * An RSA key ready to sign RS256 JWTs, with the x5t thumbprint of its certificate when known. Signing goes
 * through nimbus-jose-jwt on the JDK's providers. {@link #toString()} shows the thumbprint only.
 */
public final class SigningKey {
  private static final Pattern BASE64URL_SHA1 = Pattern.compile("[A-Za-z0-9_-]{27}");
  private static final Pattern HEX_SHA1 = Pattern.compile("(?i)([0-9a-f]{2}:?){19}[0-9a-f]{2}");
  private static final int MIN_RSA_BITS = 2048;

  private final RSAPrivateKey key;
  private final Optional<X509Certificate> certificate;
  private final Optional<String> x5t;
  private final RSASSASigner signer;

  private SigningKey(RSAPrivateKey key, Optional<X509Certificate> certificate, Optional<String> x5t) {
    this.key = key;
    this.certificate = certificate;
    this.x5t = x5t;
    this.signer = new RSASSASigner(key);
  }

  /**
   * Loads the key for a Fusion JWT: an x5t is required, given directly or computed from the certificate;
   * when both are given they must agree, and a given certificate must match the key.
   */
  public static SigningKey load(Path privateKeyFile, Optional<Secret> passphrase, Optional<Path> certificateFile,
      Optional<String> x5t) {
    SigningKey k = loadOptionalThumbprint(privateKeyFile, passphrase, certificateFile, x5t);
    if (k.x5t.isEmpty()) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "Neither a certificate file nor an x5t "
          + "thumbprint is set; Fusion finds the signing certificate by its x5t, so set the certificate file "
          + "(the X.509 certificate registered in the Security Console) or the x5t setting");
    }
    return k;
  }

  /** As {@link #load} but the thumbprint may be absent (identity-domain assertions can use kid alone). */
  public static SigningKey loadOptionalThumbprint(Path privateKeyFile, Optional<Secret> passphrase,
      Optional<Path> certificateFile, Optional<String> x5t) {
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    Objects.requireNonNull(passphrase, "passphrase");
    Objects.requireNonNull(certificateFile, "certificateFile");
    Objects.requireNonNull(x5t, "x5t");
    Optional<String> given = x5t.map(String::strip).filter(s -> !s.isEmpty()).map(SigningKey::checkX5t);
    RSAPrivateKey key = PemKeys.readPrivateKey(privateKeyFile, passphrase);
    if (key.getModulus().bitLength() < MIN_RSA_BITS) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "The private key in " + privateKeyFile
          + " has " + key.getModulus().bitLength() + " bits; RS256 needs an RSA key of at least " + MIN_RSA_BITS
          + " bits");
    }
    Optional<X509Certificate> cert = certificateFile.map(Certificates::read);
    Optional<String> computed = cert.map(Certificates::x5t);
    if (given.isPresent() && computed.isPresent() && !given.get().equals(computed.get())) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "The x5t setting (" + given.get()
          + ") differs from the thumbprint of certificate " + certificateFile.get() + " (" + computed.get()
          + "); remove the x5t setting or give the certificate that belongs to it");
    }
    if (cert.isPresent() && !Certificates.matches(key, cert.get())) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "The private key " + privateKeyFile
          + " does not belong to certificate " + certificateFile.get() + " (subject "
          + cert.get().getSubjectX500Principal().getName() + ", x5t " + computed.get()
          + "); give the key the certificate was made from");
    }
    return new SigningKey(key, cert, computed.or(() -> given));
  }

  /** Rejects the two wrong forms people copy from tools: hex fingerprints and standard Base64. */
  private static String checkX5t(String x5t) {
    if (BASE64URL_SHA1.matcher(x5t).matches()) {
      return x5t;
    }
    String hint = "";
    try {
      if (HEX_SHA1.matcher(x5t).matches()) {
        byte[] sha1 = HexFormat.of().parseHex(x5t.replace(":", ""));
        hint = "; it looks like a hex SHA-1 fingerprint, whose x5t is " + Base64URL.encode(sha1);
      } else if (x5t.matches("[A-Za-z0-9+/]{27}=?")) {
        byte[] sha1 = Base64.getDecoder().decode(x5t);
        hint = "; it looks like standard Base64, whose base64url form is " + Base64URL.encode(sha1);
      }
    } catch (IllegalArgumentException ignored) {
      // no hint then
    }
    throw FusionException.of(FusionException.Kind.CONFIGURATION, "The x5t setting '" + x5t + "' is not a "
        + "base64url SHA-1 thumbprint (27 characters of A-Z a-z 0-9 - _)" + hint
        + "; or leave it out and set the certificate file instead");
  }

  public RSAPrivateKey privateKey() {
    return key;
  }

  public Optional<X509Certificate> certificate() {
    return certificate;
  }

  public Optional<String> x5t() {
    return x5t;
  }

  /** Header builder preset with RS256, typ JWT and x5t when known (x5t is SHA-1 by definition; Fusion needs it). */
  @SuppressWarnings("deprecation")
  public JWSHeader.Builder header() {
    JWSHeader.Builder b = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
    x5t.ifPresent(t -> b.x509CertThumbprint(new Base64URL(t)));
    return b;
  }

  /** Signs and serializes; thread-safe (the signer creates a JDK Signature per call). */
  public String sign(JWSHeader header, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "Cannot sign the JWT with the configured RSA key (" + e.getClass().getSimpleName() + ")", e);
    }
    return jwt.serialize();
  }

  @Override
  public String toString() {
    return "SigningKey[RSA " + key.getModulus().bitLength() + " bits, x5t=" + x5t.orElse("none") + "]";
  }
}
