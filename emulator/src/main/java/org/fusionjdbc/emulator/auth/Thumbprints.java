package org.fusionjdbc.emulator.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** The x5t of a certificate: SHA-1 of its DER encoding (contract §8.0). */
public final class Thumbprints {

  private Thumbprints() {}

  /** The RFC 7515 form: base64url without padding, 27 characters. */
  public static String x5t(X509Certificate certificate) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha1(certificate));
  }

  /** The standard-base64 form some vendor guides produce (with '+', '/', '='); accepted only when lenient. */
  static String standardBase64X5t(X509Certificate certificate) {
    return Base64.getEncoder().encodeToString(sha1(certificate));
  }

  private static byte[] sha1(X509Certificate certificate) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot compute the SHA-1 thumbprint of a certificate", e);
    }
  }
}
