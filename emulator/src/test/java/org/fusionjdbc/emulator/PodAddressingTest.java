package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The addressing and paging facts recorded from real pods: items keyed by opaque minted hex ids (the numeric
 * path is 404), expanded child pages capped per parent with their own hasMore and a self link that survives
 * onlyData, and the pod's page size (a cap, and 25 rows when no limit is asked).
 */
class PodAddressingTest {
  static FusionEmulator emu;
  static String api;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(300).hashItemIds(true)
        .childLimit(2).maxLimit(7).build());
    api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/";
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @Test
  void singleKeyItemsAreReachedOnlyThroughTheMintedIdTheyLinkTo() {
    JsonNode item = Http.ok(api + "invoices?limit=1", 4).get("items").get(0);
    long key = item.get("InvoiceId").asLong();
    String self = item.get("links").get(0).get("href").asText();
    String id = self.substring(self.lastIndexOf('/') + 1);
    assertThat(id).startsWith("00020000000EACED0005").matches("[0-9A-F]+").isEqualTo(emu.data().itemId("invoices", key));
    assertThat(Http.ok(self, 4).get("InvoiceId").asLong()).isEqualTo(key);
    assertThat(Http.get(api + "invoices/" + key, 4).statusCode()).as("numeric id path").isEqualTo(404);
    assertThat(Http.get(api + "invoices/" + key + "/child/invoiceLines", 4).statusCode()).isEqualTo(404);
    String forged = id.substring(0, id.length() - 1) + (id.endsWith("0") ? "1" : "0");
    assertThat(Http.get(api + "invoices/" + forged, 4).statusCode()).isEqualTo(404);
    assertThat(Http.ok(self + "/child/invoiceLines", 4).get("count").asInt())
        .isEqualTo(Math.min(7, emu.data().children("invoices", key, "invoiceLines").size()));
  }

  @Test
  void expandedChildPagesAreCappedAndLinkTheirOwnCollectionUnderOnlyData() {
    JsonNode page = Http.ok(api + "invoices?limit=7&expand=invoiceLines&onlyData=true", 4);
    assertThat(page.get("links").get(0).get("rel").asText()).isEqualTo("self");
    boolean sawMore = false;
    for (JsonNode item : page.get("items")) {
      assertThat(item.has("links")).isFalse();
      long key = item.get("InvoiceId").asLong();
      List<Map<String, Object>> lines = emu.data().children("invoices", key, "invoiceLines");
      JsonNode nested = item.get("invoiceLines");
      assertThat(nested.get("limit").asInt()).isEqualTo(2);
      assertThat(nested.get("count").asInt()).isEqualTo(Math.min(2, lines.size()));
      assertThat(nested.get("hasMore").asBoolean()).isEqualTo(lines.size() > 2);
      sawMore |= lines.size() > 2;
      String href = nested.get("links").get(0).get("href").asText();
      assertThat(href).isEqualTo(api + "invoices/" + emu.data().itemId("invoices", key) + "/child/invoiceLines");
      JsonNode rest = Http.ok(href + "?offset=2&limit=7", 4);
      assertThat(rest.get("count").asInt()).isEqualTo(Math.max(0, lines.size() - 2));
    }
    assertThat(sawMore).as("some parents need a follow-up").isTrue();
  }

  @Test
  void thePodDecidesThePageSize() {
    JsonNode capped = Http.ok(api + "invoices?limit=500&onlyData=true", 4);
    assertThat(capped.get("limit").asInt()).isEqualTo(7);
    assertThat(capped.get("count").asInt()).isEqualTo(7);
    assertThat(capped.get("hasMore").asBoolean()).isTrue();
    try (FusionEmulator plain = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(300)
        .build())) {
      JsonNode noLimit = Http.ok(plain.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices?onlyData=true&q="
          + enc("InvoiceAmount > 0"), 4);
      assertThat(noLimit.get("limit").asInt()).isEqualTo(25);
      assertThat(noLimit.get("count").asInt()).isEqualTo(25);
    }
  }
}
