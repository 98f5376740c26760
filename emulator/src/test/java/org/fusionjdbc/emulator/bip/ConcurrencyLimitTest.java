package org.fusionjdbc.emulator.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Runs beyond the concurrency limit are turned away with the gateway's 503 page while one runs. */
class ConcurrencyLimitTest {

  @Test
  void aSecondRunWhileTheOnlySlotIsBusyGets503AndTheSlotIsFreedAfterwards() throws Exception {
    try (BipClient bip = new BipClient(BipOptions.builder().concurrencyLimit(1)
        .executionTimeout(Duration.ofMillis(800)).build())) {
      HttpRequest slow = HttpRequest.newBuilder(URI.create(bip.uri.toString()))
          .header("Content-Type", "application/soap+xml").header("Authorization", BipClient.basic())
          .POST(HttpRequest.BodyPublishers.ofString(BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH,
              BipClient.encodeSql("select max(a.x + b.x) from system_range(1, 100000) a, system_range(1, 100000) b"))))
          .build();
      HttpClient client = HttpClient.newHttpClient();
      boolean turnedAway = false;
      // the slow run may itself lose the race for the slot to a fast one; then try again
      for (int attempt = 0; attempt < 5 && !turnedAway; attempt++) {
        CompletableFuture<HttpResponse<String>> running = client.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100); // let it take the slot (not a timing assertion)
        while (!running.isDone() && !turnedAway) {
          HttpResponse<String> r = bip.sql("select 1 from dual");
          turnedAway = r.statusCode() == 503;
          if (turnedAway) {
            assertThat(r.body()).contains("<html");
          }
          Thread.sleep(10); // leave the CPU to the slow run
        }
        HttpResponse<String> slowResult = running.get();
        if (turnedAway) {
          assertThat(BipClient.faultText(slowResult)).contains("ORA-01013");
        }
      }
      assertThat(turnedAway).as("a run while the slot was busy was refused").isTrue();
      // the client has the slow run's answer a moment before the server's finally block frees the slot
      for (int poll = 0; poll < 50 && bip.sql("select 1 from dual").statusCode() == 503; poll++) {
        Thread.sleep(100);
      }
      assertThat(bip.query("select 1 one from dual").rows()).hasSize(1);
    }
  }
}
