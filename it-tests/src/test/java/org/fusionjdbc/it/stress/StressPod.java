package org.fusionjdbc.it.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthResult;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.Authenticator;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * One emulated pod per stress suite, all trusting one freshly generated demo identity (real JWT, OAuth, Basic and
 * bearer checks). Each suite starts its own emulator with the options it needs (row count, token lifetime, faults)
 * and closes it, so fault plans and inserted rows never leak from one suite into another. The REST authenticator is
 * wrapped to count the distinct credentials a pod saw: with a token lifetime of seconds that is the renewal count.
 */
final class StressPod implements AutoCloseable {
  private static DemoCredentials credentials;
  private static String privateKeyPem;

  final FusionEmulator emulator;
  final AuthService auth;
  private final Set<String> credentialsSeen = ConcurrentHashMap.newKeySet();

  private StressPod(Consumer<AuthSettings.Builder> authTweaks, Consumer<EmulatorOptions.Builder> options) {
    DemoCredentials id = identity();
    AuthSettings.Builder settings = id.applyTo(AuthSettings.builder());
    authTweaks.accept(settings);
    this.auth = AuthService.create(settings.build());
    Authenticator real = auth.authenticator();
    Authenticator counting = header -> {
      AuthResult r = real.authenticate(header);
      if (r.accepted() && header != null) {
        credentialsSeen.add(sha256(header)); // a digest: the test never holds more copies of a token than needed
      }
      return r;
    };
    EmulatorOptions.Builder b = EmulatorOptions.builder().rows(2_000).authService(auth).authenticator(counting);
    options.accept(b);
    this.emulator = FusionEmulator.start(b.build());
  }

  static StressPod start(Consumer<EmulatorOptions.Builder> options) {
    return new StressPod(a -> { }, options);
  }

  static StressPod start(Consumer<AuthSettings.Builder> authTweaks, Consumer<EmulatorOptions.Builder> options) {
    return new StressPod(authTweaks, options);
  }

  static synchronized DemoCredentials identity() {
    if (credentials == null) {
      try {
        Path dir = Files.createTempDirectory("fusion-stress-keys");
        dir.toFile().deleteOnExit();
        credentials = DemoCredentials.generate(dir);
        credentials.privateKeyFile().toFile().deleteOnExit();
        credentials.certificateFile().toFile().deleteOnExit();
        privateKeyPem = Files.readString(credentials.privateKeyFile(), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return credentials;
  }

  static synchronized String privateKeyPem() {
    identity();
    return privateKeyPem;
  }

  /** Distinct accepted Authorization headers this pod has seen (1 = never renewed). */
  int distinctCredentials() {
    return credentialsSeen.size();
  }

  String url(String extra) {
    return "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false" + (extra.isEmpty() ? "" : "&" + extra);
  }

  Connection connect(String mode, String extra) throws SQLException {
    return DriverManager.getConnection(url(extra), props(mode));
  }

  Connection connect(String mode) throws SQLException {
    return connect(mode, "");
  }

  Properties props(String mode) {
    DemoCredentials id = identity();
    Properties p = new Properties();
    switch (mode) {
      case "jwt" -> {
        p.setProperty("auth", "jwt");
        p.setProperty("user", id.username());
        p.setProperty("issuer", id.issuer());
        p.setProperty("privateKeyFile", id.privateKeyFile().toString());
        p.setProperty("certificateFile", id.certificateFile().toString());
      }
      case "oauth" -> {
        p.setProperty("auth", "oauth");
        p.setProperty("user", id.username());
        p.setProperty("identityDomainUrl", emulator.baseUrl());
        p.setProperty("clientId", id.clientId());
        p.setProperty("clientSecret", id.clientSecret());
        p.setProperty("scope", id.scope());
        p.setProperty("keyAlias", id.keyAlias());
        p.setProperty("privateKeyFile", id.privateKeyFile().toString());
      }
      case "basic" -> {
        p.setProperty("auth", "basic");
        p.setProperty("user", id.username());
        p.setProperty("password", id.basicPassword());
      }
      case "bearer" -> {
        p.setProperty("auth", "bearer");
        p.setProperty("accessToken", auth.mintRelayToken(id.username(), Duration.ofHours(1)));
      }
      default -> throw new IllegalArgumentException("unknown auth mode " + mode);
    }
    return p;
  }

  /** Sequence number of the latest journal entry (0 when empty): "requests since" for measured figures. */
  long lastSeq() {
    var last = emulator.journal().last();
    return last == null ? 0 : last.seq();
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      long n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  static List<String> modes() {
    return List.of("jwt", "oauth", "basic", "bearer");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
