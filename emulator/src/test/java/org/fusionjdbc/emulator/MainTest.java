package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: options, errors, and a demo identity that really authenticates. */
class MainTest {
  @TempDir
  Path dir;

  @Test
  void parsesOptions() {
    Main.Parsed p = Main.parse(new String[] {"--port", "0", "--rows", "100_000", "--latency-ms", "50", "--permissive",
        "--framework", "4", "--max-limit", "499"});
    EmulatorOptions o = p.options();
    assertThat(o.port()).isZero();
    assertThat(o.rows()).isEqualTo(100_000);
    assertThat(o.latencyMs()).isEqualTo(50);
    assertThat(o.permissive()).isTrue();
    assertThat(o.defaultFrameworkVersion()).isEqualTo(4);
    assertThat(o.maxLimit()).isEqualTo(499);
    assertThat(o.openAuth()).isTrue();
    assertThat(Main.parse(new String[] {"--help"}).help()).isTrue();
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--rows", "many"})).hasMessageContaining("--rows needs an integer");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> Main.parse(new String[] {"--nope", "1"})).hasMessageContaining("unknown option --nope");
    assertThatThrownBy(() -> Main.parse(new String[] {"--basic-user", "alice"})).hasMessageContaining("NAME:PASSWORD");
  }

  @Test
  void demoKeysAndBasicUsersAreVerified() {
    Main.Parsed p = Main.parse(new String[] {"--port", "0", "--rows", "10", "--demo-keys", dir.toString(),
        "--basic-user", "alice:s3cret"});
    try (FusionEmulator emu = FusionEmulator.start(p.options())) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      Main.printSettings(new PrintStream(buf, true, StandardCharsets.UTF_8), emu, p.demo());
      String printed = buf.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains(emu.baseUrl()).contains("CASEY.BROWN").contains("fusion-demo-key.pem");
      String url = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?limit=1";
      String alice = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, alice).statusCode()).isEqualTo(200);
      String demo = "Basic " + Base64.getEncoder().encodeToString(("CASEY.BROWN:" + p.demo().basicPassword())
          .getBytes(StandardCharsets.UTF_8));
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, demo).statusCode()).isEqualTo(200);
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, Http.AUTH).statusCode()).isEqualTo(401);
    }
  }
}
