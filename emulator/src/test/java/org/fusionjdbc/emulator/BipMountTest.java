package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.fusionjdbc.emulator.bip.BipService;
import org.junit.jupiter.api.Test;

/** BI Publisher is mounted on the emulator's server only when asked for, behind the same authentication. */
class BipMountTest {
  private static HttpRequest.Builder post(FusionEmulator emu, String body) {
    return HttpRequest.newBuilder(URI.create(emu.baseUrl() + BipService.SERVICE_PATH))
        .header("Content-Type", "application/soap+xml; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Test
  void mountedWithRestDataWhenEnabled() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(20).bipWithRestData().build())) {
      assertThat(emu.bip()).isNotNull();
      assertThat(Http.send(post(emu, "<x/>"), null, null).statusCode()).isEqualTo(401);
      int status = Http.send(post(emu, "<not-soap/>"), null, Http.AUTH).statusCode();
      assertThat(status).isNotIn(401, 404).isBetween(400, 599);
    }
  }

  @Test
  void absentByDefault() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(5).build())) {
      assertThat(emu.bip()).isNull();
      assertThat(Http.send(post(emu, "<x/>"), null, Http.AUTH).statusCode()).isEqualTo(404);
    }
  }
}
