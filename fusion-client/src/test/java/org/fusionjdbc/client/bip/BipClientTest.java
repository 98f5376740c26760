package org.fusionjdbc.client.bip;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.SoapVersion;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.RenewableTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** runReport against byte-exact SOAP answers served by WireMock over real HTTP. */
class BipClientTest {
  private static final String SERVICE = BipSettings.DEFAULT_SERVICE_PATH;
  private static final String REPORT = "/Custom/Finance/Aging.xdo";
  private static WireMockServer server;
  private RenewableTestTokens tokens;
  private HttpTransport transport;
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logLines.add(r.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private final Logger root = Logger.getLogger("org.fusionjdbc");
  private Level previous;

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
    tokens = new RenewableTestTokens();
    transport = new HttpTransport(FusionClientConfig.builder(URI.create("http://localhost:" + server.port()),
            new AuthConfig.Basic("u", Secret.of("p")))
        .maxRetries(3).retryBaseDelay(Duration.ofMillis(1)).retryBudget(Duration.ofSeconds(10)).build(), h -> tokens);
    previous = root.getLevel();
    root.setLevel(Level.FINE);
    root.addHandler(capture);
  }

  @AfterEach
  void close() {
    root.removeHandler(capture);
    root.setLevel(previous);
    transport.close();
    assertThat(String.join("\n", logLines)).doesNotContain("secret-token");
  }

  private BipClient client(BipSettings settings) {
    return BipClient.over(transport, settings);
  }

  private static byte[] payload(int size) {
    byte[] b = new byte[size];
    new Random(7).nextBytes(b);
    return b;
  }

  private static void stubOk(String body) {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/soap+xml;charset=UTF-8").withBody(body)));
  }

  @Test
  void runsReportAndStreamsMultiChunkBase64() throws IOException {
    byte[] data = payload(1_500_000);
    String base64 = Base64.getMimeEncoder().encodeToString(data); // line-wrapped at 76, as some servers do
    stubOk(SoapFixtures.response(SoapFixtures.ENV12, base64, "text/xml"));
    ReportRequest request = ReportRequest.of(REPORT).withParameter("P_NAME", "O'Brien & <Sons> ]]>")
        .withParameter("P_IDS", "1", "2");
    try (BipClient bip = client(BipSettings.defaults()); ReportResult result = bip.runReport(request)) {
      assertThat(result.stream().readAllBytes()).isEqualTo(data);
      assertThat(result.contentType()).contains("text/xml");
      assertThat(result.textEvents()).isGreaterThan(1);
    }
    LoggedRequest sent = server.findAll(postRequestedFor(urlEqualTo(SERVICE))).get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer secret-token-1");
    assertThat(sent.getHeader("Content-Type")).startsWith("application/soap+xml").contains("UTF-8");
    String envelope = sent.getBodyAsString();
    assertThat(envelope).contains("http://www.w3.org/2003/05/soap-envelope")
        .contains("<pub:reportAbsolutePath>" + REPORT + "</pub:reportAbsolutePath>")
        .contains("<pub:sizeOfDataChunkDownload>-1</pub:sizeOfDataChunkDownload>")
        .contains("<pub:attributeFormat>xml</pub:attributeFormat>")
        .contains("<pub:name>P_NAME</pub:name><pub:values><pub:item>O'Brien &amp; &lt;Sons&gt; ]]&gt;</pub:item>")
        .contains("<pub:name>P_IDS</pub:name><pub:values><pub:item>1</pub:item><pub:item>2</pub:item></pub:values>");
    assertThat(transport.poolStats().getLeased()).isZero();
  }

