package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.Test;

/**
 * First contact through the shaded jar: getConnection proves the credentials (28000 for a wrong issuer, 08001 for
 * a closed port, both with what to fix), validateOnConnect=false defers that to the first query, isValid tells a
 * dead pod from a live one, an encrypted key opens with its passphrase in the password field, and logFile holds
 * the DEBUG lines without a secret.
 */
class FirstContactIT {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
  private final Pod pod = Pod.get();

  @Test
  void aWrongIssuerFailsAtGetConnectionWith28000AndSaysWhatToFix() {
    Properties p = pod.jwt();
    p.setProperty("issuer", "someone-else");
    long before = lastSeq();
    assertThatThrownBy(() -> DriverManager.getConnection(pod.url(), p).close())
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("issuer 'someone-else'", "Trusted Issuer", "Security Console");
        });
    // one authenticated request, and one more with a freshly signed token after the 401 (never a loop)
    assertThat(pod.emulator.journal().filter(e -> e.seq() > before)).hasSizeBetween(1, 2)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void aClosedPortFailsAtGetConnectionWith08001() throws IOException {
    int port = closedPort();
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:fusion://127.0.0.1:" + port + "?ssl=false",
        pod.jwt()).close())
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("Cannot reach http://127.0.0.1:" + port, "refused", "port");
        });
  }

  @Test
  void validateOnConnectFalseDefersBothToTheFirstQuery() throws Exception {
    Properties wrongIssuer = pod.jwt();
    wrongIssuer.setProperty("issuer", "someone-else");
    wrongIssuer.setProperty("validateOnConnect", "false");
    long before = lastSeq();
    try (Connection c = DriverManager.getConnection(pod.url(), wrongIssuer)) {
      assertThat(pod.emulator.journal().filter(e -> e.seq() > before)).as("no request at getConnection").isEmpty();
      assertThatThrownBy(() -> firstInvoice(c)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    }
    Properties deferred = pod.jwt();
    deferred.setProperty("validateOnConnect", "false");
    try (Connection c = DriverManager.getConnection("jdbc:fusion://127.0.0.1:" + closedPort() + "?ssl=false", deferred)) {
      assertThatThrownBy(() -> firstInvoice(c)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).startsWith("08"));
    }
  }

  @Test
  void getConnectionMakesOneRequestThatTheFirstQueryReusesAndAPoolKeyIsProvenOnce() throws SQLException {
    Properties p = pod.jwt();
    p.setProperty("firstPageSize", String.valueOf(ThreadLocalRandom.current().nextInt(10, 49))); // a new pool key
    long before = lastSeq();
    try (Connection c = pod.connect(p)) {
      List<JournalEntry> atConnect = pod.emulator.journal().filter(e -> e.seq() > before);
      assertThat(atConnect).singleElement().satisfies(e -> {
        assertThat(e.path()).endsWith("/fscmRestApi/resources/11.13.18.05/describe");
        assertThat(e.status()).isEqualTo(200);
      });
      long afterConnect = lastSeq();
      firstInvoice(c);
      assertThat(pod.emulator.journal().filter(e -> e.seq() > afterConnect && e.path().endsWith("/describe")
          && "list".equals(e.param("metadataMode")))).as("the resource list is not asked again").isEmpty();
    }
    long second = lastSeq();
    try (Connection c = pod.connect(p)) {
      assertThat(pod.emulator.journal().filter(e -> e.seq() > second)).as("same pool key, proven a moment ago")
          .isEmpty();
    }
  }

  @Test
  void isValidTellsADeadPodFromALiveOne() throws Exception {
    FusionEmulator other = pod.start(EmulatorOptions.builder().rows(50));
    try (Connection c = DriverManager.getConnection(EmulatedPod.url(other, ""),
        pod.jwt())) {
      assertThat(c.isValid(5)).isTrue();
      Thread.sleep(5_300); // past the reuse window: the next call asks the pod
      long before = other.journal().last().seq();
      assertThat(c.isValid(5)).isTrue();
      assertThat(other.journal().filter(e -> e.seq() > before)).singleElement().satisfies(e -> {
        assertThat(e.path()).isEqualTo("/fscmRestApi/resources/");
        assertThat(e.status()).isEqualTo(200);
      });
      other.close();
      Thread.sleep(5_300);
      assertThat(c.isValid(5)).as("the pod is gone").isFalse();
      c.close();
      assertThat(c.isValid(1)).isFalse();
    } finally {
      other.close();
    }
  }

  @Test
  void anEncryptedKeyOpensWithItsPassphraseInThePasswordField() throws Exception {
    Path dir = Files.createTempDirectory("fusion-it-enc");
    Path encrypted = dir.resolve("key-enc.pem");
    char[] passphrase = "enc-pass-5521".toCharArray();
    try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(encrypted, StandardCharsets.US_ASCII))) {
      w.writeObject(new JcaPKCS8Generator(demoKey(), new JceOpenSSLPKCS8EncryptorBuilder(
          JcaPKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
          .setPassword(passphrase).build()));
    }
    assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    Properties p = pod.jwt();
    p.setProperty("privateKeyFile", encrypted.toString());
    assertThatThrownBy(() -> pod.connect(p).close()).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("08001");
      assertThat(e.getMessage()).contains("encrypted");
    });
    p.setProperty("password", new String(passphrase));
    try (Connection c = pod.connect(p)) {
      assertThat(firstInvoice(c)).isPositive();
    }
  }

  @Test
  void logFileHoldsTheDebugLinesAndNoSecret() throws Exception {
    Path dir = Files.createTempDirectory("fusion-it-log");
    Path log = dir.resolve("fusion-jdbc.log");
    for (String mode : List.of("oauth", "basic", "bearer")) {
      Properties p = pod.props(mode);
      p.setProperty("logFile", log.toString());
      try (Connection c = pod.connect(p)) {
        firstInvoice(c);
      }
    }
    // java.util.logging numbers the rotating generations: the newest is <logFile>.0
    String text = Files.readString(dir.resolve("fusion-jdbc.log.0"), StandardCharsets.UTF_8);
    assertThat(text).contains("FINE", "GET /fscmRestApi/resources/11.13.18.05/invoices", "POST /oauth2/v1/token");
    for (String secret : pod.secrets()) {
      assertThat(text).doesNotContain(secret);
    }
    assertThat(JWT.matcher(text).find()).as("no signed token in the log file").isFalse();
    assertThat(text).doesNotContain(pod.privateKeyPem.lines().skip(1).findFirst().orElseThrow());
  }

  private static long firstInvoice(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" order by \"InvoiceId\" limit 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private PrivateKey demoKey() throws Exception {
    String base64 = pod.privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private long lastSeq() {
    JournalEntry last = pod.emulator.journal().last();
    return last == null ? 0 : last.seq();
  }
}
