package org.fusionjdbc.client.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.fusionjdbc.client.error.FusionException;

/** X.509 certificates for JWT signing: reading (PEM or DER), the x5t thumbprint, and the key match check. */
public final class Certificates {
  private Certificates() {
  }

  /** Reads a PEM ({@code BEGIN CERTIFICATE}) or DER X.509 certificate; the JDK's factory accepts both. */
  public static X509Certificate read(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw config("The certificate file " + file + " is a directory; give the path of the file itself");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw config("The certificate file " + file.toAbsolutePath() + " does not exist; check the certificate "
          + "file setting");
    } catch (IOException e) {
      throw config("The certificate file " + file.toAbsolutePath() + " cannot be read ("
          + e.getClass().getSimpleName() + "); check that the file is readable by this process");
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
    if (head.contains("PRIVATE KEY-----") && !new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("-----BEGIN CERTIFICATE-----")) {
      throw config("The certificate file " + file + " holds a private key; give the X.509 certificate "
          + "(BEGIN CERTIFICATE) that was registered with Fusion");
    }
    if (head.startsWith("ssh-")) {
      throw config("The certificate file " + file + " holds an SSH public key; Fusion needs an X.509 "
          + "certificate (create one with 'openssl req -new -x509 -key key.pem -out cert.pem -days 730')");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      // The JDK factory skips text before the first BEGIN CERTIFICATE, so combined key+cert files work.
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificatePart(bytes)));
    } catch (CertificateException | ClassCastException e) {
      throw config("The certificate file " + file + " is not an X.509 certificate in PEM or DER format ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** From the first BEGIN CERTIFICATE on, when a PEM file also holds a key; DER and plain PEM unchanged. */
  private static byte[] certificatePart(byte[] bytes) {
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("-----BEGIN CERTIFICATE-----");
    return at <= 0 ? bytes : text.substring(at).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Base64url (no padding) SHA-1 of the DER encoding: the JWS {@code x5t} header (RFC 7515 §4.1.7). */
  public static String x5t(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "Cannot compute the x5t thumbprint of certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** Whether the RSA private key belongs to the certificate's public key (same modulus and exponent). */
  public static boolean matches(RSAPrivateKey key, X509Certificate certificate) {
    PublicKey pub = certificate.getPublicKey();
    if (!(pub instanceof RSAPublicKey rsaPub)) {
      return false;
    }
    if (!rsaPub.getModulus().equals(key.getModulus())) {
      return false;
    }
    return !(key instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(rsaPub.getPublicExponent());
  }

  private static FusionException config(String message) {
    return FusionException.of(FusionException.Kind.CONFIGURATION, message);
  }
}
