package org.fusionjdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.fusionjdbc.emulator.testkit.TestIdentity;

/**
 * One emulated pod for the whole suite (started on first use, daemon threads, never stopped before the JVM ends),
 * the shared {@link EmulatedPod} with a freshly generated identity. {@link CapturedOutput} is installed before
 * anything else so every log line of the suite reaches the secret scan, and the shaded driver jar is checked first.
 */
final class Pod {
  /** Rows of the big resources (invoices, ...): large enough that an unlimited scan would take many pages. */
  static final int ROWS = 20_000;

  private static Pod instance;

  final CapturedOutput output;
  final EmulatedPod emulated;
  final DemoCredentials credentials;
  final FusionEmulator emulator;
  final String bearerToken;
  final String privateKeyPem;

  private Pod() {
    this.output = CapturedOutput.install();
    ShadedDriver.check();
    TestIdentity identity = TestIdentity.generate();
    this.emulated = EmulatedPod.start(identity, EmulatorOptions.builder().rows(ROWS));
    this.credentials = emulated.credentials;
    this.emulator = emulated.emulator;
    this.bearerToken = emulated.bearerToken();
    this.privateKeyPem = identity.privateKeyPem();
  }

  /** Another emulator (for example with latency) that trusts the same demo identity; the caller closes it. */
  FusionEmulator start(EmulatorOptions.Builder options) {
    return FusionEmulator.start(options.authService(emulated.auth).build());
  }

  static synchronized Pod get() {
    if (instance == null) {
      instance = new Pod();
    }
    return instance;
  }

  String url() {
    return emulated.url();
  }

  String url(String extra) {
    return emulated.url(extra);
  }

  Connection connect(Properties p) throws SQLException {
    return DriverManager.getConnection(url(), p);
  }

  Properties props(String mode) {
    return emulated.props(mode);
  }

  Properties jwt() {
    return emulated.jwt();
  }

  Properties oauth() {
    return emulated.oauth();
  }

  Properties basic() {
    return emulated.basic();
  }

  Properties bearer() {
    return emulated.bearer();
  }

  /** The secret values of this run, which must never appear in a log line, message or toString. */
  List<String> secrets() {
    return emulated.secrets();
  }
}
