package org.fusionjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsTest {

  @TempDir static Path dir;
  static DemoCredentials demo;

  @BeforeAll
  static void generate() {
    demo = DemoCredentials.generate(dir);
  }

  @Test
  void filesRoundTripAndTheKeyFileIsOwnerOnly() throws Exception {
    assertThat(Files.readString(demo.privateKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demo.privateKeyFile()))).isEqualTo("rw-------");
    assertThat(Pems.readCertificate(demo.certificateFile())).isEqualTo(demo.certificate());
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(Pems.readPrivateKey(demo.privateKeyFile()));
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(demo.certificate());
    s.update(new byte[] {1, 2, 3});
    assertThat(s.verify(sig)).as("private key matches the certificate").isTrue();
  }

  @Test
  void x5tIsBase64UrlSha1OfDer() {
    assertThat(demo.x5t()).hasSize(27).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void x5tEqualsWhatOpensslComputes() throws Exception {
    assumeTrue(onPath("openssl"), "openssl is not on PATH");
    Path der = dir.resolve("cert.der");
    run("openssl", "x509", "-in", demo.certificateFile().toString(), "-outform", "der", "-out", der.toString());
    byte[] digest = runBytes("openssl", "dgst", "-sha1", "-binary", der.toString());
    String fromOpenssl = java.util.Base64.getEncoder().encodeToString(digest)
        .replace('+', '-').replace('/', '_').replace("=", "");
    assertThat(demo.x5t()).isEqualTo(fromOpenssl);
  }

  @Test
  void toStringHidesSecrets() {
    AuthSettings settings = demo.applyTo(AuthSettings.builder()).build();
    for (String text : new String[] {demo.toString(), settings.toString(),
        settings.oauthClients().get(demo.clientId()).toString()}) {
      assertThat(text).doesNotContain(demo.clientSecret()).doesNotContain(demo.basicPassword());
    }
    assertThat(demo.toString()).contains(demo.clientId()).contains(demo.x5t());
  }

  @Test
  void appliedSettingsRegisterEveryPath() {
    AuthSettings s = demo.applyTo(AuthSettings.builder()).build();
    assertThat(s.users()).contains("CASEY.BROWN");
    assertThat(s.trustedCertificate(DemoCredentials.ISSUER, demo.x5t())).contains(demo.certificate());
    assertThat(s.oauthClients().get(demo.clientId()).allowedScopes()).containsExactly(demo.scope());
    assertThat(s.basicPassword("CASEY.BROWN")).contains(demo.basicPassword());
  }

  @Test
  void printableSettingsNameEverythingAClientNeeds() {
    assertThat(demo.printableSettingsWithSecrets()).contains(demo.clientId(), demo.clientSecret(), demo.basicPassword(),
        demo.x5t(), demo.privateKeyFile().toString(), DemoCredentials.SCOPE, DemoCredentials.KEY_ALIAS);
  }

  @Test
  void cliSpecsRegisterTrustAndBasicUsers() {
    AuthSettings s = AuthSettings.builder()
        .trustIssuerSpec("my=issuer=" + demo.certificateFile())
        .basicUserSpec("ANA.LOPEZ:pa:ss")
        .build();
    assertThat(s.trustedCertificate("my=issuer", demo.x5t())).contains(demo.certificate());
    assertThat(s.basicPassword("ANA.LOPEZ")).contains("pa:ss");
    assertThat(s.users()).contains("ANA.LOPEZ");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuthSettings.builder().trustIssuerSpec("no-path"))
        .hasMessageContaining("ISSUER=path");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuthSettings.builder().basicUserSpec("ANA:"))
        .hasMessageContaining("NAME:PASSWORD");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuthSettings.builder().basicUserSpec("hunter2secret"))
        .hasMessageNotContaining("hunter2secret");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    runBytes(cmd);
  }

  private static byte[] runBytes(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + " " + out.toString(StandardCharsets.UTF_8)).isZero();
    return out.toByteArray();
  }
}
