package org.fusionjdbc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * {@code --demo}: a fresh RSA key pair and certificate, an embedded emulator that trusts them, and a connection
 * through the real JWT path (the driver signs, the emulator verifies). The keys live in a temporary directory
 * removed when the shell ends.
 */
final class DemoLauncher {
  private DemoLauncher() {
  }

  static Target start(PrintStream err) {
    Path dir;
    try {
      dir = Files.createTempDirectory("fusion-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the demo keys", e);
    }
    DemoCredentials credentials = DemoCredentials.generate(dir);
    AuthService auth = AuthService.create(credentials.applyTo(AuthSettings.builder()).build());
    FusionEmulator emulator = FusionEmulator.start(EmulatorOptions.builder().authenticator(auth.authenticator()).build());
    Properties p = new Properties();
    p.setProperty("auth", "jwt");
    p.setProperty("user", credentials.username());
    p.setProperty("issuer", credentials.issuer());
    p.setProperty("privateKeyFile", credentials.privateKeyFile().toString());
    p.setProperty("certificateFile", credentials.certificateFile().toString());
    String url = "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false";
    String banner = """
        fusion-jdbc demo: an emulated Fusion pod at %s, signed-JWT login as %s (issuer %s).
        Try:  select "InvoiceNumber", "InvoiceAmount" from fscm."invoices" where "InvoiceAmount" > 5000 limit 5;
              select count(*) from hcm."workers";   !tables   explain plan for select * from fscm."suppliers" where "SupplierId" = 1;
        """.formatted(emulator.baseUrl(), credentials.username(), credentials.issuer());
    return new Target(Optional.of(url), p, "fusion-demo", Optional.of(banner.stripTrailing()), () -> {
      emulator.close();
      deleteQuietly(dir);
    });
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind holds only demo keys
    }
  }
}
