package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import org.fusionjdbc.emulator.data.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One million invoices: pages cost O(page), judged by the rows-examined counter, never by the clock. */
class BigDataTest {
  static FusionEmulator emu;
  static String api;
  static Table invoices;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(1_000_000).build());
    api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/invoices";
    invoices = emu.data().table("invoices");
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  private static long examined() {
    return emu.journal().last().rowsExamined();
  }

  @Test
  void firstPageAndDeepOffsetPageAreBothOPage() {
    JsonNode first = Http.ok(api + "?limit=500&orderBy=InvoiceId:asc&onlyData=true", 4);
    assertThat(first.get("count").asInt()).isEqualTo(500);
    assertThat(examined()).isLessThanOrEqualTo(501);
    JsonNode deep = Http.ok(api + "?limit=500&offset=900000&orderBy=InvoiceId:asc&onlyData=true&totalResults=true", 4);
    assertThat(examined()).isLessThanOrEqualTo(501);
    assertThat(deep.get("items").get(0).get("InvoiceId").asLong()).isEqualTo(invoices.keyAt(900_000));
    assertThat(deep.get("totalResults").asLong()).isEqualTo(1_000_000);
    JsonNode tail = Http.ok(api + "?limit=500&offset=999900&onlyData=true", 4);
    assertThat(tail.get("count").asInt()).isEqualTo(100);
    assertThat(tail.get("hasMore").asBoolean()).isFalse();
    JsonNode desc = Http.ok(api + "?limit=5&orderBy=InvoiceId:desc&onlyData=true", 4);
    assertThat(desc.get("items").get(0).get("InvoiceId").asLong()).isEqualTo(invoices.keyAt(999_999));
    assertThat(examined()).isLessThanOrEqualTo(6);
  }

  @Test
  void keysetPageDeepInTheKeyRangeSeeksStraightThere() {
    long after = invoices.keyAt(950_000);
    String q = "InvoiceId > " + after + " and InvoiceAmount > 100";
    JsonNode page = Http.ok(api + "?limit=500&orderBy=InvoiceId:asc&onlyData=true&q=" + enc(q), 4);
    assertThat(page.get("count").asInt()).isEqualTo(500);
    assertThat(page.get("items").get(0).get("InvoiceId").asLong()).isGreaterThan(after);
    assertThat(examined()).isLessThan(1_000);
    long last = page.get("items").get(499).get("InvoiceId").asLong();
    Http.ok(api + "?limit=500&orderBy=InvoiceId:asc&onlyData=true&q=" + enc("InvoiceId > " + last
        + " and InvoiceAmount > 100"), 4);
    assertThat(examined()).isLessThan(1_000);
  }

  @Test
  void filteredOffsetPagingComputesMatchesOnceThenServesPagesFromCache() {
    String q = enc("InvoiceId < " + invoices.keyAt(50_000) + " and InvoiceCurrency = 'EUR'");
    Http.ok(api + "?limit=200&offset=200&onlyData=true&q=" + q, 4);
    assertThat(examined()).isLessThanOrEqualTo(50_000);
    Http.ok(api + "?limit=200&offset=400&onlyData=true&q=" + q, 4);
    assertThat(examined()).isZero();
  }

  @Test
  void anOffsetWithinAKeyRangeJumpsAndNestedKeyBoundsNarrowTheRange() {
    String from = enc("InvoiceId >= " + invoices.keyAt(400_000));
    JsonNode page = Http.ok(api + "?limit=500&offset=20000&orderBy=InvoiceId:asc&onlyData=true&q=" + from, 4);
    assertThat(page.get("items").get(0).get("InvoiceId").asLong()).isEqualTo(invoices.keyAt(420_000));
    assertThat(examined()).isLessThanOrEqualTo(501);
    // the last page of a bounded range, its bounds in nested ands: the scan stops at the range's end
    String nested = enc("(InvoiceId > " + invoices.keyAt(500_000) + " and InvoiceId < " + invoices.keyAt(500_100)
        + ") and InvoiceId > " + invoices.keyAt(500_049));
    JsonNode tail = Http.ok(api + "?limit=500&orderBy=InvoiceId:asc&onlyData=true&q=" + nested, 4);
    assertThat(tail.get("count").asInt()).isEqualTo(50);
    assertThat(tail.get("hasMore").asBoolean()).isFalse();
    assertThat(examined()).isLessThanOrEqualTo(51);
  }
}
