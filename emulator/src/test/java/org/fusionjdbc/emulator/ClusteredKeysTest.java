package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code keyClusterGap}: the invoice ids form two dense clusters, and key ranges, items and children still agree. */
class ClusteredKeysTest {
  private static final long GAP = 200_000_000_000_000L;
  static FusionEmulator emu;
  static String api;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(1_000).keyClusterGap(GAP)
        .build());
    api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices";
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  private static List<Long> ids() {
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> r : emu.data().rows("invoices")) {
      ids.add((Long) r.get("InvoiceId"));
    }
    return ids;
  }

  @Test
  void theUpperHalfLiesTheGapAboveTheLowerHalf() {
    List<Long> ids = ids();
    assertThat(ids).hasSize(1_000).isSorted();
    assertThat(ids.get(500) - ids.get(499)).isEqualTo(GAP + 7);
    assertThat(ids.get(499) - ids.get(0)).isEqualTo(499 * 7L);
  }

  @Test
  void keyRangesOverTheGapAndInsideEachClusterReturnExactlyTheirRows() {
    List<Long> ids = ids();
    long[][] ranges = {
        {ids.get(0), ids.get(999) + 1}, {ids.get(499) + 1, ids.get(500)}, {ids.get(499) + 1, ids.get(500) + 1},
        {ids.get(400), ids.get(600)}, {ids.get(499) + GAP / 2, ids.get(700)}, {ids.get(10), ids.get(20)}};
    for (long[] r : ranges) {
      JsonNode page = Http.ok(api + "?limit=500&onlyData=true&fields=InvoiceId&totalResults=true&q="
          + enc("InvoiceId >= " + r[0] + " and InvoiceId < " + r[1]), 4);
      long expected = ids.stream().filter(v -> v >= r[0] && v < r[1]).count();
      assertThat(page.get("totalResults").asLong()).as(r[0] + ".." + r[1]).isEqualTo(expected);
      if (expected > 0) {
        assertThat(page.get("items").get(0).get("InvoiceId").asLong())
            .isEqualTo(ids.stream().filter(v -> v >= r[0]).findFirst().orElseThrow());
      }
    }
  }

  @Test
  void anItemOfTheUpperClusterIsFoundByItsKey() {
    long id = ids().get(750);
    JsonNode item = Http.ok(api + "/" + id + "?onlyData=true", 4);
    assertThat(item.get("InvoiceId").asLong()).isEqualTo(id);
    JsonNode lines = Http.ok(api + "/" + id + "/child/invoiceLines?onlyData=true", 4);
    assertThat(lines.get("items").size()).isPositive();
  }
}
