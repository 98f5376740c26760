package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.fusionjdbc.emulator.rest.WireShapes;
import org.junit.jupiter.api.Test;

/** Options that change the wire: millis, totalResults jitter, default framework, limits; and validation. */
class OptionsTest {
  @Test
  void datetimeMillisAndDefaultFrameworkAndLimits() {
    EmulatorOptions o = EmulatorOptions.builder().basicUser("tester", "pw").rows(50).wireShapes(WireShapes.clean()).datetimeMillis(true).defaultFrameworkVersion(3)
        .defaultLimit(10).maxLimit(20).build();
    try (FusionEmulator emu = FusionEmulator.start(o)) {
      String api = emu.baseUrl() + "/fscmRestApi/resources/latest/invoices";
      JsonNode page = Http.ok(api + "?expand=invoiceLines", null);
      assertThat(page.get("limit").asInt()).isEqualTo(10);
      JsonNode item = page.get("items").get(0);
      assertThat(item.get("CreationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+00:00");
      assertThat(item.get("invoiceLines").isObject()).as("v3 default nests objects").isTrue();
      assertThat(Http.ok(api + "?limit=100", null).get("limit").asInt()).isEqualTo(20);
      // v3 default: q is row-match, so a QBE expression is a syntax error
      assertThat(Http.get(api + "?q=" + Http.enc("InvoiceAmount>10;InvoiceCurrency=USD"), null).statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void totalResultsJitterModelsAnEstimateButNeverBelowWhatWasSeen() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(1_000).totalResultsJitter(0.5)
        .build())) {
      String api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?totalResults=true&limit=500";
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        JsonNode p = Http.ok(api + "&offset=" + (i % 2 == 0 ? 0 : 900), 4);
        long total = p.get("totalResults").asLong();
        assertThat(total).isGreaterThanOrEqualTo(p.get("offset").asLong() + p.get("count").asLong());
        seen.add(total);
      }
      assertThat(seen).hasSizeGreaterThan(1);
    }
  }

  @Test
  void invalidOptionsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> EmulatorOptions.builder().rows(-1).build()).hasMessageContaining("rows");
    assertThatThrownBy(() -> EmulatorOptions.builder().defaultLimit(0).build()).hasMessageContaining("defaultLimit");
    assertThatThrownBy(() -> EmulatorOptions.builder().childLimit(0).build()).hasMessageContaining("childLimit");
    assertThatThrownBy(() -> EmulatorOptions.builder().defaultFrameworkVersion(10).build())
        .hasMessageContaining("defaultFrameworkVersion");
    assertThatThrownBy(() -> EmulatorOptions.builder().totalResultsJitter(2).build()).hasMessageContaining("totalResultsJitter");
    assertThat(EmulatorOptions.defaults().toString()).contains("rows=10000")
        .contains("auth=no users (every request is 401)");
    assertThat(EmulatorOptions.builder().basicUser("alice", "pa55-word-xyz").build().toString())
        .contains("alice").doesNotContain("pa55-word-xyz");
  }
}
