package org.fusionjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** HTTP Basic against the configured users (pods without MFA). */
class BasicAuthTest {

  private final Authenticator auth = AuthService.create(AuthSettings.builder()
      .basicUser("CASEY.BROWN", "s3cret:with:colons").user("NO.PASSWORD").build()).authenticator();

  private static String basic(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rightPasswordIsAccepted() {
    AuthResult r = auth.authenticate(basic("CASEY.BROWN:s3cret:with:colons"));
    assertThat(r.accepted()).as(r.failure()).isTrue();
    assertThat(r.principal()).isEqualTo("CASEY.BROWN");
    assertThat(r.kind()).isEqualTo("basic");
    assertThat(auth.authenticate(basic("CASEY.BROWN:s3cret:with:colons").replace("Basic", "basic")).accepted()).isTrue();
  }

  @Test
  void wrongPasswordUnknownUserAndMalformedAreRejectedWithoutEchoingThePassword() {
    AuthResult wrong = auth.authenticate(basic("CASEY.BROWN:guess"));
    assertThat(wrong.accepted()).isFalse();
    assertThat(wrong.failure()).doesNotContain("guess");
    assertThat(auth.authenticate(basic("NO.PASSWORD:")).accepted()).isFalse();
    assertThat(auth.authenticate(basic("MALLORY:s3cret:with:colons")).accepted()).isFalse();
    assertThat(auth.authenticate(basic("CASEY.BROWN")).failure()).contains("no ':'");
    assertThat(auth.authenticate("Basic %%%").failure()).contains("not base64");
  }
}
