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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: options, errors, and a demo identity that really authenticates. */
class MainTest {
  @TempDir
  Path dir;

  /** For command lines with an auth option: generating a demo identity then would be a bug. */
  private static final Supplier<Path> NO_DEMO_DIR = () -> {
    throw new AssertionError("a demo identity was generated although an auth option was given");
  };

  private static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static String printed(FusionEmulator emu, Main.Parsed p) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Main.printSettings(new PrintStream(buf, true, StandardCharsets.UTF_8), emu, p.demo(), p.demoGenerated());
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parsesOptions() {
    Main.Parsed p = Main.parse(new String[] {"--port", "0", "--rows", "100_000", "--latency-ms", "50", "--permissive",
        "--framework", "4", "--max-limit", "7", "--child-limit", "3", "--hash-item-ids", "--basic-user", "alice:s3cret"},
        NO_DEMO_DIR);
    EmulatorOptions o = p.options();
    assertThat(o.port()).isZero();
    assertThat(o.rows()).isEqualTo(100_000);
    assertThat(o.latencyMs()).isEqualTo(50);
    assertThat(o.permissive()).isTrue();
    assertThat(o.defaultFrameworkVersion()).isEqualTo(4);
    assertThat(o.maxLimit()).isEqualTo(7);
    assertThat(o.childLimit()).isEqualTo(3);
    assertThat(o.hashItemIds()).isTrue();
    assertThat(o.authSettings().basicUsernames()).containsExactly("alice");
    assertThat(p.demo()).isNull();
    assertThat(p.demoGenerated()).isFalse();
    assertThat(Main.parse(new String[] {"--help"}, NO_DEMO_DIR).help()).isTrue();
    assertThat(Main.USAGE).doesNotContain("open mode").contains("demo identity is generated");
  }

  @Test
  void withoutAuthOptionsADemoIdentityIsGeneratedPrintedAndRequired() {
    Main.Parsed p = Main.parse(new String[] {"--port", "0", "--rows", "10"}, () -> dir);
    assertThat(p.demoGenerated()).isTrue();
    assertThat(p.demo().privateKeyFile()).exists().hasParent(dir);
    assertThat(p.demo().certificateFile()).exists().hasParent(dir);
    assertThat(p.options().authSettings().basicUsernames()).containsExactly("CASEY.BROWN");
    assertThat(p.options().authSettings().trustedIssuers()).containsKey(p.demo().issuer());
    try (FusionEmulator emu = FusionEmulator.start(p.options())) {
      String printed = printed(emu, p);
      assertThat(printed).contains("generated this demo identity into " + dir)
          .contains(p.demo().basicPassword()).contains(p.demo().clientId()).contains("fusion-demo-key.pem")
          .doesNotContain("open mode");
      String url = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?limit=1";
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, Http.AUTH).statusCode()).isEqualTo(401);
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("CASEY.BROWN:wrong")).statusCode())
          .isEqualTo(401);
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4,
          basic("CASEY.BROWN:" + p.demo().basicPassword())).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--rows", "many"}, NO_DEMO_DIR))
        .hasMessageContaining("--rows needs an integer");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"}, NO_DEMO_DIR)).hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> Main.parse(new String[] {"--nope", "1"}, NO_DEMO_DIR))
        .hasMessageContaining("unknown option --nope");
    assertThatThrownBy(() -> Main.parse(new String[] {"--basic-user", "alice"}, NO_DEMO_DIR))
        .hasMessageContaining("NAME:PASSWORD");
  }

  @Test
  void demoKeysAndBasicUsersAreVerified() {
    Main.Parsed p = Main.parse(new String[] {"--port", "0", "--rows", "10", "--demo-keys", dir.toString(),
        "--basic-user", "alice:s3cret"}, NO_DEMO_DIR);
    assertThat(p.demoGenerated()).isFalse();
    try (FusionEmulator emu = FusionEmulator.start(p.options())) {
      String printed = printed(emu, p);
      assertThat(printed).contains(emu.baseUrl()).contains("CASEY.BROWN").contains("fusion-demo-key.pem")
          .doesNotContain("generated this demo identity").doesNotContain("s3cret");
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
