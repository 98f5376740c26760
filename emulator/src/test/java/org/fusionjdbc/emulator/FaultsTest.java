package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fusionjdbc.emulator.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault, the load settings, and the admin endpoints that drive them from another process. */
class FaultsTest {
  static FusionEmulator emu;
  static String url;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(2_000).build());
    url = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?limit=300";
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.faults().reset();
  }

  @Test
  void scheduledStatusFaults() {
    emu.faults().retryAfterSeconds(2).failNext(Fault.THROTTLE_429, 1).failNext(Fault.UNAVAILABLE_503, 1)
        .failNext(Fault.ERROR_500, 1).failNext(Fault.HTML_200, 1);
    HttpResponse<String> r429 = Http.get(url, 4);
    assertThat(r429.statusCode()).isEqualTo(429);
    assertThat(r429.headers().firstValue("Retry-After")).hasValue("2");
    HttpResponse<String> r503 = Http.get(url, 4);
    assertThat(r503.statusCode()).isEqualTo(503);
    assertThat(r503.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r503.body()).contains("<html>");
    HttpResponse<String> r500 = Http.get(url, 4);
    assertThat(r500.statusCode()).isEqualTo(500);
    assertThat(r500.body()).isEmpty();
    HttpResponse<String> html = Http.get(url, 4);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).startsWith("<html>");
    assertThat(Http.get(url, 4).statusCode()).isEqualTo(200);
    assertThat(emu.journal().entries().stream().map(e -> e.fault()).filter(f -> f != null).toList())
        .containsSubsequence("THROTTLE_429", "UNAVAILABLE_503", "ERROR_500", "HTML_200");
  }

  @Test
  void bodyFaults() {
    String normal = Http.get(url, 4).body();
    long next = emu.journal().last().seq() + 1;
    emu.faults().failOn(Fault.MALFORMED_JSON, next).failOn(Fault.DROP_MID_BODY, next + 1)
        .failOn(Fault.SLOW_BODY, next + 2).slowBodyDelayMs(1);
    HttpResponse<String> bad = Http.get(url, 4);
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(normal).startsWith(bad.body());
    assertThatThrownBy(() -> Http.parse(bad.body())).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> Http.get(url, 4)).isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    HttpResponse<String> slow = Http.get(url, 4);
    assertThat(slow.body()).isEqualTo(normal);
    assertThat(emu.journal().last().fault()).isEqualTo("SLOW_BODY");
  }

  @Test
  void seededRatesProduceBothOutcomes() {
    emu.faults().unavailableRate(0.5);
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      codes.add(Http.get(url, 4).statusCode());
    }
    assertThat(codes).contains(200, 503).containsOnly(200, 503);
    emu.faults().reset().throttleRate(1.0);
    assertThat(Http.get(url, 4).statusCode()).isEqualTo(429);
  }

  @Test
  void concurrencyCapAnswers429WithRetryAfterOne() {
    emu.faults().maxConcurrent(1).latencyMs(300);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(Http.CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Http.AUTH)
          .build(), HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> done = calls.stream().map(CompletableFuture::join).toList();
    assertThat(done).anyMatch(r -> r.statusCode() == 200);
    assertThat(done).anyMatch(r -> r.statusCode() == 429
        && r.headers().firstValue("Retry-After").orElse("").equals("1"));
  }

  @Test
  void latencyPerRequestAndPerOffsetRow() {
    emu.faults().latencyMs(30).offsetCostMicrosPerRow(100);
    Http.ok(emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?limit=1&offset=1000", 4);
    // sleeping guarantees a lower bound: 30 ms + 1000 rows * 100 us
    assertThat(emu.journal().last().durationMs()).isGreaterThanOrEqualTo(130);
  }

  @Test
  void adminEndpoints() {
    String admin = emu.baseUrl() + "/__admin/";
    HttpResponse<String> plan = Http.send(HttpRequest.newBuilder(URI.create(admin + "faults"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"failNext\":[{\"fault\":\"ERROR_500\",\"count\":1}]}")), null, null);
    assertThat(plan.statusCode()).isEqualTo(204);
    assertThat(Http.get(url, 4).statusCode()).isEqualTo(500);
    assertThat(Http.send(HttpRequest.newBuilder(URI.create(admin + "faults"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"failNext\":[{\"fault\":\"NOPE\"}]}")), null, null).statusCode())
        .isEqualTo(400);
    Http.get(url + "&q=" + Http.enc("InvoiceAmount > 1"), 4);
    JsonNode journal = Http.parse(Http.send(HttpRequest.newBuilder(URI.create(admin + "journal")), null, null).body());
    JsonNode last = journal.get(journal.size() - 1);
    assertThat(last.get("params").get("q").asText()).isEqualTo("InvoiceAmount > 1");
    assertThat(last.get("status").asInt()).isEqualTo(200);
    assertThat(last.get("rows").asInt()).isEqualTo(300);
    assertThat(Http.send(HttpRequest.newBuilder(URI.create(admin + "journal/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()), null, null).statusCode()).isEqualTo(204);
    assertThat(emu.journal().entries()).isEmpty();
  }
}
