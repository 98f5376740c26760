package org.fusionjdbc.client.bip;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.RenewableTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy-report layer against byte-exact FJ1 answers (docs/bi-publisher.md §1) over real HTTP. */
class ProxyQueryTest {
  private static final String SERVICE = BipSettings.DEFAULT_SERVICE_PATH;
  private static final String SQL = "select invoice_id, invoice_num, invoice_amount, invoice_date from "
      + "ap_invoices_all where rownum <= 2";
  static final String EXAMPLE = String.join("\n",
      "FJ1\t4",
      "C\tINVOICE_ID\tNUMBER\t18\t0\t22\tN",
      "C\tINVOICE_NUM\tVARCHAR2\t0\t0\t50\tN",
      "C\tINVOICE_AMOUNT\tNUMBER\t0\t-127\t22\tY",
      "C\tINVOICE_DATE\tDATE\t0\t0\t7\tY",
      "R\t300100001\tINV-1001\t1250.5\t2024-01-15T00:00:00",
      "R\t300100002\tTab\\there & <b>\t\\N\t2024-01-16T00:00:00",
      "END\t2");
  private static WireMockServer server;
  private HttpTransport transport;
  private BipClient bip;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void open() {
    server.resetAll();
    transport = new HttpTransport(FusionClientConfig.builder(URI.create("http://localhost:" + server.port()),
            new AuthConfig.Basic("u", Secret.of("p")))
        .maxRetries(2).retryBaseDelay(Duration.ofMillis(1)).retryBudget(Duration.ofSeconds(10)).build(),
        h -> new RenewableTestTokens());
    bip = BipClient.over(transport, BipSettings.defaults().withSlotTimeout(Duration.ZERO));
  }

  @AfterEach
  void close() {
    bip.close();
    assertThat(transport.poolStats().getLeased()).as("no connection leaked").isZero();
    transport.close();
  }

  /** The data XML BIP would produce around the result text; tabs as character references, as BIP may write. */
  static String dataXml(String fj1) {
    String escaped = fj1.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\t", "&#9;");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DATA_DS>\n<P_FJ_SQL>H4sIAAAA</P_FJ_SQL>\n<G_1>\n"
        + "<FJ_RESULT>" + escaped + "</FJ_RESULT>\n</G_1>\n</DATA_DS>\n";
  }

  static String soap(String fj1) {
    return SoapFixtures.response(SoapFixtures.ENV12,
        Base64.getMimeEncoder().encodeToString(dataXml(fj1).getBytes(StandardCharsets.UTF_8)), "text/xml");
  }

  private static void stub(String body) {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/soap+xml;charset=UTF-8").withBody(body)));
  }

  static String gunzipParameter(String envelope) throws IOException {
    Matcher m = Pattern.compile("<pub:name>P_FJ_SQL</pub:name><pub:values><pub:item>([^<]*)</pub:item>")
        .matcher(envelope);
    assertThat(m.find()).as("P_FJ_SQL parameter in " + envelope).isTrue();
    assertThat(m.group(1)).matches("[A-Za-z0-9+/]+=*");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void runsTheDocumentedExampleWithTypedValues() throws IOException {
    stub(soap(EXAMPLE));
    try (ProxyRowStream rows = bip.proxy().run(SQL)) {
      assertThat(rows.fields()).containsExactly("INVOICE_ID", "INVOICE_NUM", "INVOICE_AMOUNT", "INVOICE_DATE");
      assertThat(rows.columns()).extracting(ProxyColumn::javaType)
          .containsExactly(Long.class, String.class, BigDecimal.class, LocalDateTime.class);
      assertThat(rows.columns().get(2).nullable()).isTrue();
      assertThat(rows.columns().get(1).length()).isEqualTo(50);
      assertThat(rows.next()).isTrue();
      assertThat(rows.row()).containsExactly(300100001L, "INV-1001", new BigDecimal("1250.5"),
          LocalDateTime.of(2024, 1, 15, 0, 0));
      assertThat(rows.next()).isTrue();
      assertThat(rows.row()).containsExactly(300100002L, "Tab\there & <b>", null, LocalDateTime.of(2024, 1, 16, 0, 0));
      assertThat(rows.next()).isFalse();
      assertThat(rows.progress().rowsReturned()).isEqualTo(2);
    }
    String envelope = server.findAll(postRequestedFor(urlEqualTo(SERVICE))).get(0).getBodyAsString();
    assertThat(envelope).contains("<pub:reportAbsolutePath>/Custom/FusionJdbc/SqlProxy.xdo</pub:reportAbsolutePath>")
        .contains("<pub:attributeFormat>xml</pub:attributeFormat>");
    assertThat(gunzipParameter(envelope)).isEqualTo(SQL);
  }

  @Test
  void streamsManyRowsAndKeepsTheConnectionUsable() {
    StringBuilder fj1 = new StringBuilder("FJ1\t2\nC\tID\tNUMBER\t10\t0\t22\tN\nC\tNAME\tNVARCHAR2\t0\t0\t40\tY\n");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      fj1.append("R\t").append(i).append("\tname ").append(i).append(" \u00e9\u4e2d\n");
    }
    fj1.append("END\t").append(n).append('\n');
    stub(soap(fj1.toString()));
    long sum = 0;
    int count = 0;
    ProxyRowStream rows = bip.proxy().run("select id, name from t order by id");
    while (rows.next()) {
      assertThat(rows.row()[1]).isEqualTo("name " + count + " \u00e9\u4e2d");
      sum += (Long) rows.row()[0];
      count++;
    }
    assertThat(count).isEqualTo(n);
    assertThat(sum).isEqualTo((long) n * (n - 1) / 2);
    // the finished stream gave its connection back; the next query runs on the same client
    try (ProxyRowStream again = bip.proxy().run("select id, name from t order by id")) {
      assertThat(again.next()).isTrue();
    }
    rows.close();
  }

