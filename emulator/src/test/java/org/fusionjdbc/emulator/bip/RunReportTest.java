package org.fusionjdbc.emulator.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** runReport of the proxy report over real HTTP: auth modes, SOAP versions, typed FJ1 results. */
class RunReportTest {

  private static BipClient bip;

  @BeforeAll
  static void start() {
    bip = new BipClient(BipOptions.defaults());
  }

  @AfterAll
  static void stop() {
    bip.close();
  }

  @Test
  void basicOverSoap12ReturnsTypedColumnsAndRowsOfAJoinAcrossBaseTables() {
    Fj1Result r = bip.query("select i.invoice_id, i.invoice_num, i.invoice_amount, i.invoice_date,"
        + " p.party_name from ap_invoices_all i join poz_suppliers s on s.vendor_id = i.vendor_id"
        + " join hz_parties p on p.party_id = s.party_id where i.invoice_num in ('INV-1001', 'INV-1004')"
        + " order by i.invoice_id");
    assertThat(r.names()).containsExactly("INVOICE_ID", "INVOICE_NUM", "INVOICE_AMOUNT", "INVOICE_DATE",
        "PARTY_NAME");
    assertThat(r.column("INVOICE_ID")).isEqualTo(new Fj1Result.Col("INVOICE_ID", "NUMBER", 18, 0, 22, false));
    assertThat(r.column("INVOICE_NUM")).isEqualTo(new Fj1Result.Col("INVOICE_NUM", "VARCHAR2", 0, 0, 50, false));
    assertThat(r.column("INVOICE_AMOUNT")).isEqualTo(new Fj1Result.Col("INVOICE_AMOUNT", "NUMBER", 0, -127, 22, true));
    assertThat(r.column("INVOICE_DATE").type()).isEqualTo("DATE");
    // invoice i: amount (i * 1000 + 250) / 10, vendor 1000 + (i % 5) + 1 -> party 9000 + (i % 5) + 1
    assertThat(r.rows()).containsExactly(
        List.of("300100000000001", "INV-1001", "125", "2024-01-04T00:00:00", "Bay Area Office Supply"),
        List.of("300100000000004", "INV-1004", "425", "2024-01-13T00:00:00", "O'Brien & Sons"));
  }

  @Test
  void bearerTokenIsAcceptedLikeRest() {
    String token = bip.auth.mintRelayToken(BipClient.USER, Duration.ofMinutes(5));
    HttpResponse<String> r = bip.post("application/soap+xml;charset=UTF-8", "Bearer " + token,
        BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, BipClient.encodeSql("select count(*) from poz_suppliers")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> ct.startsWith("application/soap+xml"));
    Fj1Result result = Fj1Result.parse(BipClient.resultText(r.body()));
    assertThat(result.rows()).containsExactly(List.of("5"));
    assertThat(result.columns().get(0).type()).isEqualTo("NUMBER");
    assertThat(bip.service.journal().last()).hasValueSatisfying(e -> assertThat(e.principal()).isEqualTo(BipClient.USER));
  }

