package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Status codes and error bodies: 400 (v1-3 text, v4 o:errorDetails), 401, 404, 405. */
class ErrorsTest {
  static FusionEmulator emu;
  static String api;

  @BeforeAll
  static void start() {
    emu = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(200).build());
    api = emu.baseUrl() + "/fscmRestApi/resources/11.13.18.05/";
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Foo = 1", "invoiceAmount > 1", "Comments = 'x'", "InvoiceAmount = '10'",
      "InvoiceDate = 2020-01-01", "CreationDate > '2022-01-01'", "InvoiceCurrency = USD", "InvoiceAmount >",
      "InvoiceAmount > 1 and", "(InvoiceAmount > 1", "InvoiceAmount > 1)", "InvoiceAmount 5",
      "Supplier = 'unterminated", "PayAloneFlag = 'true'", "InvoiceAmount LIKE '1%'", "lines.Foo = 1",
      "InvoiceAmount = InvoiceId", "InvoiceDate = '2020-13-45'", "CreationDate > '2022-01-01T10:00:00'"})
  void badQueryIs400WithStructuredBodyInV4(String q) {
    HttpResponse<String> r = Http.get(api + "invoices?q=" + enc(q), 4);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.oracle.adf.error+json");
    JsonNode body = Http.parse(r.body());
    assertThat(body.get("title").asText()).isEqualTo("Bad Request");
    assertThat(body.get("status").isTextual()).isTrue();
    assertThat(body.get("status").asText()).isEqualTo("400");
    JsonNode d = body.get("o:errorDetails").get(0);
    assertThat(d.get("detail").asText()).isNotBlank();
    assertThat(d.get("o:errorCode").asText()).startsWith("JBO-");
    assertThat(d.has("o:errorPath")).isTrue();

    HttpResponse<String> v3 = Http.get(api + "invoices?q=" + enc(q), 3);
    assertThat(v3.statusCode()).isEqualTo(400);
    assertThat(v3.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(v3.body()).isEqualTo(d.get("detail").asText());
  }

  @Test
  void messagesSayWhatToFix() {
    assertThat(Http.get(api + "invoices?q=" + enc("InvoiceAmount > 1 )"), 3).body()).contains("position 19");
    assertThat(Http.get(api + "invoices?q=" + enc("Comments = 'x'"), 3).body()).contains("Comments")
        .contains("not queryable");
    assertThat(Http.get(api + "invoices?q=" + enc("invoiceAmount > 1"), 3).body()).contains("invoiceAmount")
        .contains("case-sensitive");
    assertThat(Http.get(api + "invoices?q=" + enc("CreationDate > '2022-01-01'"), 3).body()).contains("CreationDate")
        .contains("offset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=-1", "limit=abc", "offset=-5", "offset=1.5", "orderBy=Nope:asc",
      "orderBy=InvoiceId:up", "fields=InvoiceId,Nope", "fields=nope:A", "expand=nope", "finder=Nope;X=1",
      "finder=PrimaryKey;Nope=1", "finder=PrimaryKey", "q=" + "Comments%20%3D%201"})
  void badParametersAre400(String query) {
    assertThat(Http.get(api + "invoices?" + query, 4).statusCode()).isEqualTo(400);
  }

  @Test
  void frameworkHeaderOutsideOneToNineIs400() {
    for (String v : new String[] {"0", "10", "abc", ""}) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + "invoices")).header("REST-Framework-Version", v);
      assertThat(Http.send(b, null, Http.AUTH).statusCode()).as(v).isEqualTo(400);
    }
    assertThat(Http.get(api + "invoices?limit=1", 9).statusCode()).isEqualTo(200);
  }

  @Test
  void missingCredentialsAre401WithEmptyBody() {
    HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(api + "invoices")), 4, null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"fusion\"");
    assertThat(Http.send(HttpRequest.newBuilder(URI.create(api + "invoices/describe")), 4, "Negotiate abc")
        .statusCode()).isEqualTo(401);
    assertThat(emu.journal().last().authKind()).isEqualTo("none");
  }

  @Test
  void unknownThingsAre404() {
    assertThat(Http.get(api + "nope", 4).statusCode()).isEqualTo(404);
    assertThat(Http.get(api + "Invoices", 4).statusCode()).isEqualTo(404);
    assertThat(Http.get(api + "workers", 4).statusCode()).as("hcm resource under fscm").isEqualTo(404);
    assertThat(Http.get(api + "invoices/1", 4).statusCode()).isEqualTo(404);
    assertThat(Http.get(api + "invoices/abc", 4).statusCode()).isEqualTo(404);
    assertThat(Http.get(api + "invoices/300000047486514/child/nope", 4).statusCode()).isEqualTo(404);
    assertThat(Http.get(api + "invoices/300000047486514/child/invoiceLines/99", 4).statusCode()).isEqualTo(404);
    assertThat(Http.get(emu.baseUrl() + "/fscmRestApi/resources/11.13.18.04/invoices", 4).statusCode())
        .isEqualTo(404);
    HttpResponse<String> r = Http.get(api + "nope", 4);
    assertThat(Http.parse(r.body()).get("title").asText()).isEqualTo("Not Found");
  }

  @Test
  void writesAre405() {
    HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(api + "invoices"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")), 4, Http.AUTH);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
  }
}
