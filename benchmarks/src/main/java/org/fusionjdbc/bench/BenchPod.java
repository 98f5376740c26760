package org.fusionjdbc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * An in-process emulator with real JWT/Basic verification and the demo identity, plus the driver URL and
 * Properties and the raw pager's Authorization header for it. Keys live in a temp directory removed on close.
 */
final class BenchPod implements AutoCloseable {
  private final Path keyDir;
  private final DemoCredentials credentials;
  private final FusionEmulator emulator;

  private BenchPod(Path keyDir, DemoCredentials credentials, FusionEmulator emulator) {
    this.keyDir = keyDir;
    this.credentials = credentials;
    this.emulator = emulator;
  }

  static BenchPod start(EmulatorOptions.Builder options) {
    try {
      Path dir = Files.createTempDirectory("fusion-bench-keys");
      DemoCredentials credentials = DemoCredentials.generate(dir);
      AuthService auth = AuthService.create(credentials.applyTo(AuthSettings.builder()).build());
      return new BenchPod(dir, credentials, FusionEmulator.start(options.authenticator(auth.authenticator()).build()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a key directory for the benchmark pod", e);
    }
  }

  FusionEmulator emulator() {
    return emulator;
  }

  /** {@code jdbc:fusion://127.0.0.1:<port>?ssl=false[&extra]}. */
  String url(String extra) {
    return "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false" + (extra.isEmpty() ? "" : "&" + extra);
  }

  /** Driver Properties for the signed-JWT path (the recommended mode). */
  Properties jwt() {
    return credentials.jwtConnectionProperties();
  }

  /** Driver Properties for Basic; the scan figures use Basic on both sides so auth costs the same. */
  Properties basic() {
    return credentials.basicConnectionProperties();
  }

  /** The Authorization header the raw pager sends (same user and password as {@link #basic()}). */
  String basicHeader() {
    String pair = credentials.username() + ":" + credentials.basicPassword();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    emulator.close();
    try (var files = Files.list(keyDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(keyDir);
    } catch (IOException e) {
      // a leftover temp directory is harmless; the keys in it are throwaway demo keys
    }
  }
}
