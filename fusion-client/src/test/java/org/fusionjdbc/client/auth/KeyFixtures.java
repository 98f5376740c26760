package org.fusionjdbc.client.auth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key and certificate files made by the real openssl (and ssh-keygen) once per test JVM, so the formats are
 * exactly what users will have. Tests that need them are skipped when openssl is not installed.
 */
final class KeyFixtures {
  static final String PASSPHRASE = "pass-Phrase-7xq";

  private static KeyFixtures instance;

  final Path dir;
  final Path pkcs8;
  final Path pkcs1;
  final Path encryptedPkcs8;
  final Path encryptedLegacy;
  final Path cert;
  final Path certDer;
  final Path otherKey;
  final Path otherCert;
  final Path ecTraditional;
  final Path ecPkcs8;
  final Path ed25519;
  final Path dsa;
  final Path weakRsa;
  final Path sshPrivate;
  final Path sshPublic;

  private KeyFixtures(Path dir) throws Exception {
    this.dir = dir;
    pkcs8 = dir.resolve("key.pem");
    run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", pkcs8.toString());
    pkcs1 = dir.resolve("key-pkcs1.pem");
    run("openssl", "rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString());
    encryptedPkcs8 = dir.resolve("key-enc.pem");
    run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", pkcs8.toString(), "-passout",
        "pass:" + PASSPHRASE, "-out", encryptedPkcs8.toString());
    encryptedLegacy = dir.resolve("key-legacy-enc.pem");
    run("openssl", "rsa", "-in", pkcs8.toString(), "-traditional", "-aes256", "-passout", "pass:" + PASSPHRASE,
        "-out", encryptedLegacy.toString());
    cert = dir.resolve("cert.pem");
    run("openssl", "req", "-new", "-x509", "-key", pkcs8.toString(), "-subj", "/CN=fusion-jdbc-test", "-days",
        "30", "-out", cert.toString());
    certDer = dir.resolve("cert.der");
    run("openssl", "x509", "-in", cert.toString(), "-outform", "der", "-out", certDer.toString());
    otherKey = dir.resolve("other-key.pem");
    run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", otherKey.toString());
    otherCert = dir.resolve("other-cert.pem");
    run("openssl", "req", "-new", "-x509", "-key", otherKey.toString(), "-subj", "/CN=other", "-days", "30",
        "-out", otherCert.toString());
    ecTraditional = dir.resolve("ec.pem");
    run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", ecTraditional.toString());
    ecPkcs8 = dir.resolve("ec-pkcs8.pem");
    run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        ecPkcs8.toString());
    ed25519 = dir.resolve("ed25519.pem");
    run("openssl", "genpkey", "-algorithm", "ed25519", "-out", ed25519.toString());
    weakRsa = dir.resolve("weak.pem");
    run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", weakRsa.toString());
    // DSA parameter generation in openssl is slow; the JDK makes a PKCS#8 DSA key in milliseconds.
    KeyPairGenerator dsaGen = KeyPairGenerator.getInstance("DSA");
    dsaGen.initialize(2048);
    dsa = dir.resolve("dsa.pem");
    Files.writeString(dsa, pem("PRIVATE KEY", dsaGen.generateKeyPair().getPrivate().getEncoded()));
    sshPrivate = dir.resolve("id_rsa");
    sshPublic = dir.resolve("id_rsa.pub");
    if (available("ssh-keygen")) {
      run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", sshPrivate.toString());
    }
  }

  static synchronized KeyFixtures get() throws Exception {
    assumeTrue(available("openssl"), "openssl is not installed");
    if (instance == null) {
      Path dir = Files.createTempDirectory("fusion-jdbc-keys");
      dir.toFile().deleteOnExit();
      instance = new KeyFixtures(dir);
      try (var files = Files.list(dir)) {
        files.forEach(f -> f.toFile().deleteOnExit());
      }
    }
    return instance;
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static boolean available(String tool) {
    try {
      Process p = new ProcessBuilder(tool, tool.equals("openssl") ? "version" : "-?")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a command (or a shell pipeline with "sh", "-c", ...) and returns its stdout. */
  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(List.of(command)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("command failed: " + new ArrayList<>(List.of(command)).get(0) + " "
          + command[1]);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
