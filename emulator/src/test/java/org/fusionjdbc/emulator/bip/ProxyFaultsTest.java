package org.fusionjdbc.emulator.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad SQL, refused statements, limits and injected faults fail the way BI Publisher does. */
class ProxyFaultsTest {

  private static BipClient bip;

  @BeforeAll
  static void start() {
    bip = new BipClient(BipOptions.builder().rowLimit(50).maxOutputBytes(20_000)
        .executionTimeout(Duration.ofMillis(300)).build());
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

  private static String fault(String sql) {
    HttpResponse<String> r = bip.sql(sql);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> ct.startsWith("application/soap+xml"));
    return BipClient.faultText(r);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "select * from no_such_table                          | ORA-00942: table or view does not exist",
      "select no_such_column from ap_invoices_all           | ORA-00904: \"NO_SUCH_COLUMN\": invalid identifier",
      "select nofunc(1) from dual                           | ORA-00904: \"NOFUNC\": invalid identifier",
      "select * from ap_invoices_all where                  | ORA-00936: missing expression",
      "select from ap_invoices_all                          | ORA-00936: missing expression",
      "select * from ap_invoices_all a b c                  | ORA-00933: SQL command not properly ended",
      "select invoice_id from ap_invoices_all;              | ORA-00911: invalid character",
      "select 1/0 from dual                                 | ORA-01476: divisor is equal to zero",
      "select invoice_id from ap_invoices_all, ap_invoice_lines_all | ORA-00918: column ambiguously defined",
      "select vendor_id, count(*) from ap_invoices_all      | ORA-00979: not a GROUP BY expression",
      "select (select invoice_id from ap_invoices_all) from dual | ORA-01427: single-row subquery returns more than one row",
      "select 'unterminated from dual                       | ORA-01756: quoted string not properly terminated",
      "select to_number('12x') from dual                    | ORA-01722: invalid number",
  })
  void badSqlBecomesAnOraFaultInsideBipsWrapper(String sql, String expected) {
    String text = fault(sql);
    assertThat(text).contains(expected).contains("PublicReportService::executeReport");
    assertThat(text).as("the fault must not echo the SQL").doesNotContain(sql.strip());
    assertThat(bip.service.journal().last()).hasValueSatisfying(e -> {
      assertThat(e.outcome()).isEqualTo(expected.substring(0, 9));
      assertThat(e.sql()).isEqualTo(sql.strip());
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "delete from ap_invoices_all",
      "update ap_invoices_all set invoice_amount = 0",
      "insert into ap_invoices_all (invoice_id) values (1)",
      "drop table ap_invoices_all",
      "merge into ap_invoices_all a using dual on (1 = 1) when matched then update set a.invoice_amount = 0",
      "begin null; end",
      "with function f return number is begin return 1; end; select f from dual",
      "select * from ap_invoices_all for update",
      "/* select */ delete from ap_invoices_all",
      "-- select\\ndelete from ap_invoices_all",
  })
  void anythingButOneSelectOrWithIsRefusedAndChangesNothing(String sql) throws Exception {
    String text = fault(sql.replace("\\n", "\n"));
    assertThat(text).containsAnyOf("ORA-20002: fusion-jdbc proxy: only a single SELECT or WITH query is allowed",
        "ORA-00911: invalid character");
    try (var c = bip.service.database().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("select count(*), min(invoice_amount) from fusion.ap_invoices_all")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(SampleBaseTables.INVOICES);
      assertThat(rs.getBigDecimal(2)).isPositive();
    }
  }

  @Test
  void withQueriesAndCommentsAndSemicolonsInLiteralsAreFine() {
    Fj1Result r = bip.query("/* leading comment */ with s as (select vendor_id from poz_suppliers"
        + " where enabled_flag = 'Y') -- trailing comment\n select count(*) n, 'a;b' semi from s");
    assertThat(r.rows()).containsExactly(List.of("4", "a;b"));
  }

  @Test
  void whatTheLexicalGuardLetsThroughStillCannotWrite() {
    // H2 file functions and DML through a WITH: the read-only database user stops them
    assertThat(fault("select file_read('/etc/hostname') from dual")).contains("ORA-01031: insufficient privileges");
    assertThat(fault("with x as (select 1 a from dual) delete from ap_invoices_all"))
        .containsAnyOf("ORA-01031", "ORA-00933", "ORA-00900");
  }

  @Test
  void moreRowsThanTheLimitFailWithTheProxysOwnError() {
    assertThat(bip.query("select * from ap_invoice_lines_all order by invoice_id, line_number"
        + " offset 0 rows fetch next 50 rows only").rows()).hasSize(50);
    assertThat(fault("select invoice_id, line_number from ap_invoice_lines_all"))
        .contains("ORA-20003: fusion-jdbc proxy: the result exceeds 50 rows; fetch it in OFFSET/FETCH windows");
  }

  @Test
  void outputOverTheDataLimitFailsLikeBip() {
    String text = fault("select rpad('x', 1000, 'y') wide from ap_invoices_all where rownum <= 40");
    assertThat(text).contains("exceeds the data limit set for this server").doesNotContain("ORA-");
    assertThat(bip.service.journal().last()).hasValueSatisfying(e -> assertThat(e.outcome()).isEqualTo("FAULT"));
  }

  @Test
  void aQueryRunningPastTheTimeoutIsCancelled() {
    assertThat(fault("select max(a.x + b.x) from system_range(1, 100000) a, system_range(1, 100000) b"))
        .contains("ORA-01013: user requested cancel of current operation");
  }

  @Test
  void armedHtmlPagesAndSoapFaultsComeFirstThenNormalService() {
    bip.service.faults().htmlErrorPage(503, 1).soapFault("oracle.xdo.webservice.exception.AccessDeniedException:"
        + " PublicReportService::executeReport Failure: User CASEY.BROWN does not have access", 1);
    HttpResponse<String> html = bip.sql("select 1 from dual");
    assertThat(html.statusCode()).isEqualTo(503);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> ct.startsWith("text/html"));
    assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<html");
    assertThat(fault("select 1 from dual")).contains("AccessDeniedException");
    assertThat(bip.query("select 1 one from dual").rows()).containsExactly(List.of("1"));
    assertThat(bip.service.journal().entries()).hasSize(1);
  }

  @Test
  void wrongReportPathFormatOrParameterAreFaults() {
    HttpResponse<String> other = bip.post("application/soap+xml", BipClient.basic(),
        BipClient.envelope12("/Custom/Other/Report.xdo", BipClient.encodeSql("select 1 from dual")));
    assertThat(BipClient.faultText(other)).contains("not found").contains("/Custom/Other/Report.xdo");
    HttpResponse<String> notGzip = bip.post("application/soap+xml", BipClient.basic(),
        BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, "c2VsZWN0IDEgZnJvbSBkdWFs"));
    assertThat(BipClient.faultText(notGzip)).contains("ORA-20001").contains("P_FJ_SQL is not base64-encoded gzip");
    String tooLong = "x".repeat(4001);
    HttpResponse<String> longParam = bip.post("application/soap+xml", BipClient.basic(),
        BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, tooLong));
    assertThat(BipClient.faultText(longParam)).contains("4001 characters long, the limit is 4000");
    HttpResponse<String> csv = bip.post("application/soap+xml", BipClient.basic(),
        BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, BipClient.encodeSql("select 1 from dual"))
            .replace(">xml<", ">csv<"));
    assertThat(BipClient.faultText(csv)).contains("output format csv is not defined");
    HttpResponse<String> notXml = bip.post("application/soap+xml", BipClient.basic(), "<soap:Envelope");
    assertThat(notXml.statusCode()).isEqualTo(500);
    assertThat(BipClient.faultText(notXml)).contains("not well-formed");
  }

  @Test
  void journalRecordsEachRunWithRowsAndTiming() {
    bip.query("select invoice_id from ap_invoices_all where vendor_id = 1002 order by invoice_id");
    BipJournal.Entry e = bip.service.journal().last().orElseThrow();
    assertThat(e.ok()).isTrue();
    assertThat(e.sql()).isEqualTo("select invoice_id from ap_invoices_all where vendor_id = 1002 order by invoice_id");
    assertThat(e.rows()).isEqualTo(SampleBaseTables.INVOICES / SampleBaseTables.SUPPLIERS);
    assertThat(e.elapsed()).isPositive();
    assertThat(bip.service.journal().sqls()).containsExactly(e.sql());
  }
}
