package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.fusionjdbc.emulator.rest.WireShapes;
import org.junit.jupiter.api.Test;

/** data().insert/delete are visible to the next request (the overlay the consistency tests rely on). */
class MutationTest {
  @Test
  void insertAndDeleteAreVisible() {
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(100).wireShapes(WireShapes.clean()).build())) {
      String api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices";
      long key = emu.data().insert("invoices", Map.of("InvoiceNumber", "NEW-1", "InvoiceAmount",
          new BigDecimal("12.50"), "InvoiceCurrency", "USD"));
      assertThat(key).isGreaterThan(emu.data().table("invoices").keyAt(99));
      JsonNode last = Http.ok(api + "?offset=100&onlyData=true&totalResults=true", 4);
      assertThat(last.get("items").get(0).get("InvoiceNumber").asText()).isEqualTo("NEW-1");
      assertThat(last.get("totalResults").asLong()).isEqualTo(101);
      assertThat(Http.ok(api + "/" + key, 4).get("InvoiceAmount").decimalValue()).isEqualByComparingTo("12.50");

      long victim = emu.data().table("invoices").keyAt(10);
      assertThat(emu.data().delete("invoices", victim)).isTrue();
      assertThat(Http.get(api + "/" + victim, 4).statusCode()).isEqualTo(404);
      JsonNode page = Http.ok(api + "?offset=10&limit=1&onlyData=true&totalResults=true", 4);
      assertThat(page.get("items").get(0).get("InvoiceId").asLong()).isEqualTo(emu.data().table("invoices").keyAt(11));
      assertThat(page.get("totalResults").asLong()).isEqualTo(100);
      JsonNode filtered = Http.ok(api + "?limit=500&onlyData=true&q=" + Http.enc("InvoiceAmount > 0"), 4);
      assertThat(filtered.get("count").asInt()).isEqualTo(100);
      assertThat(emu.data().delete("invoices", victim)).isFalse();
      assertThatThrownBy(() -> emu.data().insert("invoices", Map.of("InvoiceId", 1L)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the current maximum");
      assertThatThrownBy(() -> emu.data().insert("invoices", Map.of("Nope", 1L)))
          .hasMessageContaining("unknown attribute 'Nope'");
    }
  }
}
