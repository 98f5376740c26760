package org.fusionjdbc.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * One emulated pod for the whole suite (started on first use, daemon threads, never stopped before the JVM ends):
 * real JWT, Basic, bearer and OAuth verification with a freshly generated demo identity; the emulator also serves
 * the identity domain's token endpoint, so auth=oauth makes a real JWT-bearer grant.
 * {@link CapturedOutput} is installed before anything else so every log line of the suite reaches the secret scan.
 */
final class Pod {
  /** Rows of the big resources (invoices, ...): large enough that an unlimited scan would take many pages. */
  static final int ROWS = 20_000;

  private static Pod instance;

  final CapturedOutput output;
  final DemoCredentials credentials;
  final AuthService auth;
  final FusionEmulator emulator;
  final String identityDomainUrl;
  final String bearerToken;
  final String privateKeyPem;

  private Pod() {
    this.output = CapturedOutput.install();
    ShadedDriver.check();
    try {
      Path dir = Files.createTempDirectory("fusion-it-keys");
      dir.toFile().deleteOnExit();
      this.credentials = DemoCredentials.generate(dir);
      this.privateKeyPem = Files.readString(credentials.privateKeyFile(), StandardCharsets.US_ASCII);
      credentials.privateKeyFile().toFile().deleteOnExit();
      credentials.certificateFile().toFile().deleteOnExit();
      this.auth = AuthService.create(credentials.applyTo(AuthSettings.builder()).build());
      this.emulator = start(EmulatorOptions.builder().rows(ROWS));
      // The emulator also serves the identity domain's POST /oauth2/v1/token, verified by the same AuthService.
      this.identityDomainUrl = emulator.baseUrl();
      this.bearerToken = auth.mintRelayToken(credentials.username(), Duration.ofHours(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another emulator (for example with latency) that trusts the same demo identity; the caller closes it. */
  FusionEmulator start(EmulatorOptions.Builder options) {
    return FusionEmulator.start(options.authService(auth).build());
  }

  static synchronized Pod get() {
    if (instance == null) {
      instance = new Pod();
    }
    return instance;
  }

  String url() {
    return url("");
  }

  String url(String extra) {
    return "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false" + (extra.isEmpty() ? "" : "&" + extra);
  }

  Connection connect(Properties p) throws SQLException {
    return DriverManager.getConnection(url(), p);
  }

  Properties props(String mode) {
    return switch (mode) {
      case "jwt" -> jwt();
      case "oauth" -> oauth();
      case "basic" -> basic();
      case "bearer" -> bearer();
      default -> throw new IllegalArgumentException(mode);
    };
  }

  Properties jwt() {
    return credentials.jwtConnectionProperties();
  }

  Properties oauth() {
    return credentials.oauthConnectionProperties(identityDomainUrl);
  }

  Properties basic() {
    return credentials.basicConnectionProperties();
  }

  Properties bearer() {
    Properties p = new Properties();
    p.setProperty("auth", "bearer");
    p.setProperty("accessToken", bearerToken);
    return p;
  }

  /** The secret values of this run, which must never appear in a log line, message or toString. */
  List<String> secrets() {
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    return List.of(credentials.clientSecret(), credentials.basicPassword(), bearerToken,
        // as they travel in Authorization: Basic headers (the pod's and the token endpoint's)
        b64.encodeToString((credentials.username() + ":" + credentials.basicPassword()).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString((credentials.clientId() + ":" + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8)));
  }
}
