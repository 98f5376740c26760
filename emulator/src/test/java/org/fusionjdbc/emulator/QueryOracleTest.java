package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filters, ordering and paging over HTTP, checked against plain Java streams over the same rows. */
class QueryOracleTest {
  static FusionEmulator emu;
  static List<Map<String, Object>> invoices;
  static String api;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(3_000).build());
    invoices = emu.data().rows("invoices");
    api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/";
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  /** Reads every page (offset paging, advance by count, stop on hasMore=false). */
  static ArrayNode fetchAll(String resource, String params, int framework) {
    ArrayNode all = Http.JSON.createArrayNode();
    int offset = 0;
    while (true) {
      JsonNode page = Http.ok(api + resource + "?limit=500&offset=" + offset + "&onlyData=true" + params, framework);
      assertThat(page.get("count").asInt()).isEqualTo(page.get("items").size());
      all.addAll((ArrayNode) page.get("items"));
      if (!page.get("hasMore").asBoolean()) {
        return all;
      }
      assertThat(page.get("count").asInt()).isPositive();
      offset += page.get("count").asInt();
    }
  }

  static Stream<Arguments> rowMatch() {
    return Stream.of(
        Arguments.of("InvoiceAmount >= 1000 and InvoiceCurrency = 'USD'",
            (Predicate<Map<String, Object>>) r -> Oracle.ge(r.get("InvoiceAmount"), "1000")
                && "USD".equals(r.get("InvoiceCurrency"))),
        Arguments.of("InvoiceCurrency != 'USD'", p(r -> !"USD".equals(r.get("InvoiceCurrency")))),
        Arguments.of("(InvoiceCurrency = 'EUR' or InvoiceCurrency = 'GBP') and InvoiceAmount < 500.5",
            p(r -> (r.get("InvoiceCurrency").equals("EUR") || r.get("InvoiceCurrency").equals("GBP"))
                && Oracle.lt(r.get("InvoiceAmount"), "500.5"))),
        Arguments.of("InvoiceAmount > 100 AND InvoiceAmount < 2000 Or InvoiceCurrency = 'JPY'",
            p(r -> Oracle.gt(r.get("InvoiceAmount"), "100") && Oracle.lt(r.get("InvoiceAmount"), "2000")
                || "JPY".equals(r.get("InvoiceCurrency")))),
        Arguments.of("Description LIKE '%_ surcharge'", p(r -> Oracle.like(r.get("Description"), "%_ surcharge"))),
        Arguments.of("Description like 'Part_no 12_34'", p(r -> Oracle.like(r.get("Description"), "Part_no 12_34"))),
        Arguments.of("Description LIKE '%ß%'", p(r -> Oracle.like(r.get("Description"), "%ß%"))),
        Arguments.of("Description LIKE '%🚀'", p(r -> Oracle.like(r.get("Description"), "%🚀"))),
        Arguments.of("Description LIKE '%\\%'", p(r -> Oracle.like(r.get("Description"), "%\\%"))),
        Arguments.of("Description LIKE '%50%%'", p(r -> Oracle.like(r.get("Description"), "%50%%"))),
        Arguments.of("Description like '%case%'", p(r -> Oracle.like(r.get("Description"), "%case%"))),
        Arguments.of("Supplier = 'Semi;Colon Partners'", p(r -> "Semi;Colon Partners".equals(r.get("Supplier")))),
        Arguments.of("Supplier LIKE 'Müller%'", p(r -> Oracle.like(r.get("Supplier"), "Müller%"))),
        Arguments.of("BusinessUnit = 'JP 事業部'", p(r -> "JP 事業部".equals(r.get("BusinessUnit")))),
        Arguments.of("Supplier > 'Z'", p(r -> ((String) r.get("Supplier")).compareTo("Z") > 0)),
        Arguments.of("InvoiceDate >= '2020-01-01' and InvoiceDate < '2020-03-01'",
            p(r -> Oracle.dateIn(r.get("InvoiceDate"), "2020-01-01", "2020-03-01"))),
        Arguments.of("CreationDate > '2022-06-01T12:00:00Z'",
            p(r -> Oracle.after(r.get("CreationDate"), "2022-06-01T12:00:00Z"))),
        Arguments.of("CreationDate > '2022-06-01T12:00:00.000+02:00'",
            p(r -> Oracle.after(r.get("CreationDate"), "2022-06-01T12:00:00.000+02:00"))),
        Arguments.of("AmountPaid < 100", p(r -> Oracle.lt(r.get("AmountPaid"), "100"))),
        Arguments.of("Description != 'Catering'",
            p(r -> r.get("Description") != null && !r.get("Description").equals("Catering"))),
        Arguments.of("PayAloneFlag = true", p(r -> Boolean.TRUE.equals(r.get("PayAloneFlag")))),
        Arguments.of("CanceledFlag = 'Y'", p(r -> "Y".equals(r.get("CanceledFlag")))),
        Arguments.of("InvoiceId > 300000047490000 and InvoiceId <= 300000047495000.5 and InvoiceAmount > -1",
            p(r -> Oracle.gt(r.get("InvoiceId"), "300000047490000") && Oracle.le(r.get("InvoiceId"),
                "300000047495000.5"))),
        Arguments.of("InvoiceId = 300000047486514", p(r -> r.get("InvoiceId").equals(300000047486514L))),
        Arguments.of("InvoiceAmount < 0", p(r -> false)));
  }

  private static Predicate<Map<String, Object>> p(Predicate<Map<String, Object>> p) {
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowMatch")
  void rowMatchFilterMatchesOracle(String q, Predicate<Map<String, Object>> oracle) {
    List<Object> expected = Oracle.keys(invoices.stream().filter(oracle).toList(), "InvoiceId");
    if (!q.contains("< 0")) {
      assertThat(expected).as("the oracle must select something for the test to mean anything").isNotEmpty();
    }
    ArrayNode got = fetchAll("invoices", "&orderBy=InvoiceId:asc&q=" + enc(q), 4);
    assertThat(Oracle.keys(got, "InvoiceId", JsonNode::asLong)).isEqualTo(expected);
    JsonNode counted = Http.ok(api + "invoices?limit=1&totalResults=true&q=" + enc(q), 4);
    assertThat(counted.get("totalResults").asLong()).isEqualTo(expected.size());
  }

  static Stream<Arguments> qbe() {
    return Stream.of(
        Arguments.of("InvoiceAmount>=1000;InvoiceCurrency=USD",
            p(r -> Oracle.ge(r.get("InvoiceAmount"), "1000") && "USD".equals(r.get("InvoiceCurrency")))),
        Arguments.of("InvoiceAmount>=10 and <= 3000;InvoiceCurrency!=USD",
            p(r -> Oracle.ge(r.get("InvoiceAmount"), "10") && Oracle.le(r.get("InvoiceAmount"), "3000")
                && !"USD".equals(r.get("InvoiceCurrency")))),
        Arguments.of("Supplier Acme*", p(r -> Oracle.like(r.get("Supplier"), "Acme%"))),
        Arguments.of("Supplier Initech", p(r -> "Initech".equals(r.get("Supplier")))),
        Arguments.of("InvoiceDate>=2020-01-01 and <2020-02-01",
            p(r -> Oracle.dateIn(r.get("InvoiceDate"), "2020-01-01", "2020-02-01"))),
        Arguments.of("CreationDate>=2022-01-01", p(r -> Oracle.after(r.get("CreationDate"), "2021-12-31T23:59:59Z"))),
        Arguments.of("PayAloneFlag=true", p(r -> Boolean.TRUE.equals(r.get("PayAloneFlag")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qbe")
  void frameworkOneQueryByExampleMatchesOracle(String q, Predicate<Map<String, Object>> oracle) {
    List<Object> expected = Oracle.keys(invoices.stream().filter(oracle).toList(), "InvoiceId");
    assertThat(expected).isNotEmpty();
    assertThat(Oracle.keys(fetchAll("invoices", "&q=" + enc(q), 1), "InvoiceId", JsonNode::asLong))
        .isEqualTo(expected);
    // without the header the default framework (1) applies
    JsonNode page = Http.ok(api + "invoices?limit=500&onlyData=true&q=" + enc(q), null);
    assertThat(page.get("count").asInt()).isEqualTo(Math.min(500, expected.size()));
  }

  @Test
  void multiKeyOrderingWithNullsAndTiesInKeyOrder() {
    for (String[] spec : new String[][] {{"InvoiceCurrency", "asc", "InvoiceAmount", "desc"},
        {"Description", "desc", "InvoiceDate", "asc"}, {"AmountPaid", "asc", "Supplier", "asc"},
        {"Supplier", "desc", "CreationDate", "desc"}}) {
      Comparator<Map<String, Object>> c = Oracle.by(spec[0], spec[1].equals("desc"))
          .thenComparing(Oracle.by(spec[2], spec[3].equals("desc")));
      List<Object> expected = Oracle.keys(invoices.stream().sorted(c).toList(), "InvoiceId");
      String ob = spec[0] + ":" + spec[1] + "," + spec[2] + ":" + spec[3];
      assertThat(Oracle.keys(fetchAll("invoices", "&orderBy=" + ob, 4), "InvoiceId", JsonNode::asLong))
          .as(ob).isEqualTo(expected);
    }
    List<Object> desc = Oracle.keys(invoices.stream().sorted(Oracle.by("InvoiceId", true)).toList(), "InvoiceId");
    assertThat(Oracle.keys(fetchAll("invoices", "&orderBy=InvoiceId:desc&q=" + enc("InvoiceAmount > 25000"), 4),
        "InvoiceId", JsonNode::asLong)).isEqualTo(desc.stream().filter(k -> invoices.stream()
            .anyMatch(r -> r.get("InvoiceId").equals(k) && Oracle.gt(r.get("InvoiceAmount"), "25000"))).toList());
  }

  @Test
  void childAttributePathFiltersParents() {
    List<Map<String, Object>> workers = emu.data().rows("workers");
    List<Object> expected = workers.stream().filter(w -> emu.data()
            .children("workers", (Long) w.get("PersonId"), "names").stream()
            .anyMatch(n -> Oracle.like(n.get("FirstName"), "%Ki%")))
        .map(w -> w.get("PersonId")).toList();
    assertThat(expected).isNotEmpty();
    ArrayNode got = Http.JSON.createArrayNode();
    String hcm = emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/workers";
    int offset = 0;
    JsonNode page;
    do {
      page = Http.ok(hcm + "?q=" + enc("names.FirstName like '%Ki%'") + "&limit=500&offset=" + offset, 4);
      got.addAll((ArrayNode) page.get("items"));
      offset += page.get("count").asInt();
    } while (page.get("hasMore").asBoolean());
    assertThat(Oracle.keys(got, "PersonId", JsonNode::asLong)).isEqualTo(expected);
  }

  @Test
  void pagingEdges() {
    JsonNode def = Http.ok(api + "invoices", 4);
    assertThat(def.get("limit").asInt()).isEqualTo(25);
    assertThat(def.get("count").asInt()).isEqualTo(25);
    assertThat(def.get("hasMore").asBoolean()).isTrue();
    assertThat(def.get("offset").asInt()).isZero();
    assertThat(def.has("totalResults")).isFalse();
    assertThat(def.get("links").get(0).get("rel").asText()).isEqualTo("self");

    JsonNode clamped = Http.ok(api + "invoices?limit=1000", 4);
    assertThat(clamped.get("limit").asInt()).isEqualTo(500);
    assertThat(clamped.get("count").asInt()).isEqualTo(500);

    JsonNode past = Http.ok(api + "invoices?offset=3000&totalResults=true", 4);
    assertThat(past.get("items").size()).isZero();
    assertThat(past.get("hasMore").asBoolean()).isFalse();
    assertThat(past.get("totalResults").asLong()).isEqualTo(3000);

    JsonNode last = Http.ok(api + "invoices?offset=2990&limit=10", 4);
    assertThat(last.get("count").asInt()).isEqualTo(10);
    assertThat(last.get("hasMore").asBoolean()).isFalse();
    assertThat(last.get("items").get(9).get("InvoiceId").asLong()).isEqualTo(invoices.get(2999).get("InvoiceId"));

    JsonNode mid = Http.ok(api + "invoices?offset=1234&limit=3&orderBy=InvoiceId:desc", 4);
    assertThat(mid.get("items").get(0).get("InvoiceId").asLong())
        .isEqualTo(invoices.get(3000 - 1 - 1234).get("InvoiceId"));
  }

  @Test
  void fieldsOnlyDataAndLinks() {
    JsonNode r = Http.ok(api + "invoices?limit=2&fields=InvoiceAmount,InvoiceId", 4);
    JsonNode item = r.get("items").get(0);
    List<String> names = Stream.of(item.fieldNames()).flatMap(it -> {
      List<String> l = new java.util.ArrayList<>();
      it.forEachRemaining(l::add);
      return l.stream();
    }).collect(Collectors.toList());
    assertThat(names).containsExactly("InvoiceId", "InvoiceAmount", "links");
    assertThat(item.get("links").findValuesAsText("rel")).containsExactly("self", "canonical", "child");

    JsonNode only = Http.ok(api + "invoices?limit=2&onlyData=true", 4);
    assertThat(only.get("links").findValuesAsText("rel")).as("the collection's links survive onlyData")
        .containsExactly("self");
    assertThat(only.get("items").get(0).has("links")).isFalse();
    assertThat(only.get("items").get(0).size()).isEqualTo(17);

    JsonNode self = Http.ok(api + "invoices?limit=1&links=self", 4);
    assertThat(self.get("items").get(0).get("links").findValuesAsText("rel")).containsExactly("self");
    assertThat(Objects.requireNonNull(self.get("items").get(0).get("links").get(0).get("href")).asText())
        .isEqualTo(api + "invoices/" + invoices.get(0).get("InvoiceId"));
  }
}
