package org.fusionjdbc.emulator.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A ready-to-use identity for the demo and for tests: an RSA 2048 key pair and a self-signed certificate
 * written as PEM files, plus matching settings for every auth path (trusted issuer, OAuth client, Basic).
 * {@link #toString()} hides the client secret and the Basic password.
 */
public final class DemoCredentials {

  public static final String ISSUER = "fusion-jdbc-demo";
  public static final String USERNAME = "CASEY.BROWN";
  public static final String KEY_ALIAS = "fusionjdbcdemo";
  public static final String SCOPE =
      AuthSettings.DEFAULT_FUSION_AUDIENCE + "urn:opc:resource:consumer::all";
  public static final String PRIVATE_KEY_FILE = "fusion-demo-key.pem";
  public static final String CERTIFICATE_FILE = "fusion-demo-cert.pem";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path privateKeyFile;
  private final Path certificateFile;
  private final X509Certificate certificate;
  private final String x5t;
  private final String clientId;
  private final String clientSecret;
  private final String basicPassword;

  private DemoCredentials(Path privateKeyFile, Path certificateFile, X509Certificate certificate,
      String clientId, String clientSecret, String basicPassword) {
    this.privateKeyFile = privateKeyFile;
    this.certificateFile = certificateFile;
    this.certificate = certificate;
    this.x5t = Thumbprints.x5t(certificate);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.basicPassword = basicPassword;
  }

  /** Generates a fresh key pair and certificate into {@code dir} (created if needed; key file mode 600). */
  public static DemoCredentials generate(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
      KeyPair keyPair = rsaKeyPair();
      X509Certificate certificate = selfSigned(keyPair, "CN=" + ISSUER + ", O=fusion-jdbc");
      Path keyFile = dir.resolve(PRIVATE_KEY_FILE);
      Path certFile = dir.resolve(CERTIFICATE_FILE);
      writeOwnerOnly(keyFile, Pems.privateKeyPem(keyPair.getPrivate()));
      Files.writeString(certFile, Pems.certificatePem(certificate), StandardCharsets.US_ASCII);
      return new DemoCredentials(keyFile, certFile, certificate, randomHex(16),
          "idcscs-" + randomHex(16), randomHex(12));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write demo credentials into " + dir, e);
    }
  }

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate RSA keys", e);
    }
  }

  /** A self-signed X.509 certificate for {@code keyPair}, valid from yesterday for ten years. */
  static X509Certificate selfSigned(KeyPair keyPair, String distinguishedName) {
    Instant now = Instant.now();
    X500Name name = new X500Name(distinguishedName);
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
          new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(3650))), name, keyPair.getPublic());
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a self-signed certificate", e);
    }
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Registers this identity for all three auth paths. */
  public AuthSettings.Builder applyTo(AuthSettings.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder
        .user(USERNAME)
        .trustIssuer(ISSUER, certificate)
        .oauthClient(clientId, clientSecret, Set.of(SCOPE), Map.of(KEY_ALIAS, certificate))
        .basicUser(USERNAME, basicPassword);
  }

  public Path privateKeyFile() {
    return privateKeyFile;
  }

  public Path certificateFile() {
    return certificateFile;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public String x5t() {
    return x5t;
  }

  public String issuer() {
    return ISSUER;
  }

  public String username() {
    return USERNAME;
  }

  public String keyAlias() {
    return KEY_ALIAS;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String scope() {
    return SCOPE;
  }

  public String basicPassword() {
    return basicPassword;
  }

  /**
   * fusion-jdbc connection properties that log in as this identity with {@code auth=jwt}, the recommended mode (the
   * driver signs with the key, the emulator verifies against the trusted certificate). Plain strings: the emulator
   * does not depend on the driver.
   */
  public java.util.Properties jwtConnectionProperties() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("auth", "jwt");
    p.setProperty("user", USERNAME);
    p.setProperty("issuer", ISSUER);
    p.setProperty("privateKeyFile", privateKeyFile.toString());
    p.setProperty("certificateFile", certificateFile.toString());
    return p;
  }

  /** fusion-jdbc connection properties for {@code auth=basic} as this identity. */
  public java.util.Properties basicConnectionProperties() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("auth", "basic");
    p.setProperty("user", USERNAME);
    p.setProperty("password", basicPassword);
    return p;
  }

  /** fusion-jdbc connection properties for {@code auth=oauth} against the identity domain at {@code identityDomainUrl}. */
  public java.util.Properties oauthConnectionProperties(String identityDomainUrl) {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("auth", "oauth");
    p.setProperty("user", USERNAME);
    p.setProperty("identityDomainUrl", identityDomainUrl);
    p.setProperty("clientId", clientId);
    p.setProperty("clientSecret", clientSecret);
    p.setProperty("scope", SCOPE);
    p.setProperty("keyAlias", KEY_ALIAS);
    p.setProperty("privateKeyFile", privateKeyFile.toString());
    return p;
  }

  /**
   * The settings a client needs, one per line, secrets included: for a CLI to print to its own console
   * when asked to run the demo, never for a log.
   */
  public String printableSettingsWithSecrets() {
    return String.join(System.lineSeparator(),
        "Fusion JWT (trusted issuer):",
        "  issuer           " + ISSUER,
        "  username         " + USERNAME,
        "  private key      " + privateKeyFile,
        "  certificate      " + certificateFile,
        "  x5t              " + x5t,
        "Identity-domain OAuth (POST /oauth2/v1/token, JWT-bearer):",
        "  client id        " + clientId,
        "  client secret    " + clientSecret,
        "  key alias (kid)  " + KEY_ALIAS,
        "  scope            " + SCOPE,
        "HTTP Basic:",
        "  username         " + USERNAME,
        "  password         " + basicPassword);
  }

  @Override
  public String toString() {
    return "DemoCredentials[privateKeyFile=" + privateKeyFile + ", certificateFile=" + certificateFile
        + ", x5t=" + x5t + ", issuer=" + ISSUER + ", username=" + USERNAME + ", keyAlias=" + KEY_ALIAS
        + ", clientId=" + clientId + ", clientSecret=****, scope=" + SCOPE + ", basicPassword=****]";
  }
}
