package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BIP.REPORT over a real HTTP server standing in for BI Publisher (the emulator serves only the proxy report):
 * the runReport request it receives, the CSV output as rows, and a fault for an unknown report.
 */
class ReportFunctionTest {
  private static final String CSV = "\uFEFFCUSTOMER,BUCKET,AMOUNT,NOTE\r\n"
      + "\"Acme, Inc.\",0-30,1250.50,\"said \"\"pay later\"\"\"\r\n"
      + "Zürich AG,31-60,99,\r\n"
      + "Globex,0-30,10,\"two\nlines\"\r\n";
  /** Master (customer) and detail (invoice) groups; the second invoice has no DUE element (NULL). */
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DATA_DS><P_DATE>2024-01-31</P_DATE>"
      + "<G_CUSTOMER><CUSTOMER>Acme &amp; Sons</CUSTOMER><G_INVOICE><INVOICE>A-1</INVOICE><DUE>10.5</DUE></G_INVOICE>"
      + "<G_INVOICE><INVOICE>A-2</INVOICE></G_INVOICE></G_CUSTOMER>"
      + "<G_CUSTOMER><CUSTOMER>Zürich AG</CUSTOMER><G_INVOICE><INVOICE>Z-9</INVOICE><DUE><![CDATA[7]]></DUE>"
      + "</G_INVOICE></G_CUSTOMER></DATA_DS>";
  private static HttpServer server;
  private static final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private static FusionClient client;
  private static Connection db;

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/xmlpserver/services/ExternalReportWSSService", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestHeaders().getFirst("Authorization") == null ? "NO-AUTH" : body);
      boolean known = body.contains("/Custom/Finance/Aging.xdo");
      String reply = known ? report(body.contains(">xml<") ? XML : CSV) : fault("oracle.xdo.webservice.exception.OperationFailedException: "
          + "PublicReportService::executeReport failure: report definition not found: /Custom/Nope.xdo");
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
      exchange.sendResponseHeaders(known ? 200 : 500, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    client = FusionClient.open(FusionClientConfig.builder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        new AuthConfig.Basic("casey", Secret.of("not-a-secret"))).maxRetries(0).build());
    db = BipPod.connect(client, BipSqlOptions.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
    client.close();
    server.stop(0);
  }

  @BeforeEach
  void clear() {
    requests.clear();
  }

  private static String report(String csv) {
    return "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Header/><env:Body>"
        + "<ns2:runReportResponse xmlns:ns2=\"http://xmlns.oracle.com/oxp/service/PublicReportService\">"
        + "<ns2:runReportReturn><ns2:metaDataList/><ns2:reportBytes>"
        + Base64.getMimeEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
        + "</ns2:reportBytes><ns2:reportContentType>text/plain</ns2:reportContentType><ns2:reportFileID/>"
        + "</ns2:runReportReturn></ns2:runReportResponse></env:Body></env:Envelope>";
  }

  private static String fault(String text) {
    return "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault><env:Code>"
        + "<env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">" + text
        + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>";
  }

  @Test
  void reportOutputBecomesRowsFilteredInCalcite() throws Exception {
    try (Statement s = db.createStatement();
         ResultSet rs = s.executeQuery("select * from table(bip.report('/Custom/Finance/Aging.xdo', 'P_DATE', "
             + "'2024-01-31')) where bucket = '0-30' order by customer")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(4);
      assertThat(md.getColumnName(1)).isEqualTo("CUSTOMER");
      assertThat(md.getColumnType(3)).isEqualTo(Types.VARCHAR);
      assertThat(BipPod.read(rs)).containsExactly(
          Arrays.asList("Acme, Inc.", "0-30", "1250.50", "said \"pay later\""),
          Arrays.asList("Globex", "0-30", "10", "two\nlines"));
    }
    assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r)
        .contains(">/Custom/Finance/Aging.xdo<").contains(">csv<").contains(">P_DATE<").contains(">2024-01-31<"));
  }

  @Test
  void emptyFieldIsNullAndNonAsciiSurvives() throws Exception {
    List<List<String>> rows = BipPod.rows(db, "select customer, note from table(bip.report("
        + "'/Custom/Finance/Aging.xdo')) where amount = '99'");
    assertThat(rows).containsExactly(Arrays.asList("Zürich AG", null));
  }

  @Test
  void unknownReportIsAFaultAndABadPathIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> BipPod.rows(db, "select * from table(bip.report('/Custom/Nope.xdo'))"))
        .satisfies(e -> assertThat(NativeSqlAndFaultsTest.fusion(e).kind()).isEqualTo(Kind.NOT_FOUND));
    requests.clear();
    assertThatThrownBy(() -> BipPod.rows(db, "select * from table(bip.report('Custom/Nope'))"))
        .satisfies(e -> assertThat(NativeSqlAndFaultsTest.fusion(e).getMessage()).contains(".xdo"));
    assertThatThrownBy(() -> BipPod.rows(db, "select * from table(bip.report('/Custom/Finance/Aging.xdo', "
        + "'P_DATE'))"))
        .satisfies(e -> assertThat(NativeSqlAndFaultsTest.fusion(e).getMessage()).contains("P_DATE has no value"));
    assertThat(requests).isEmpty();
  }

  @Test
  void xmlOutputGivesOneRowPerInnermostGroupWithItsMasterColumns() throws Exception {
    try (Statement s = db.createStatement();
         ResultSet rs = s.executeQuery("select * from table(bip.report_xml('/Custom/Finance/Aging.xdo', 'P_DATE', "
             + "'2024-01-31')) order by invoice")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(3);
      assertThat(List.of(md.getColumnName(1), md.getColumnName(2), md.getColumnName(3)))
          .containsExactly("CUSTOMER", "INVOICE", "DUE");
      assertThat(BipPod.read(rs)).containsExactly(Arrays.asList("Acme & Sons", "A-1", "10.5"),
          Arrays.asList("Acme & Sons", "A-2", null), Arrays.asList("Zürich AG", "Z-9", "7"));
    }
    assertThat(requests).allSatisfy(r -> assertThat(r).contains(">xml<"));
  }

  @Test
  void csvReaderHandlesQuotesAndLineBreaks() throws IOException {
    try (CsvReader r = new CsvReader(new java.io.StringReader("a,\"b,\"\"c\"\"\",\r\n\"x\ny\",z"))) {
      assertThat(r.next()).containsExactly("a", "b,\"c\"", "");
      assertThat(r.next()).containsExactly("x\ny", "z");
      assertThat(r.next()).isNull();
    }
    try (CsvReader r = new CsvReader(new java.io.StringReader("\"open"))) {
      assertThatThrownBy(r::next).isInstanceOf(IOException.class);
    }
  }
}
