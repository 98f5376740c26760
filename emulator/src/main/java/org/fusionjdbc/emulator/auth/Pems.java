package org.fusionjdbc.emulator.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/** Reads and writes the PEM files the emulator's CLI and demo credentials use. */
public final class Pems {

  private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String KEY_END = "-----END PRIVATE KEY-----";

  private Pems() {}

  /** Reads an X.509 certificate from a PEM or DER file (what Fusion's Security Console accepts). */
  public static X509Certificate readCertificate(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException | ClassCastException e) {
      throw new IllegalArgumentException(
          "cannot read an X.509 certificate (PEM or DER) from " + file + ": " + e.getMessage(), e);
    }
  }

  static X509Certificate parseCertificate(byte[] derOrPem) throws CertificateException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(derOrPem));
  }

  /** Reads an unencrypted PKCS#8 PEM RSA key ({@code -----BEGIN PRIVATE KEY-----}). */
  public static PrivateKey readPrivateKey(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read private key file " + file + ": " + e.getMessage(), e);
    }
    int begin = text.indexOf(KEY_BEGIN);
    int end = text.indexOf(KEY_END);
    if (begin < 0 || end < begin) {
      // Never echo the file content: it is a secret.
      throw new IllegalArgumentException(file + " is not a PKCS#8 PEM private key (expected a '"
          + KEY_BEGIN + "' block; convert with: openssl pkcs8 -topk8 -nocrypt)");
    }
    String body = text.substring(begin + KEY_BEGIN.length(), end).replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " does not hold a valid PKCS#8 RSA private key", e);
    }
  }

  static String privateKeyPem(PrivateKey key) {
    return KEY_BEGIN + "\n" + base64Lines(key.getEncoded()) + KEY_END + "\n";
  }

  static String certificatePem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n" + base64Lines(certificate.getEncoded()) + "-----END CERTIFICATE-----\n";
    } catch (CertificateException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }

  private static String base64Lines(byte[] der) {
    return Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n";
  }
}
