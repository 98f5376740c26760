package org.fusionjdbc.it.stress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.fusionjdbc.emulator.testkit.TestIdentity;

/**
 * One emulated pod ({@link EmulatedPod}) per stress suite, all trusting one freshly generated demo identity (real
 * JWT, OAuth, Basic and bearer checks). Each suite starts its own emulator with the options it needs (row count,
 * token lifetime, faults) and closes it, so fault plans and inserted rows never leak from one suite into another. The REST authenticator is
 * wrapped to count the distinct credentials a pod saw: with a token lifetime of seconds that is the renewal count.
 */
final class StressPod implements AutoCloseable {
  private static TestIdentity identity;

  final EmulatedPod emulated;
  final FusionEmulator emulator;
  final AuthService auth;
  private final Set<String> credentialsSeen = ConcurrentHashMap.newKeySet();

  private StressPod(Consumer<AuthSettings.Builder> authTweaks, Consumer<EmulatorOptions.Builder> options) {
    this.auth = sharedIdentity().authService(authTweaks);
    Authenticator real = auth.authenticator();
    Authenticator counting = header -> {
      AuthResult r = real.authenticate(header);
      if (r.accepted() && header != null) {
        credentialsSeen.add(sha256(header)); // a digest: the test never holds more copies of a token than needed
      }
      return r;
    };
    EmulatorOptions.Builder b = EmulatorOptions.builder().rows(2_000).authenticator(counting);
    options.accept(b);
    this.emulated = EmulatedPod.start(sharedIdentity(), auth, b);
    this.emulator = emulated.emulator;
  }

  static StressPod start(Consumer<EmulatorOptions.Builder> options) {
    return new StressPod(a -> { }, options);
  }

  static StressPod start(Consumer<AuthSettings.Builder> authTweaks, Consumer<EmulatorOptions.Builder> options) {
    return new StressPod(authTweaks, options);
  }

  private static synchronized TestIdentity sharedIdentity() {
    if (identity == null) {
      identity = TestIdentity.generate();
    }
    return identity;
  }

  static DemoCredentials identity() {
    return sharedIdentity().credentials();
  }

  static String privateKeyPem() {
    return sharedIdentity().privateKeyPem();
  }

  /** Distinct accepted Authorization headers this pod has seen (1 = never renewed). */
  int distinctCredentials() {
    return credentialsSeen.size();
  }

  String url(String extra) {
    return emulated.url(extra);
  }

  Connection connect(String mode, String extra) throws SQLException {
    return DriverManager.getConnection(url(extra), props(mode));
  }

  Connection connect(String mode) throws SQLException {
    return connect(mode, "");
  }

  Properties props(String mode) {
    return emulated.props(mode);
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
    return EmulatedPod.authModes();
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
