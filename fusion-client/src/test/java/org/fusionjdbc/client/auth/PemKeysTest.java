package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.Optional;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
  private static KeyFixtures keys;

  @TempDir
  Path tmp;

  @BeforeAll
  static void keys() throws Exception {
    keys = KeyFixtures.get();
  }

  private static Optional<Secret> pass(String p) {
    return Optional.of(Secret.of(p));
  }

  @Test
  void allRsaFormatsLoadTheSameKey() {
    RSAPrivateKey pkcs8 = PemKeys.readPrivateKey(keys.pkcs8, Optional.empty());
    assertThat(pkcs8.getModulus().bitLength()).isEqualTo(2048);
    assertThat(PemKeys.readPrivateKey(keys.pkcs1, Optional.empty()).getModulus()).isEqualTo(pkcs8.getModulus());
    assertThat(PemKeys.readPrivateKey(keys.encryptedPkcs8, pass(KeyFixtures.PASSPHRASE)).getPrivateExponent())
        .isEqualTo(pkcs8.getPrivateExponent());
    assertThat(PemKeys.readPrivateKey(keys.encryptedLegacy, pass(KeyFixtures.PASSPHRASE)).getPrivateExponent())
        .isEqualTo(pkcs8.getPrivateExponent());
  }

  @Test
  void finalKeyComesFromTheJdkNotBouncyCastle() {
    assertThat(PemKeys.readPrivateKey(keys.pkcs1, Optional.empty()).getClass().getName()).startsWith("sun.");
    assertThat(java.security.Security.getProvider("BC")).isNull();
  }

  @Test
  void otherPkcs8EncryptionSchemesOpensslWrites() throws Exception {
    RSAPrivateKey plain = PemKeys.readPrivateKey(keys.pkcs8, Optional.empty());
    String[][] schemes = {{"-v1", "PBE-SHA1-3DES"}, {"-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"},
        {"-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512"}};
    for (String[] scheme : schemes) {
      Path out = tmp.resolve("enc-" + String.join("-", scheme) + ".pem");
      java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("openssl", "pkcs8", "-topk8"));
      cmd.addAll(java.util.List.of(scheme));
      cmd.addAll(java.util.List.of("-in", keys.pkcs8.toString(), "-passout", "pass:" + KeyFixtures.PASSPHRASE,
          "-out", out.toString()));
      KeyFixtures.run(cmd.toArray(String[]::new));
      assertThat(PemKeys.readPrivateKey(out, pass(KeyFixtures.PASSPHRASE)).getPrivateExponent())
          .as(String.join(" ", scheme)).isEqualTo(plain.getPrivateExponent());
      assertConfig(out, pass("wrong"), "passphrase is wrong");
    }
  }

  @Test
  void pbes2WithTripleDesSaysHowToReEncrypt() throws Exception {
    Path out = tmp.resolve("enc-des3.pem");
    KeyFixtures.run("openssl", "pkcs8", "-topk8", "-v2", "des3", "-in", keys.pkcs8.toString(), "-passout",
        "pass:" + KeyFixtures.PASSPHRASE, "-out", out.toString());
    assertConfig(out, pass(KeyFixtures.PASSPHRASE), "Java cannot decrypt", "-v2 aes-256-cbc");
  }

  @Test
  void encryptedKeyWithoutPassphraseSaysToSetIt() {
    assertConfig(keys.encryptedPkcs8, Optional.empty(), "is encrypted", "passphrase setting");
    assertConfig(keys.encryptedLegacy, Optional.empty(), "is encrypted", "passphrase setting");
    assertConfig(keys.encryptedPkcs8, pass(""), "is encrypted");
  }

  @Test
  void wrongPassphraseIsNamedAndNeverEchoed() {
    for (Path f : new Path[] {keys.encryptedPkcs8, keys.encryptedLegacy}) {
      FusionException e = assertConfig(f, pass("not-the-Right-one"), "passphrase is wrong");
      assertThat(e.getMessage()).doesNotContain("not-the-Right-one").doesNotContain(KeyFixtures.PASSPHRASE);
      assertThat(String.valueOf(e.getCause())).doesNotContain("not-the-Right-one");
    }
  }

  @Test
  void nonRsaKeysAreRejectedByAlgorithm() {
    assertConfig(keys.ecTraditional, Optional.empty(), "holds an EC key", "needs an RSA key");
    assertConfig(keys.ecPkcs8, Optional.empty(), "holds an EC key");
    assertConfig(keys.dsa, Optional.empty(), "holds a DSA key");
    assertConfig(keys.ed25519, Optional.empty(), "holds an Ed25519 key");
  }

  @Test
  void sshKeysPointToConversion() {
    assumeTrue(Files.exists(keys.sshPrivate), "ssh-keygen is not installed");
    assertConfig(keys.sshPrivate, Optional.empty(), "is an OpenSSH key", "ssh-keygen -p -m PKCS8");
    assertConfig(keys.sshPublic, Optional.empty(), "is an OpenSSH key");
  }

  @Test
  void certificateGivenAsKey() {
    assertConfig(keys.cert, Optional.empty(), "is a certificate, not a private key");
  }

  @Test
  void missingDirectoryGarbageEmpty() throws Exception {
    Path missing = tmp.resolve("nope.pem");
    assertConfig(missing, Optional.empty(), "does not exist", "nope.pem");
    assertConfig(tmp, Optional.empty(), "is a directory");
    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "this is not a key at all\n");
    assertConfig(garbage, Optional.empty(), "holds no PEM private key");
    Path empty = Files.writeString(tmp.resolve("empty.pem"), "");
    assertConfig(empty, Optional.empty(), "holds no PEM private key");
    Path broken = Files.writeString(tmp.resolve("broken.pem"),
        "-----BEGIN PRIVATE KEY-----\nAAAAsecretish%%%\n-----END PRIVATE KEY-----\n");
    FusionException e = assertConfig(broken, Optional.empty(), "broken.pem");
    assertThat(e.getMessage()).doesNotContain("AAAAsecretish");
  }

  @Test
  void binaryKeyStoresGetTheExportCommand() throws Exception {
    Path p12 = tmp.resolve("store.p12");
    KeyFixtures.run("openssl", "pkcs12", "-export", "-inkey", keys.pkcs8.toString(), "-in", keys.cert.toString(),
        "-passout", "pass:" + KeyFixtures.PASSPHRASE, "-out", p12.toString());
    assertConfig(p12, Optional.empty(), "is a binary", "openssl pkcs12");
    Path der = tmp.resolve("key.der");
    KeyFixtures.run("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", keys.pkcs8.toString(), "-outform", "DER",
        "-out", der.toString());
    assertConfig(der, Optional.empty(), "is a binary", "-inform DER");
  }

  @Test
  void hugeFileIsRejectedWithoutReadingIt() throws Exception {
    Path big = tmp.resolve("big.pem");
    try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 2L * 1024 * 1024);
    }
    assertConfig(big, Optional.empty(), "too large");
  }

  @Test
  void keyMaterialNeverInMessages() throws Exception {
    String body = Files.readString(keys.pkcs8).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    Path truncated = Files.writeString(tmp.resolve("truncated.pem"),
        "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    FusionException e = assertConfig(truncated, Optional.empty(), "truncated.pem");
    assertThat(e.getMessage()).doesNotContain(body.substring(0, 20));
  }

  private static FusionException assertConfig(Path file, Optional<Secret> pass, String... fragments) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PemKeys.readPrivateKey(file, pass));
    assertThat(t).isInstanceOf(FusionException.class);
    FusionException e = (FusionException) t;
    assertThat(e.kind()).isEqualTo(FusionException.Kind.CONFIGURATION);
    for (String f : fragments) {
      assertThat(e.getMessage()).contains(f);
    }
    return e;
  }

  @Test
  void rejectsNullArgumentsClearly() {
    assertThatThrownBy(() -> SigningKey.load(null, Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("privateKeyFile");
  }
}