  @Test
  void soap12FaultKeepsOraCodeAndIsNotRetried() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/soap+xml;charset=UTF-8")
        .withBody(SoapFixtures.fault12("oracle.xdo.webservice.exception.OperationFailedException: "
            + "PublicReportService::executeReport failure: ORA-00942: table or view does not exist "
            + "(request had Bearer secret-token-1)"))));
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
            assertThat(e.fusionErrorCode()).isEqualTo("ORA-00942");
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("ORA-00942: table or view does not exist")
                .doesNotContain("secret-token");
            assertThat(e.fusionDetail()).doesNotContain("secret-token");
          });
    }
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void soap11EnvelopeAndFault() throws IOException {
    BipSettings soap11 = BipSettings.defaults().withSoapVersion(SoapVersion.SOAP_1_1);
    stubOk(SoapFixtures.response(SoapFixtures.ENV11, Base64.getEncoder().encodeToString(
        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), "text/plain"));
    try (BipClient bip = client(soap11); ReportResult r = bip.runReport(ReportRequest.of(REPORT).withFormat("csv"))) {
      assertThat(new String(r.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
    }
    LoggedRequest sent = server.findAll(postRequestedFor(urlEqualTo(SERVICE))).get(0);
    assertThat(sent.getHeader("Content-Type")).startsWith("text/xml");
    assertThat(sent.getHeader("SOAPAction")).isEqualTo("\"\"");
    assertThat(sent.getBodyAsString()).contains(SoapFixtures.ENV11).contains("<pub:attributeFormat>csv<");

    server.resetAll();
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "text/xml").withBody(SoapFixtures.fault11("ORA-01476: divisor is equal to zero"))));
    try (BipClient bip = client(soap11)) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.fusionErrorCode()).isEqualTo("ORA-01476");
            assertThat(e.getMessage()).contains("divisor is equal to zero");
          });
    }
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void htmlPageOnSuccessIsAProtocolErrorWithAHint() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(SoapFixtures.HTML)));
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(e.getMessage()).contains("HTML page").contains("login");
          });
    }
    assertThat(transport.poolStats().getLeased()).isZero();
  }

  @Test
  void htmlPageWithoutContentTypeIsRecognisedToo() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(200).withBody(SoapFixtures.HTML)));
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }
  }

  @Test
  void maintenancePageOn503IsRetriedThenReported() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "text/html").withBody(SoapFixtures.HTML)));
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER);
            assertThat(e.getMessage()).contains("maintenance").contains("gave up after 4 attempts");
          });
    }
    server.verify(4, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void retries503HonouringRetryAfterThenSucceeds() throws IOException {
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("ok"));
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody(SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml"))));
    try (BipClient bip = client(BipSettings.defaults()); ReportResult r = bip.runReport(ReportRequest.of(REPORT))) {
      assertThat(r.stream().readAllBytes()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
    }
    server.verify(2, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void retriesAConnectionResetBeforeTheReport() throws IOException {
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("r").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    server.stubFor(post(urlEqualTo(SERVICE)).inScenario("r").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody(SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml"))));
    try (BipClient bip = client(BipSettings.defaults()); ReportResult r = bip.runReport(ReportRequest.of(REPORT))) {
      assertThat(r.stream().readAllBytes()).hasSize(2);
    }
    server.verify(2, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void reauthenticatesOnceAfter401() throws IOException {
    server.stubFor(post(urlEqualTo(SERVICE)).withHeader("Authorization", equalTo("Bearer secret-token-1"))
        .willReturn(aResponse().withStatus(401)));
    server.stubFor(post(urlEqualTo(SERVICE)).withHeader("Authorization", equalTo("Bearer secret-token-2"))
        .willReturn(aResponse().withStatus(200).withBody(SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml"))));
    try (BipClient bip = client(BipSettings.defaults()); ReportResult r = bip.runReport(ReportRequest.of(REPORT))) {
      assertThat(r.stream().readAllBytes()).hasSize(2);
    }
    assertThat(tokens.invalidations.get()).isEqualTo(1);
    server.verify(2, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void a401AfterReauthenticationIsReported() {
    server.stubFor(post(urlEqualTo(SERVICE)).willReturn(aResponse().withStatus(401)));
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION));
    }
    server.verify(2, postRequestedFor(urlEqualTo(SERVICE)));
  }

  @Test
  void authorizationSentButNeverLogged() throws IOException {
    stubOk(SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml"));
    try (BipClient bip = client(BipSettings.defaults()); ReportResult r = bip.runReport(ReportRequest.of(REPORT))) {
      r.stream().readAllBytes();
    }
    server.verify(postRequestedFor(urlEqualTo(SERVICE)).withHeader("Authorization", containing("secret-token-1")));
    assertThat(logLines).anyMatch(l -> l.contains("runReport " + REPORT) && l.contains("-> 200"));
    assertThat(String.join("\n", logLines)).doesNotContain("secret-token").doesNotContain("Bearer");
  }

  @Test
  void responseWithoutReportBytesIsAProtocolError() {
    stubOk("<env:Envelope xmlns:env=\"" + SoapFixtures.ENV12 + "\"><env:Body/></env:Envelope>");
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }
  }

  @Test
  void badRequestsAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> ReportRequest.of("Custom/x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".xdo");
    assertThatThrownBy(() -> BipSettings.defaults().withConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResponseCutOffInsideReportBytesFailsTheStreamAndFreesTheSlot() throws IOException {
    String full = SoapFixtures.response(SoapFixtures.ENV12,
        Base64.getMimeEncoder().encodeToString(payload(200_000)), "text/xml");
    stubOk(full.substring(0, full.length() / 2));
    try (BipClient bip = client(BipSettings.defaults().withSlotTimeout(Duration.ZERO))) {
      ReportResult r = bip.runReport(ReportRequest.of(REPORT));
      assertThatThrownBy(() -> r.stream().readAllBytes()).isInstanceOf(IOException.class)
          .hasMessageContaining("not well-formed");
      assertThat(r.complete()).isFalse();
      r.close();
      server.resetAll();
      stubOk(SoapFixtures.response(SoapFixtures.ENV12, "aGk=", "text/xml"));
      try (ReportResult again = bip.runReport(ReportRequest.of(REPORT))) {
        assertThat(again.stream().readAllBytes()).hasSize(2);
      }
    }
    assertThat(transport.poolStats().getLeased()).isZero();
  }

  @Test
  void aFaultWithStatus200IsStillAFault() {
    stubOk(SoapFixtures.fault12("oracle.xdo.webservice.exception.AccessDeniedException: PublicReportService::"
        + "executeReport Failure: user is not authorized to run the report"));
    try (BipClient bip = client(BipSettings.defaults())) {
      assertThatThrownBy(() -> bip.runReport(ReportRequest.of(REPORT)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHORIZATION);
            assertThat(e.fusionErrorCode()).isNull();
            assertThat(e.getMessage()).contains("BI role");
          });
    }
    server.verify(1, postRequestedFor(urlEqualTo(SERVICE)));
  }
}
