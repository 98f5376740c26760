package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real AuthService guards REST requests when settings are given; its identity domain is served too. */
class AuthWiringTest {
  @TempDir
  Path dir;

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void restRequestsAreVerifiedByTheAuthService() {
    DemoCredentials demo = DemoCredentials.generate(dir);
    EmulatorOptions options = EmulatorOptions.builder().rows(50)
        .authSettings(demo.applyTo(AuthSettings.builder()).build()).build();
    try (FusionEmulator emu = FusionEmulator.start(options)) {
      String url = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?limit=1";
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic(demo.username(), demo.basicPassword())).statusCode()).isEqualTo(200);
      assertThat(emu.journal().last().authKind()).isEqualTo("basic");
      assertThat(emu.journal().last().principal()).isEqualTo(demo.username());

      HttpResponse<String> wrong = Http.send(HttpRequest.newBuilder(URI.create(url)), 4,
          basic(demo.username(), "not-the-password"));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).isEmpty();
      assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"fusion\"");
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, "Bearer not.a.jwt").statusCode())
          .isEqualTo(401);
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, null).statusCode()).isEqualTo(401);

      String relay = emu.auth().mintRelayToken(demo.username(), Duration.ofMinutes(5));
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, "Bearer " + relay).statusCode())
          .isEqualTo(200);

      HttpResponse<String> jwks = Http.send(HttpRequest.newBuilder(URI.create(emu.baseUrl()
          + "/admin/v1/SigningCert/jwk")), null, null);
      assertThat(jwks.statusCode()).isEqualTo(200);
      assertThat(Http.parse(jwks.body()).get("keys").isArray()).isTrue();
      HttpResponse<String> token = Http.send(HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/oauth2/v1/token"))
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=nope")), null, null);
      assertThat(token.statusCode()).isBetween(400, 401);
    }
  }

  @Test
  void openModeIsTheDefaultWithoutAuthSettings() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().rows(5).build())) {
      String url = emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/departments?limit=1";
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("anyone", "x")).statusCode())
          .isEqualTo(200);
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, null).statusCode()).isEqualTo(401);
      assertThat(emu.options().openAuth()).isTrue();
    }
  }
}
