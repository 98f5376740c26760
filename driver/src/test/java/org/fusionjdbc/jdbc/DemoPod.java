package org.fusionjdbc.jdbc;

import java.nio.file.Path;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/** An emulator with real JWT/Basic verification and the demo identity, plus the connection settings for it. */
final class DemoPod implements AutoCloseable {
  final FusionEmulator emulator;
  final DemoCredentials credentials;

  DemoPod(Path dir, EmulatorOptions.Builder options) {
    this.credentials = DemoCredentials.generate(dir);
    AuthService auth = AuthService.create(credentials.applyTo(AuthSettings.builder()).build());
    this.emulator = FusionEmulator.start(options.authenticator(auth.authenticator()).build());
  }

  String url(String extra) {
    return "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false" + (extra.isEmpty() ? "" : "&" + extra);
  }

  Properties jwt() {
    Properties p = new Properties();
    p.setProperty("auth", "jwt");
    p.setProperty("user", credentials.username());
    p.setProperty("issuer", credentials.issuer());
    p.setProperty("privateKeyFile", credentials.privateKeyFile().toString());
    p.setProperty("certificateFile", credentials.certificateFile().toString());
    return p;
  }

  Properties basic() {
    Properties p = new Properties();
    p.setProperty("auth", "basic");
    p.setProperty("user", credentials.username());
    p.setProperty("password", credentials.basicPassword());
    return p;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
