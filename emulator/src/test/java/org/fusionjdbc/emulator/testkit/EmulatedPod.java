package org.fusionjdbc.emulator.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * The tests' emulated pod: an embedded emulator that really verifies JWT, OAuth, Basic and bearer credentials of a
 * {@link TestIdentity} (it also serves the identity domain's token endpoint, so auth=oauth makes a real grant), and
 * the driver's JDBC URL and connection properties for each auth mode. Plain strings only: the fixture does not
 * depend on the driver, so suites that test the shaded jar keep only that jar on their class path.
 */
public final class EmulatedPod implements AutoCloseable {
  public final TestIdentity identity;
  public final DemoCredentials credentials;
  public final AuthService auth;
  public final FusionEmulator emulator;
  private String bearerToken;

  private EmulatedPod(TestIdentity identity, AuthService auth, EmulatorOptions.Builder options) {
    this.identity = identity;
    this.credentials = identity.credentials();
    this.auth = auth;
    this.emulator = FusionEmulator.start(options.authService(auth).build());
  }

  /** A pod with a fresh identity (key files deleted when the JVM ends). */
  public static EmulatedPod start(EmulatorOptions.Builder options) {
    return start(TestIdentity.generate(), options);
  }

  /** A pod with a fresh identity whose key files go into {@code keyDir}. */
  public static EmulatedPod start(java.nio.file.Path keyDir, EmulatorOptions.Builder options) {
    return start(TestIdentity.generateIn(keyDir), options);
  }

  /** A pod that trusts {@code identity}, which other pods of the suite may trust too. */
  public static EmulatedPod start(TestIdentity identity, EmulatorOptions.Builder options) {
    return start(identity, identity.authService(), options);
  }

  /** A pod whose credentials {@code auth} checks (built from {@code identity} with settings of the test's own). */
  public static EmulatedPod start(TestIdentity identity, AuthService auth, EmulatorOptions.Builder options) {
    return new EmulatedPod(identity, auth, options);
  }

  public String url() {
    return url("");
  }

  /** The driver's URL for this pod over plain HTTP, with {@code extra} ("name=value&...") appended. */
  public String url(String extra) {
    return url(emulator, extra);
  }

  /** The driver's URL for any emulator over plain HTTP, with {@code extra} ("name=value&...") appended. */
  public static String url(FusionEmulator emulator, String extra) {
    return "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false" + (extra.isEmpty() ? "" : "&" + extra);
  }

  /** Connection properties for an auth mode: jwt, oauth, basic or bearer. */
  public Properties props(String mode) {
    return switch (mode) {
      case "jwt" -> jwt();
      case "oauth" -> oauth();
      case "basic" -> basic();
      case "bearer" -> bearer();
      default -> throw new IllegalArgumentException("unknown auth mode " + mode);
    };
  }

  /** Every auth mode {@link #props(String)} knows. */
  public static List<String> authModes() {
    return List.of("jwt", "oauth", "basic", "bearer");
  }

  public Properties jwt() {
    return credentials.jwtConnectionProperties();
  }

  /** OAuth against the identity domain this pod also plays. */
  public Properties oauth() {
    return credentials.oauthConnectionProperties(emulator.baseUrl());
  }

  public Properties basic() {
    return credentials.basicConnectionProperties();
  }

  public Properties bearer() {
    Properties p = new Properties();
    p.setProperty("auth", "bearer");
    p.setProperty("accessToken", bearerToken());
    return p;
  }

  /** The pod's relay token for auth=bearer, minted on first use and valid for an hour. */
  public synchronized String bearerToken() {
    if (bearerToken == null) {
      bearerToken = auth.mintRelayToken(credentials.username(), Duration.ofHours(1));
    }
    return bearerToken;
  }

  /** The secret values of this pod, which must never appear in a log line, message or toString. */
  public List<String> secrets() {
    Base64.Encoder b64 = Base64.getEncoder();
    return List.of(credentials.clientSecret(), credentials.basicPassword(), bearerToken(),
        // as they travel in Authorization: Basic headers (the pod's and the token endpoint's)
        b64.encodeToString((credentials.username() + ":" + credentials.basicPassword()).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString((credentials.clientId() + ":" + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void close() {
    emulator.close();
  }
}
