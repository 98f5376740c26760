package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Items, children, expand, finders, describe, catalog, version list and the contract's examples. */
class ResourcesTest {
  static FusionEmulator emu;
  static String api;
  static String hcm;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(500).build());
    api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/";
    hcm = emu.baseUrl() + "/hcmRestApi/resources/latest/";
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @Test
  void atLeastEightResourcesOverTwoPillars() {
    assertThat(emu.data().resourceNames("fscmRestApi")).contains("invoices", "suppliers", "purchaseOrders",
        "receivingReceiptRequests", "expenses");
    assertThat(emu.data().resourceNames("hcmRestApi")).contains("workers", "departments", "locations");
    for (String r : emu.data().resourceNames()) {
      String root = emu.data().table(r).root();
      JsonNode page = Http.ok(emu.baseUrl() + "/" + root + "/resources/11.13.18.05/" + r + "?limit=3", 4);
      assertThat(page.get("count").asInt()).as(r).isEqualTo(3);
    }
  }

  @Test
  void contractExampleRequests() {
    String q = "InvoiceAmount >= 1000 and InvoiceCurrency = 'USD'";
    JsonNode c = Http.ok(api + "invoices?q=" + enc(q) + "&orderBy=InvoiceId:asc&limit=500&offset=0&onlyData=true"
        + "&fields=InvoiceId,InvoiceNumber,InvoiceAmount,InvoiceDate", 4);
    assertThat(c.fieldNames()).toIterable().containsExactly("items", "count", "hasMore", "limit", "offset", "links");
    assertThat(c.get("items").get(0).fieldNames()).toIterable()
        .containsExactly("InvoiceId", "InvoiceNumber", "InvoiceAmount", "InvoiceDate");
    JsonNode f = Http.ok(api + "invoices?finder=PrimaryKey;InvoiceId=300000047486514", null);
    assertThat(f.get("count").asInt()).isEqualTo(1);
    assertThat(f.get("items").get(0).get("InvoiceId").asLong()).isEqualTo(300000047486514L);
    JsonNode w = Http.ok(emu.baseUrl() + "/hcmRestApi/resources/11.13.18.05/workers?q="
        + enc("names.FirstName like '%Ki%'") + "&totalResults=true&limit=4", 2);
    assertThat(w.get("count").asInt()).isEqualTo(4);
    assertThat(w.get("totalResults").asLong()).isGreaterThanOrEqualTo(4);
    JsonNode i = Http.ok(api + "invoices/300000047486514?expand=invoiceLines&onlyData=true", null);
    assertThat(i.get("InvoiceId").asLong()).isEqualTo(300000047486514L);
    assertThat(i.get("invoiceLines").isArray()).isTrue();
    assertThat(i.get("invoiceLines").size())
        .isEqualTo(emu.data().children("invoices", 300000047486514L, "invoiceLines").size());
    assertThat(i.has("links")).isFalse();
  }

  @Test
  void itemAndContentTypes() {
    HttpResponse<String> r = Http.get(api + "invoices/300000047486514", 4);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.oracle.adf.resourceitem+json");
    JsonNode item = Http.parse(r.body());
    Map<String, Object> row = emu.data().rows("invoices").get(0);
    assertThat(item.get("InvoiceNumber").asText()).isEqualTo(row.get("InvoiceNumber"));
    assertThat(item.get("InvoiceAmount").decimalValue()).isEqualByComparingTo((java.math.BigDecimal) row.get("InvoiceAmount"));
    assertThat(item.get("CreationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    assertThat(Http.get(api + "invoices", 4).headers().firstValue("Content-Type"))
        .hasValue("application/vnd.oracle.adf.resourcecollection+json");
  }

  @Test
  void idsAboveTwoToTheFiftyThreeSurviveAsExactNumbers() {
    JsonNode po = Http.ok(api + "purchaseOrders?limit=1", 4).get("items").get(0);
    assertThat(po.get("POHeaderId").isIntegralNumber()).isTrue();
    assertThat(po.get("POHeaderId").asLong()).isEqualTo(9_007_199_254_740_993L);
    assertThat(Http.ok(api + "purchaseOrders/9007199254740993", 4).get("OrderNumber").asText()).isEqualTo("PO100000");
    JsonNode viaQ = Http.ok(api + "purchaseOrders?q=" + enc("POHeaderId = 9007199254740996"), 4);
    assertThat(viaQ.get("items").get(0).get("POHeaderId").asLong()).isEqualTo(9_007_199_254_740_996L);
  }

  @Test
  void compositeKeysAreMintedHexAndOnlyMintedOnesWork() {
    JsonNode w = Http.ok(hcm + "workers?limit=1", 4).get("items").get(0);
    String self = w.get("links").get(0).get("href").asText();
    String id = self.substring(self.lastIndexOf('/') + 1);
    assertThat(id).startsWith("00020000000EACED0005").matches("[0-9A-F]+");
    assertThat(id).isEqualTo(emu.data().itemId("workers", w.get("PersonId").asLong()));
    JsonNode item = Http.ok(self, 4);
    assertThat(item.get("PersonId").asLong()).isEqualTo(w.get("PersonId").asLong());
    assertThat(Http.get(hcm + "workers/" + w.get("PersonId").asLong(), 4).statusCode()).isEqualTo(404);
    String forged = id.substring(0, id.length() - 1) + (id.endsWith("0") ? "1" : "0");
    assertThat(Http.get(hcm + "workers/" + forged, 4).statusCode()).isEqualTo(404);
    JsonNode names = Http.ok(self + "/child/names", 4);
    assertThat(names.get("items").get(0).get("LastName").asText())
        .isEqualTo(emu.data().children("workers", w.get("PersonId").asLong(), "names").get(0).get("LastName"));
    JsonNode pk = Http.ok(hcm + "workers?finder=" + enc("PrimaryKey;PersonId=" + w.get("PersonId").asLong()
        + ",EffectiveStartDate=" + w.get("EffectiveStartDate").asText()), 4);
    assertThat(pk.get("count").asInt()).isEqualTo(1);
  }

  @Test
  void childCollectionsAndExpandByFrameworkVersion() {
    long id = (Long) emu.data().rows("invoices").get(7).get("InvoiceId");
    List<Map<String, Object>> lines = emu.data().children("invoices", id, "invoiceLines");
    JsonNode c = Http.ok(api + "invoices/" + id + "/child/invoiceLines?totalResults=true", 4);
    assertThat(c.get("count").asInt()).isEqualTo(lines.size());
    assertThat(c.get("totalResults").asInt()).isEqualTo(lines.size());
    assertThat(Oracle.keys(c.get("items"), "LineNumber", JsonNode::asLong)).isEqualTo(Oracle.keys(lines, "LineNumber"));
    JsonNode one = Http.ok(api + "invoices/" + id + "/child/invoiceLines/1", 4);
    assertThat(one.get("LineNumber").asLong()).isEqualTo(1);
    JsonNode filtered = Http.ok(api + "invoices/" + id + "/child/invoiceLines?q=" + enc("LineNumber > 1")
        + "&orderBy=LineNumber:desc", 4);
    assertThat(filtered.get("count").asInt()).isEqualTo(lines.size() - 1);

    JsonNode v2 = Http.ok(api + "invoices?limit=3&expand=all", 2);
    assertThat(v2.get("items").get(0).get("invoiceLines").isArray()).isTrue();
    JsonNode v3 = Http.ok(api + "invoices?limit=3&expand=invoiceLines", 3);
    JsonNode nested = v3.get("items").get(0).get("invoiceLines");
    assertThat(nested.isObject()).isTrue();
    assertThat(nested.fieldNames()).toIterable().containsExactly("items", "count", "hasMore", "limit", "offset", "links");
    assertThat(nested.get("count").asInt()).isEqualTo(nested.get("items").size());
    JsonNode projected = Http.ok(api + "invoices?limit=2&fields=InvoiceId;invoiceLines:LineAmount&onlyData=true", 3);
    assertThat(projected.get("items").get(0).fieldNames()).toIterable().containsExactly("InvoiceId", "invoiceLines");
    assertThat(projected.get("items").get(0).get("invoiceLines").get("items").get(0).fieldNames()).toIterable()
        .containsExactly("LineAmount");
  }

  @Test
  void namedFinders() {
    Map<String, Object> row = emu.data().rows("invoices").get(3);
    JsonNode f = Http.ok(api + "invoices?finder=" + enc("invoiceSearch;InvoiceNumber=" + row.get("InvoiceNumber")), 4);
    assertThat(Oracle.keys(f.get("items"), "InvoiceId", JsonNode::asLong)).containsExactly(row.get("InvoiceId"));
  }

  @Test
  void describeHasTheContractShape() {
    HttpResponse<String> r = Http.get(api + "invoices/describe", 4);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode inv = Http.parse(r.body()).get("Resources").get("invoices");
    assertThat(inv.get("title").asText()).isEqualTo("Invoice");
    assertThat(inv.get("titlePlural").asText()).isEqualTo("Invoices");
    List<String> names = new ArrayList<>();
    for (JsonNode a : inv.get("attributes")) {
      names.add(a.get("name").asText());
      assertThat(a.get("type").asText()).isIn("string", "integer", "number", "date", "datetime", "boolean");
      assertThat(a.has("updatable") && a.has("mandatory") && a.has("queryable")).isTrue();
      if (a.get("type").asText().equals("string")) {
        assertThat(a.get("maxLength").isTextual()).as("maxLength is a string").isTrue();
      }
    }
    assertThat(names).startsWith("InvoiceId", "InvoiceNumber").contains("Comments");
    JsonNode comments = inv.get("attributes").get(names.indexOf("Comments"));
    assertThat(comments.get("queryable").asBoolean()).isFalse();
    JsonNode amount = inv.get("attributes").get(names.indexOf("InvoiceAmount"));
    assertThat(amount.get("scale").asInt()).isEqualTo(2);
    assertThat(inv.get("collection").get("rangeSize").asInt()).isEqualTo(25);
    JsonNode pk = inv.get("collection").get("finders").get(0);
    assertThat(pk.get("name").asText()).isEqualTo("PrimaryKey");
    assertThat(pk.get("attributes").get(0).get("name").asText()).isEqualTo("InvoiceId");
    JsonNode childLink = inv.get("item").get("links").get(2);
    assertThat(childLink.get("rel").asText()).isEqualTo("child");
    assertThat(childLink.get("cardinality").get("value").asText()).isEqualTo("1 to *");
    assertThat(inv.get("children").get("invoiceLines").get("attributes").size()).isEqualTo(7);
    JsonNode workers = Http.ok(hcm + "workers/describe", 4).get("Resources").get("workers");
    assertThat(workers.get("collection").get("finders").get(0).get("attributes").size()).isEqualTo(2);
  }

  @Test
  void catalogAndVersions() {
    JsonNode list = Http.ok(api + "describe?metadataMode=list", 4).get("Resources");
    assertThat(list.fieldNames()).toIterable().containsExactlyElementsOf(emu.data().resourceNames("fscmRestApi"));
    JsonNode minimal = Http.ok(hcm + "describe?metadataMode=minimal", 4).get("Resources");
    assertThat(minimal.get("workers").get("children").toString()).contains("names", "assignments");
    assertThat(Http.get(api + "describe", 4).statusCode()).isEqualTo(400);
    JsonNode crm = Http.ok(emu.baseUrl() + "/crmRestApi/resources/11.13.18.05/describe?metadataMode=list", 4);
    assertThat(crm.get("Resources").size()).isZero();
    JsonNode versions = Http.ok(emu.baseUrl() + "/fscmRestApi/resources/", null);
    JsonNode v = versions.get("items").get(0);
    assertThat(v.get("version").asText()).isEqualTo("11.13.18.05");
    assertThat(v.get("isLatest").asBoolean()).isTrue();
    assertThat(v.get("adf:extension").get("defaultFrameworkVersion").asText()).isEqualTo("1");
  }

  @Test
  void hostileValuesRoundTrip() {
    JsonNode r = Http.ok(api + "suppliers?q=" + enc("Supplier LIKE '%\\%'") + "&onlyData=true", 4);
    assertThat(r.get("items").get(0).get("Supplier").asText()).isEqualTo("Back\\Slash LLC");
    JsonNode q = Http.ok(api + "suppliers?q=" + enc("Supplier LIKE 'Quote \"Best\"%'") + "&onlyData=true", 4);
    assertThat(q.get("items").get(0).get("Supplier").asText()).isEqualTo("Quote \"Best\" Office");
    JsonNode emoji = Http.ok(api + "suppliers?q=" + enc("Supplier LIKE 'Rocket _ Logistics'"), 4);
    assertThat(emoji.get("count").asInt()).isEqualTo(1);
  }

  @Test
  void journalRecordsRequests() {
    emu.journal().clear();
    Http.ok(api + "invoices?q=" + enc("InvoiceAmount > 5") + "&limit=7", 4);
    var e = emu.journal().last();
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/fscmRestApi/resources/11.13.18.05/invoices");
    assertThat(e.param("q")).isEqualTo("InvoiceAmount > 5");
    assertThat(e.param("limit")).isEqualTo("7");
    assertThat(e.frameworkVersion()).isEqualTo(4);
    assertThat(e.authKind()).isEqualTo("basic");
    assertThat(e.principal()).isEqualTo("tester");
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.rows()).isEqualTo(7);
    assertThat(e.bytes()).isPositive();
  }
}