  @Test
  void soap11EnvelopeGetsASoap11Answer() {
    HttpResponse<String> r = bip.post("text/xml; charset=UTF-8", BipClient.basic(),
        BipClient.envelope11(BipOptions.DEFAULT_REPORT_PATH, BipClient.encodeSql("select 'x' as a from dual")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> ct.startsWith("text/xml"));
    assertThat(r.body()).contains("http://schemas.xmlsoap.org/soap/envelope/");
    assertThat(Fj1Result.parse(BipClient.resultText(r.body())).rows()).containsExactly(List.of("x"));
  }

  @Test
  void missingOrWrongCredentialsGet401WithAnEmptyBody() {
    String env = BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, BipClient.encodeSql("select 1 from dual"));
    HttpResponse<String> none = bip.post("application/soap+xml", null, env);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).isEmpty();
    HttpResponse<String> wrong = bip.post("application/soap+xml",
        "Basic " + java.util.Base64.getEncoder().encodeToString("CASEY.BROWN:guess".getBytes()), env);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(bip.post("application/soap+xml", "Bearer not.a.jwt", env).statusCode()).isEqualTo(401);
  }

  @Test
  void envelopeVersionMustMatchTheContentType() {
    HttpResponse<String> r = bip.post("text/xml", BipClient.basic(),
        BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, BipClient.encodeSql("select 1 from dual")));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("VersionMismatch");
    assertThat(bip.post("application/json", BipClient.basic(), "{}").statusCode()).isEqualTo(415);
  }

  @Test
  void valuesAreEscapedAndTypedPerTheFormat() {
    Fj1Result r = bip.query("select description, amount_paid, creation_date,"
        + " cast(creation_date as timestamp with time zone) ts_tz, hextoraw('0AFF') raw_value,"
        + " interval '3 04:05:06.5' day to second ds, interval '1-2' year to month ym,"
        + " interval '-1-2' year to month neg_ym, interval '-0 00:00:01' day to second neg_ds"
        + " from ap_invoices_all where invoice_num = 'INV-1007'");
    assertThat(r.rows()).hasSize(1);
    List<String> row = r.rows().get(0);
    assertThat(row.get(0)).isEqualTo("Tab\there, line\nbreak and back\\slash");
    assertThat(row.get(1)).isNull();
    assertThat(r.column("CREATION_DATE")).isEqualTo(new Fj1Result.Col("CREATION_DATE", "TIMESTAMP", 0, 6, 11, true));
    assertThat(row.get(2)).isEqualTo("2023-12-01T08:30:00.000000");
    assertThat(r.column("TS_TZ").type()).isEqualTo("TIMESTAMP WITH TIME ZONE");
    assertThat(row.get(3)).matches("2023-12-01T08:30:00\\.000000[+-]\\d\\d:\\d\\d");
    assertThat(r.column("RAW_VALUE").type()).isEqualTo("RAW");
    assertThat(row.get(4)).isEqualTo("0AFF");
    assertThat(r.column("DS").type()).isEqualTo("INTERVAL DAY TO SECOND");
    assertThat(row.get(5)).isEqualTo("P3DT4H5M6.5S");
    assertThat(r.column("YM").type()).isEqualTo("INTERVAL YEAR TO MONTH");
    assertThat(row.get(6)).isEqualTo("P1Y2M");
    assertThat(row.get(7)).isEqualTo("-P1Y2M");
    assertThat(row.get(8)).isEqualTo("-PT1S");
    assertThat(java.time.Period.parse(row.get(7))).isEqualTo(java.time.Period.of(-1, -2, 0));
    assertThat(java.time.Duration.parse(row.get(5))).isEqualTo(Duration.parse("P3DT4H5M6.5S"));
  }

  @Test
  void oracleFunctionsAnalystsUseWork() {
    Fj1Result r = bip.query("select to_number(' 12.50 ') n, months_between(date '2024-03-15', date '2024-01-15') whole,"
        + " months_between(date '2024-02-29', date '2024-01-31') last_days, months_between(date '2024-01-16', date '2024-01-01') part,"
        + " nvl(null, 'x') nv, decode(1, 1, 'one', 'other') dc, to_char(date '2024-01-15', 'YYYY-MM') tc,"
        + " add_months(date '2024-01-31', 1) am from dual");
    List<String> row = r.rows().get(0);
    assertThat(row.get(3)).startsWith("0.48387096774193548387"); // 15/31
    assertThat(row.subList(0, 3)).containsExactly("12.5", "2", "1");
    assertThat(row.subList(4, 8)).containsExactly("x", "one", "2024-01", "2024-02-29T00:00:00");
    assertThat(r.column("AM").type()).isEqualTo("DATE");
  }

  @Test
  void nullsSortLastAscendingAndFirstDescendingAsInOracle() {
    List<List<String>> asc = bip.query("select amount_paid from ap_invoices_all where invoice_num in"
        + " ('INV-1001', 'INV-1003') order by amount_paid").rows();
    assertThat(asc).containsExactly(List.of("325"), java.util.Collections.singletonList(null));
    List<List<String>> desc = bip.query("select amount_paid from ap_invoices_all where invoice_num in"
        + " ('INV-1001', 'INV-1003') order by amount_paid desc").rows();
    assertThat(desc).containsExactly(java.util.Collections.singletonList(null), List.of("325"));
  }

  @Test
  void parametersMayComeAsV2ListOfParamNameValuesAndWithOtherPrefixes() {
    String env = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body>"
        + "<x:runReport xmlns:x=\"http://xmlns.oracle.com/oxp/service/PublicReportService\"><x:reportRequest>"
        + "<x:parameterNameValues><x:listOfParamNameValues><x:item><x:name>OTHER</x:name><x:values>"
        + "<x:item>ignored</x:item></x:values></x:item><x:item><x:values><x:item>"
        + BipClient.encodeSql("select 42 as answer from dual") + "</x:item></x:values><x:name>P_FJ_SQL</x:name>"
        + "</x:item></x:listOfParamNameValues></x:parameterNameValues>"
        + "<x:reportAbsolutePath>" + BipOptions.DEFAULT_REPORT_PATH + "</x:reportAbsolutePath>"
        + "</x:reportRequest></x:runReport></e:Body></e:Envelope>";
    HttpResponse<String> r = bip.post("application/soap+xml", BipClient.basic(), env);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Fj1Result.parse(BipClient.resultText(r.body())).rows()).containsExactly(List.of("42"));
  }
}
