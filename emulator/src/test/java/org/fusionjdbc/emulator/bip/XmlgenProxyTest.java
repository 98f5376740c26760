package org.fusionjdbc.emulator.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The XMLGEN-shape report answers what Oracle's DBMS_XMLGEN would write under the NLS settings its data set fixes,
 * and the DBMS_SQL refusal mode breaks only the FJ1 report, with the error Oracle gives.
 */
class XmlgenProxyTest {
  private static BipClient bip;

  @BeforeAll
  static void start() {
    bip = new BipClient(BipOptions.builder().rowLimit(50).build());
  }

  @AfterAll
  static void stop() {
    bip.close();
  }

  @BeforeEach
  void reset() {
    bip.service.faults().clear();
    bip.service.journal().clear();
  }

  private static String xml(String sql) {
    HttpResponse<String> r = bip.xmlgen(sql);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    byte[] data = Base64.getDecoder().decode(BipClient.textOf(r.body().getBytes(StandardCharsets.UTF_8),
        "reportBytes"));
    assertThat(new String(data, StandardCharsets.UTF_8)).doesNotContain("FJ_RESULT");
    return BipClient.textOf(data, "FJ_XML");
  }

  @Test
  void rowsComeAsOracleTextWithNullsAsNilAttributesAndNamesEscaped() {
    String xml = xml("select 0.5 as half, -0.25 as neg, 42 as n, cast(null as varchar2(10)) as nothing, "
        + "'a<b & ''c''' as \"odd name\", date '2024-01-15' as d, timestamp '2024-01-15 10:20:30.5' as ts "
        + "from dual");
    assertThat(xml).startsWith("<?xml version=\"1.0\"?>\n<ROWSET xmlns:xsi = ")
        .contains("<HALF>.5</HALF>").contains("<NEG>-.25</NEG>").contains("<N>42</N>")
        .contains("<NOTHING xsi:nil = \"true\"/>")
        .contains("<odd_x0020_name>a&lt;b &amp; &apos;c&apos;</odd_x0020_name>")
        .contains("<D>2024-01-15T00:00:00</D>").contains("<TS>2024-01-15T10:20:30.500000000</TS>")
        .endsWith("</ROWSET>\n");
  }

  @Test
  void anEmptyResultIsAnEmptyRowset() {
    assertThat(xml("select invoice_id from ap_invoices_all where 1 = 0")).isEqualTo("<ROWSET/>");
  }

  @Test
  void binaryNumbersAndIntervalsAreInOraclesFormat() {
    assertThat(XmlgenText.binary(1250.5, "1250.5")).isEqualTo("1.2505E+003");
    assertThat(XmlgenText.binary(-0.01, "0.01")).isEqualTo("-1.0E-002");
    assertThat(XmlgenText.binary(Double.NaN, "NaN")).isEqualTo("Nan");
    assertThat(XmlgenText.yearToMonth(java.time.Period.of(-1, -2, 0), 2)).isEqualTo("-01-02");
    assertThat(XmlgenText.dayToSecond(java.time.Duration.parse("P3DT4H5M6.5S"), 2, 6))
        .isEqualTo("+03 04:05:06.500000");
    assertThat(XmlgenText.elementName("1$X")).isEqualTo("_x0031__x0024_X");
  }

  @Test
  void theRowLimitAndTheReadOnlyGuardHoldForTheXmlgenReportToo() {
    HttpResponse<String> r = bip.xmlgen("select a.invoice_id from ap_invoices_all a, ap_invoices_all b");
    assertThat(BipClient.faultText(r)).contains("ORA-20003");
    assertThat(BipClient.faultText(bip.xmlgen("delete from ap_invoices_all"))).contains("ORA-20002");
  }

  @Test
  void controlCharactersFailAsOracleFailsToWriteThemIntoXml() {
    assertThat(BipClient.faultText(bip.xmlgen("select 'a' || chr(1) as x from dual"))).contains("ORA-31061");
  }

  @Test
  void refusalModeFailsTheFj1ReportOnlyWithTheCompileErrorOracleGives() {
    bip.service.faults().refuseDbmsSql(true);
    HttpResponse<String> fj1 = bip.sql("select 1 as one from dual");
    assertThat(fj1.statusCode()).isEqualTo(500);
    assertThat(BipClient.faultText(fj1)).contains("ORA-06550").contains("PLS-00201: identifier 'DBMS_SQL' must be "
        + "declared");
    assertThat(xml("select 1 as one from dual")).contains("<ONE>1</ONE>");
    assertThat(bip.service.journal().entries()).extracting(BipJournal.Entry::outcome).containsExactly("ORA-06550",
        "OK");
    bip.service.faults().clear();
    assertThat(bip.sql("select 1 as one from dual").statusCode()).isEqualTo(200);
  }

  @Test
  void sysContextNamesTheDataSourceUser() {
    assertThat(xml("select sys_context('USERENV', 'SESSION_USER') as u, sys_context('USERENV', 'CURRENT_SCHEMA') "
        + "as s from dual")).containsPattern("<U>[A-Z_]+</U>").contains("<S>FUSION</S>");
  }
}
