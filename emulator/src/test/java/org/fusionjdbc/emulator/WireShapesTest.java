package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusionjdbc.emulator.rest.WireShapes;
import org.junit.jupiter.api.Test;

/** The shapes recorded from real pods, and the discovery faults, each off by default. */
class WireShapesTest {

  private static FusionEmulator start(WireShapes shapes) {
    return FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(200).wireShapes(shapes)
        .build());
  }

  @Test
  void observedValuesAreTheSameDataInTheRecordedShapes() {
    try (FusionEmulator emu = start(WireShapes.clean().withObservedValues(true))) {
      JsonNode page = Http.ok(emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/workers?limit=200&onlyData=true", 4);
      List<Map<String, Object>> rows = emu.data().rows("workers");
      Set<String> datetimeShapes = new HashSet<>();
      Set<String> idShapes = new HashSet<>();
      for (int i = 0; i < page.get("items").size(); i++) {
        JsonNode item = page.get("items").get(i);
        Map<String, Object> expected = rows.get(i);
        // keys stay JSON numbers: a pod's key is what a client pages by
        assertThat(item.get("PersonId").isIntegralNumber()).isTrue();
        String created = item.get("CreationDate").asText();
        datetimeShapes.add((created.contains(".") ? "fraction" : "seconds") + (created.endsWith("-07:00") ? " -07:00"
            : created.endsWith("+00:00") ? " +00:00" : " other"));
        assertThat(OffsetDateTime.parse(created).toInstant())
            .isEqualTo(((OffsetDateTime) expected.get("CreationDate")).toInstant());
        assertThat(item.get("EffectiveEndDate").asText()).isEqualTo("4712-12-31");
      }
      assertThat(datetimeShapes).contains("fraction +00:00", "seconds +00:00", "fraction -07:00", "seconds -07:00");

      JsonNode assignments = Http.ok(emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/departments?limit=200"
          + "&onlyData=true", 4);
      List<Map<String, Object>> deps = emu.data().rows("departments");
      for (int i = 0; i < assignments.get("items").size(); i++) {
        JsonNode v = assignments.get("items").get(i).get("LocationId");
        Object expected = deps.get(i).get("LocationId");
        idShapes.add(v.getNodeType().name() + (v.isTextual() && v.asText().isEmpty() ? " empty" : ""));
        if (expected == null) {
          assertThat(v.isNull() || v.asText().isEmpty()).isTrue();
        } else {
          assertThat(new BigDecimal(v.asText())).isEqualByComparingTo(BigDecimal.valueOf((Long) expected));
        }
      }
      assertThat(idShapes).contains("NUMBER", "STRING");
    }
  }

  @Test
  void observedShapesAreTheDefaultAndCleanShapesOnRequest() {
    String path = "/hcmRestApi/resources/11.13.18.05/departments?limit=50&onlyData=true";
    try (FusionEmulator emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(50)
        .build())) {
      JsonNode page = Http.ok(emu.baseUrl() + path, 4);
      boolean varied = false;
      for (JsonNode item : page.get("items")) {
        varied |= item.get("LocationId").isTextual() || !item.get("CreationDate").asText().endsWith("+00:00")
            || item.get("CreationDate").asText().contains(".");
      }
      assertThat(varied).as("some value in a recorded shape by default").isTrue();
    }
    try (FusionEmulator emu = start(WireShapes.clean())) {
      JsonNode page = Http.ok(emu.baseUrl() + path, 4);
      for (JsonNode item : page.get("items")) {
        assertThat(item.get("LocationId").isTextual()).isFalse();
        assertThat(item.get("CreationDate").asText()).endsWith("+00:00").doesNotContain(".");
      }
    }
  }

  @Test
  void anUnreadableCatalogAndUnavailableFamilies() {
    WireShapes shapes = WireShapes.clean().withUnreadableCatalog(true).withFamilyStatus("hcmRestApi", 403)
        .withFamilyStatus("crmRestApi", 404);
    try (FusionEmulator emu = start(shapes)) {
      String fscm = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/";
      JsonNode catalog = Http.ok(fscm + "describe?metadataMode=list", 4);
      assertThat(catalog.has("Resources")).isFalse();
      assertThat(catalog.has("items")).isFalse();
      // the resources themselves still answer
      assertThat(Http.ok(fscm + "invoices/describe", 4).path("Resources").has("invoices")).isTrue();
      assertThat(Http.get(emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/describe?metadataMode=list", 4)
          .statusCode()).isEqualTo(403);
      assertThat(Http.get(emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/workers/describe", 4).statusCode())
          .isEqualTo(403);
      assertThat(Http.get(emu.baseUrl() + "/crmRestApi/resources/11.13.18.05/describe?metadataMode=list", 4)
          .statusCode()).isEqualTo(404);
      // bad credentials are still 401 first
      assertThat(Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/workers")).GET(), 4, null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void minimalDescribeHasNamesTypesKeysAndChildrenAsStringLengths() {
    try (FusionEmulator emu = start(WireShapes.clean())) {
      JsonNode d = Http.ok(emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/workers/describe?metadataMode=minimal",
          4).path("Resources").path("workers");
      assertThat(d.path("attributes").get(0).fieldNames()).toIterable().containsExactly("name", "type");
      assertThat(d.path("attributes").findValues("maxLength")).allMatch(JsonNode::isTextual).isNotEmpty();
      assertThat(d.path("collection").path("finders").get(0).path("attributes").findValuesAsText("name"))
          .containsExactly("PersonId", "EffectiveStartDate");
      assertThat(d.path("children").has("names")).isTrue();
      assertThat(d.has("item")).isFalse();
    }
  }

  @Test
  void familyStatusAcceptsOnlyKnownRootsAndDenials() {
    assertThatThrownBy(() -> WireShapes.clean().withFamilyStatus("nosuchApi", 404))
        .hasMessageContaining("nosuchApi");
    assertThatThrownBy(() -> WireShapes.clean().withFamilyStatus("hcmRestApi", 500)).hasMessageContaining("500");
  }
}
