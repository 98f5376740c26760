package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
  private static KeyFixtures keys;
  private static String opensslX5t;

  @TempDir
  Path tmp;

  @BeforeAll
  static void keys() throws Exception {
    keys = KeyFixtures.get();
    opensslX5t = KeyFixtures.run("sh", "-c", "openssl x509 -in '" + keys.cert + "' -outform der | openssl dgst "
        + "-sha1 -binary | base64 | tr '+/' '-_' | tr -d '='").strip();
  }

  @Test
  void x5tMatchesTheOpensslPipelineForPemAndDer() {
    assertThat(opensslX5t).hasSize(27);
    X509Certificate pem = Certificates.read(keys.cert);
    X509Certificate der = Certificates.read(keys.certDer);
    assertThat(Certificates.x5t(pem)).isEqualTo(opensslX5t);
    assertThat(Certificates.x5t(der)).isEqualTo(opensslX5t);
  }

  @Test
  void x5tAlsoMatchesOpensslHexFingerprint() throws Exception {
    String line = KeyFixtures.run("openssl", "x509", "-in", keys.cert.toString(), "-noout", "-fingerprint",
        "-sha1").strip();
    String hex = line.substring(line.indexOf('=') + 1);
    // The hex form is rejected with a hint that gives the correct base64url value.
    FusionException e = fail(keys.pkcs8, Optional.empty(), Optional.of(hex));
    assertThat(e.getMessage()).contains("hex SHA-1 fingerprint").contains(opensslX5t);
  }

  @Test
  void keyMatchesItsCertificateOnly() {
    var key = PemKeys.readPrivateKey(keys.pkcs8, Optional.empty());
    assertThat(Certificates.matches(key, Certificates.read(keys.cert))).isTrue();
    assertThat(Certificates.matches(key, Certificates.read(keys.otherCert))).isFalse();
  }

  @Test
  void loadComputesX5tFromCertificateOrTakesTheGivenOne() {
    SigningKey fromCert = SigningKey.load(keys.pkcs1, Optional.empty(), Optional.of(keys.cert), Optional.empty());
    assertThat(fromCert.x5t()).contains(opensslX5t);
    SigningKey both = SigningKey.load(keys.pkcs8, Optional.empty(), Optional.of(keys.certDer),
        Optional.of(opensslX5t));
    assertThat(both.x5t()).contains(opensslX5t);
    SigningKey given = SigningKey.load(keys.pkcs8, Optional.empty(), Optional.empty(), Optional.of(opensslX5t));
    assertThat(given.x5t()).contains(opensslX5t);
    assertThat(given.toString()).contains(opensslX5t).doesNotContain("Modulus").doesNotContain("modulus");
  }

  @Test
  void x5tDifferentFromCertificateNamesBothThumbprints() {
    String other = Certificates.x5t(Certificates.read(keys.otherCert));
    FusionException e = fail(keys.pkcs8, Optional.empty(), Optional.of(keys.cert), Optional.of(other));
    assertThat(e.getMessage()).contains(other).contains(opensslX5t).contains("differs");
  }

  @Test
  void keyNotMatchingCertificate() {
    FusionException e = fail(keys.otherKey, Optional.empty(), Optional.of(keys.cert), Optional.empty());
    assertThat(e.getMessage()).contains("does not belong to certificate").contains("CN=fusion-jdbc-test");
  }

  @Test
  void neitherCertificateNorX5t() {
    FusionException e = fail(keys.pkcs8, Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(e.getMessage()).contains("Neither a certificate file nor an x5t");
    assertThat(SigningKey.loadOptionalThumbprint(keys.pkcs8, Optional.empty(), Optional.empty(), Optional.empty())
        .x5t()).isEmpty();
  }

  @Test
  void standardBase64X5tGetsTheUrlSafeHint() {
    String std = opensslX5t.replace('-', '+').replace('_', '/') + "=";
    if (std.equals(opensslX5t + "=")) {
      std = "ab+/" + opensslX5t.substring(4) + "="; // make sure it contains a non-url-safe character
    }
    FusionException e = fail(keys.pkcs8, Optional.empty(), Optional.of(std));
    assertThat(e.getMessage()).contains("standard Base64");
  }

  @Test
  void oneCombinedFileServesAsKeyAndCertificate() throws Exception {
    Path certFirst = tmp.resolve("cert-then-key.pem");
    Files.writeString(certFirst, "Bag Attributes\n    localKeyID: 01\n" + Files.readString(keys.cert)
        + Files.readString(keys.pkcs1));
    Path keyFirst = tmp.resolve("key-then-cert.pem");
    Files.writeString(keyFirst, Files.readString(keys.pkcs8) + Files.readString(keys.cert));
    for (Path combined : new Path[] {certFirst, keyFirst}) {
      SigningKey k = SigningKey.load(combined, Optional.empty(), Optional.of(combined), Optional.empty());
      assertThat(k.x5t()).as(combined.getFileName().toString()).contains(opensslX5t);
    }
  }

  @Test
  void weakKeyRejected() {
    FusionException e = fail(keys.weakRsa, Optional.empty(), Optional.of(opensslX5t));
    assertThat(e.getMessage()).contains("1024 bits").contains("at least 2048");
  }

  @Test
  void certificateFileErrors() throws Exception {
    assertThat(catchThrowableOfType(() -> Certificates.read(keys.pkcs8), FusionException.class).getMessage())
        .contains("holds a private key");
    assertThat(catchThrowableOfType(() -> Certificates.read(tmp.resolve("x.cer")), FusionException.class)
        .getMessage()).contains("does not exist");
    Path junk = Files.writeString(tmp.resolve("junk.cer"), "junk");
    assertThat(catchThrowableOfType(() -> Certificates.read(junk), FusionException.class).getMessage())
        .contains("is not an X.509 certificate");
    if (Files.exists(keys.sshPublic)) {
      assertThat(catchThrowableOfType(() -> Certificates.read(keys.sshPublic), FusionException.class)
          .getMessage()).contains("SSH public key");
    }
  }

  private static FusionException fail(Path key, Optional<Secret> pass, Optional<String> x5t) {
    return fail(key, pass, Optional.empty(), x5t);
  }

  private static FusionException fail(Path key, Optional<Secret> pass, Optional<Path> cert, Optional<String> x5t) {
    FusionException e = catchThrowableOfType(() -> SigningKey.load(key, pass, cert, x5t), FusionException.class);
    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(FusionException.Kind.CONFIGURATION);
    return e;
  }
}