  @Test
  void everyOracleTypeIsTyped() {
    String fj1 = String.join("\n",
        "FJ1\t12",
        "C\tBIG\tNUMBER\t20\t0\t22\tY",
        "C\tF\tBINARY_DOUBLE\t0\t0\t8\tY",
        "C\tBF\tBINARY_FLOAT\t0\t0\t4\tY",
        "C\tTS\tTIMESTAMP\t0\t6\t11\tY",
        "C\tTZ\tTIMESTAMP WITH TIME ZONE\t0\t3\t13\tY",
        "C\tYM\tINTERVAL YEAR TO MONTH\t2\t0\t5\tY",
        "C\tDS\tINTERVAL DAY TO SECOND\t2\t6\t11\tY",
        "C\tR\tRAW\t0\t0\t4\tY",
        "C\tCH\tCHAR\t0\t0\t5\tY",
        "C\tFL\tFLOAT\t126\t-127\t22\tY",
        "C\tX\tSDO_GEOMETRY\t0\t0\t0\tY",
        "C\tCTRL\tCLOB\t0\t0\t4000\tY",
        "R\t12345678901234567890\t-Infinity\t1.5\t2024-02-29T23:59:59.123456\t2024-01-15T10:00:00.500+05:30"
            + "\t-P1Y2M\tP3DT4H5M6.5S\t0AFF10\tab   \t1E+130\tpoint\ta\\\\b\\x1F\\r\\n",
        "END\t1");
    stub(soap(fj1));
    try (ProxyRowStream rows = bip.proxy().run("select * from types")) {
      assertThat(rows.columns().get(10).oracleType()).isEqualTo("OTHER");
      assertThat(rows.next()).isTrue();
      Object[] r = rows.row();
      assertThat(r[0]).isEqualTo(new BigDecimal("12345678901234567890"));
      assertThat(r[1]).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(r[2]).isEqualTo(1.5f);
      assertThat(r[3]).isEqualTo(LocalDateTime.parse("2024-02-29T23:59:59.123456"));
      assertThat(r[4]).isEqualTo(java.time.OffsetDateTime.parse("2024-01-15T10:00:00.500+05:30"));
      assertThat(r[5]).isEqualTo(java.time.Period.of(-1, -2, 0));
      assertThat(r[6]).isEqualTo(Duration.parse("P3DT4H5M6.5S"));
      assertThat((byte[]) r[7]).containsExactly(0x0A, 0xFF - 256, 0x10);
      assertThat(r[8]).isEqualTo("ab   ");
      assertThat(r[9]).isEqualTo(new BigDecimal("1E+130"));
      assertThat(r[10]).isEqualTo("point");
      assertThat(r[11]).isEqualTo("a\\b\u001f\r\n");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void truncatedResultsAreErrorsNotShortAnswers() {
    String noEnd = EXAMPLE.substring(0, EXAMPLE.lastIndexOf("\nEND"));
    String wrongCount = EXAMPLE.replace("END\t2", "END\t3");
    for (String fj1 : List.of(noEnd, wrongCount)) {
      server.resetAll();
      stub(soap(fj1));
      try (ProxyRowStream rows = bip.proxy().run(SQL)) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.next()).isTrue();
        assertThatThrownBy(rows::next).isInstanceOfSatisfying(FusionException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
          assertThat(e.getMessage()).contains("cut off");
        });
      }
    }
  }

  @Test
  void malformedOutputIsAProtocolErrorNamingTheFormat() {
    List<String> bad = List.of(EXAMPLE.replace("FJ1\t4", "FJ2\t4"), EXAMPLE.replace("Tab\\there", "Tab\\qhere"),
        EXAMPLE.replace("R\t300100001\t", "R\t"));
    List<String> messages = new ArrayList<>();
    for (String fj1 : bad) {
      server.resetAll();
      stub(soap(fj1));
      assertThatThrownBy(() -> {
        try (ProxyRowStream rows = bip.proxy().run(SQL)) {
          while (rows.next()) {
            // read everything
          }
        }
      }).isInstanceOfSatisfying(FusionException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        messages.add(e.getMessage());
      });
    }
    assertThat(messages).allMatch(m -> m.contains("FJ1"));
    server.resetAll();
    stub(SoapFixtures.response(SoapFixtures.ENV12, Base64.getEncoder().encodeToString(
        "<DATA_DS><G_1><RESULT>x</RESULT></G_1></DATA_DS>".getBytes(StandardCharsets.UTF_8)), "text/xml"));
    assertThatThrownBy(() -> bip.proxy().run(SQL)).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.getMessage()).contains("no FJ_RESULT"));
  }

  @Test
  void faultsKeepTheOraCodeButNotTheSql() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/soap+xml").withBody(SoapFixtures.fault12(
            "oracle.xdo.XDOException: java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist"
                + " while running select * from secret_table where ssn = '123-45-6789'"))));
    String sql = "select * from secret_table where ssn = '123-45-6789'";
    assertThatThrownBy(() -> bip.proxy().run(sql)).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.fusionErrorCode()).isEqualTo("ORA-00942");
      assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
      assertThat(e.getMessage()).contains("ORA-00942: table or view does not exist").doesNotContain("123-45-6789");
      assertThat(e.fusionDetail()).doesNotContain("123-45-6789");
    });
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void rowLimitAndTimeoutFaultsAreTyped() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(500).withBody(SoapFixtures.fault12(
        "ORA-20003: fusion-jdbc proxy: the result exceeds 100000 rows; fetch it in OFFSET/FETCH windows"))));
    assertThatThrownBy(() -> bip.proxy().run(SQL)).isInstanceOfSatisfying(FusionException.class, e -> {
      assertThat(e.fusionErrorCode()).isEqualTo("ORA-20003");
      assertThat(e.getMessage()).contains("OFFSET/FETCH");
    });
    server.resetAll();
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(500).withBody(SoapFixtures.fault12(
        "ORA-01013: user requested cancel of current operation"))));
    assertThatThrownBy(() -> bip.proxy().run(SQL)).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
  }

  @Test
  void nonQueriesAndOverlongSqlAreRefusedBeforeAnyCall() {
    for (String sql : List.of("delete from ap_invoices_all", "  -- c\n/* x */ update t set a = 1",
        "select 1 from dual;", "selectx from t", "")) {
      assertThatThrownBy(() -> bip.proxy().run(sql)).as(sql).isInstanceOfSatisfying(FusionException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST));
    }
    StringBuilder literal = new StringBuilder();
    Random random = new Random(3);
    for (int i = 0; i < 6000; i++) {
      literal.append((char) ('a' + random.nextInt(26)));
    }
    assertThatThrownBy(() -> bip.proxy().run("select '" + literal + "' from dual"))
        .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.getMessage()).contains("4000"));
    server.verify(0, postRequestedFor(urlEqualTo(SERVICE)));
    // a long but repetitive statement compresses under the limit and is sent
    stub(soap(EXAMPLE));
    String longSql = "with a as (select 1 x from dual)" + " union all select 1 x from dual".repeat(400)
        .replaceFirst(" union all", " select x from a union all");
    assertThat(longSql.length()).isGreaterThan(ProxyQuery.MAX_PARAMETER_LENGTH);
    try (ProxyRowStream rows = bip.proxy().run("/* ok */ " + longSql)) {
      assertThat(rows.columns()).hasSize(4);
    }
  }

  @Test
  void cancelStopsTheStreamAndReleasesTheConnection() {
    stub(soap(EXAMPLE));
    ProxyRowStream rows = bip.proxy().run(SQL);
    assertThat(rows.next()).isTrue();
    rows.cancel();
    assertThatThrownBy(rows::next).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
    rows.close();
    assertThat(transport.poolStats().getLeased()).isZero();
  }
}
