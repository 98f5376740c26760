package org.fusionjdbc.emulator.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * A freshly generated demo identity (key pair, certificate, OAuth client, Basic password) that one or more
 * emulated pods trust. Generating an RSA key costs a moment, so suites share one identity among their pods.
 */
public final class TestIdentity {
  private final DemoCredentials credentials;

  private TestIdentity(DemoCredentials credentials) {
    this.credentials = credentials;
  }

  /** Writes the key files into {@code dir}, which the caller cleans up (a JUnit {@code @TempDir}, say). */
  public static TestIdentity generateIn(Path dir) {
    return new TestIdentity(DemoCredentials.generate(dir));
  }

  /** Writes the key files into a new temporary directory that is deleted when the JVM ends. */
  public static TestIdentity generate() {
    try {
      Path dir = Files.createTempDirectory("fusion-test-keys");
      dir.toFile().deleteOnExit(); // registered first, so deleted after the files in it
      TestIdentity id = generateIn(dir);
      id.credentials.privateKeyFile().toFile().deleteOnExit();
      id.credentials.certificateFile().toFile().deleteOnExit();
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DemoCredentials credentials() {
    return credentials;
  }

  /** The private key in PEM, as a user pastes it into the privateKey connection property. */
  public String privateKeyPem() {
    try {
      return Files.readString(credentials.privateKeyFile(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A verifier that trusts this identity for JWT, OAuth, Basic and relay tokens. */
  public AuthService authService() {
    return authService(settings -> { });
  }

  /** The same, with settings changed first (a clock, a token lifetime, no clock skew). */
  public AuthService authService(Consumer<AuthSettings.Builder> tweaks) {
    AuthSettings.Builder settings = credentials.applyTo(AuthSettings.builder());
    tweaks.accept(settings);
    return AuthService.create(settings.build());
  }
}
