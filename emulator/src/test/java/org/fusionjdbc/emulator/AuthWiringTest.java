package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AuthService always guards REST and BIP requests (no auth option = a pod with no users); its
 * identity domain is served too.
 */
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

  private static void assertRejected(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"fusion\"");
  }

  @Test
  void withoutAnAuthOptionThePodHasNoUsersAndEveryRequestIs401() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().rows(5).bipWithRestData().build())) {
      assertThat(emu.options().authSettings().users()).isEmpty();
      String relay = emu.auth().mintRelayToken("CASEY.BROWN", Duration.ofMinutes(5));
      String[] headers = {null, basic("anyone", "x"), Http.AUTH, basic("CASEY.BROWN", "Welcome1"),
          "Bearer not.a.jwt", "Bearer " + relay, "Negotiate abc"};
      String api = emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/";
      for (String header : headers) {
        for (String path : new String[] {"departments?limit=1", "departments/describe"}) {
          assertRejected(Http.send(HttpRequest.newBuilder(URI.create(api + path)), 4, header));
          assertThat(emu.journal().last().authKind()).isEqualTo("none");
        }
        HttpResponse<String> bip = Http.send(HttpRequest.newBuilder(URI.create(emu.baseUrl()
            + org.fusionjdbc.emulator.bip.BipService.SERVICE_PATH))
            .header("Content-Type", "application/soap+xml; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString("<x/>")), null, header);
        assertThat(bip.statusCode()).as("BIP with %s", header == null ? "no header" : header.split(" ")[0])
            .isEqualTo(401);
      }
    }
  }

  @Test
  void basicUserIsVerifiedAndAWrongPasswordIs401() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().rows(5).basicUser("tester", "pw")
        .basicUser("second", "other-pw").build())) {
      String url = emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/departments?limit=1";
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, Http.AUTH).statusCode()).isEqualTo(200);
      assertThat(emu.journal().last().authKind()).isEqualTo("basic");
      assertThat(emu.journal().last().principal()).isEqualTo("tester");
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("second", "other-pw")).statusCode())
          .isEqualTo(200);
      assertThat(emu.journal().last().principal()).isEqualTo("second");

      assertRejected(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("tester", "PW")));
      assertRejected(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("tester", "pw ")));
      assertRejected(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("tester", "other-pw")));
      assertRejected(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic("nobody", "pw")));
      assertRejected(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, "Bearer not.a.jwt"));
      assertThat(emu.journal().last().authKind()).isEqualTo("none");
    }
  }

  @Test
  void basicUserAddsToGivenAuthSettings() {
    DemoCredentials demo = DemoCredentials.generate(dir);
    EmulatorOptions options = EmulatorOptions.builder().rows(5)
        .authSettings(demo.applyTo(AuthSettings.builder()).build()).basicUser("tester", "pw").build();
    assertThat(options.authSettings().basicUsernames()).containsExactlyInAnyOrder(demo.username(), "tester");
    assertThat(options.authSettings().trustedIssuers()).containsKey(demo.issuer());
    assertThat(options.toBuilder().build().authSettings().basicUsernames())
        .containsExactlyInAnyOrder(demo.username(), "tester");
    // the same name again replaces the settings' password
    EmulatorOptions replaced = options.toBuilder().basicUser(demo.username(), "new-pw").build();
    try (FusionEmulator emu = FusionEmulator.start(replaced)) {
      String url = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?limit=1";
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, Http.AUTH).statusCode()).isEqualTo(200);
      assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)), 4, basic(demo.username(), "new-pw"))
          .statusCode()).isEqualTo(200);
      assertRejected(Http.send(HttpRequest.newBuilder(URI.create(url)), 4,
          basic(demo.username(), demo.basicPassword())));
    }
  }

  @Test
  void basicUserThatCannotTakeEffectIsRefused() {
    AuthService service = AuthService.create(AuthSettings.builder().build());
    assertThatThrownBy(() -> EmulatorOptions.builder().authService(service).basicUser("a", "b").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authService");
    assertThatThrownBy(() -> EmulatorOptions.builder().authenticator(service.authenticator()).basicUser("a", "b")
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("custom authenticator");
    assertThatThrownBy(() -> EmulatorOptions.builder().basicUser("alice", "").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alice");
    assertThatThrownBy(() -> EmulatorOptions.builder().basicUser(" ", "s3cret-xyz").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret-xyz");
  }
}
