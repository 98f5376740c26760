package org.fusionjdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.RenewableTestTokens;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pager behaviour against byte-exact WireMock pages: keyset, offsets, limits, guards, close and cancel. */
class WireMockPagerTest {
  static final String ROOT = "/fscmRestApi/resources/11.13.18.05";
  static final String INVOICES = ROOT + "/invoices";
  static final String WORKERS = ROOT + "/workers";
  private static WireMockServer server;
  private DefaultFusionClient client;

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
    server.stubFor(get(urlPathEqualTo(INVOICES + "/describe")).willReturn(aResponse().withBody(describe("invoices",
        "[{\"name\":\"InvoiceId\",\"type\":\"integer\",\"queryable\":true},"
            + "{\"name\":\"InvoiceNumber\",\"type\":\"string\",\"queryable\":true,\"maxLength\":\"50\"},"
            + "{\"name\":\"InvoiceAmount\",\"type\":\"number\",\"queryable\":true},"
            + "{\"name\":\"Extra\",\"type\":\"object\",\"queryable\":false}]", "InvoiceId"))));
    server.stubFor(get(urlPathEqualTo(WORKERS + "/describe")).willReturn(aResponse().withBody(describe("workers",
        "[{\"name\":\"PersonId\",\"type\":\"integer\",\"queryable\":true},"
            + "{\"name\":\"EffectiveDate\",\"type\":\"date\",\"queryable\":true},"
            + "{\"name\":\"LastName\",\"type\":\"string\",\"queryable\":true}]", "PersonId", "EffectiveDate"))));
    FusionClientConfig config = FusionClientConfig.builder(URI.create("http://127.0.0.1:" + server.port()),
            new AuthConfig.Basic("u", Secret.of("p")))
        .firstPageSize(2).pageSize(3).parallelism(1).maxRetries(1).retryBaseDelay(Duration.ofMillis(1)).build();
    client = new DefaultFusionClient(config, new HttpTransport(config, h -> new RenewableTestTokens()));
  }

  @AfterEach
  void close() {
    client.close();
  }

  static String describe(String name, String attributes, String... keys) {
    String keyAttrs = java.util.Arrays.stream(keys).map(k -> "{\"name\":\"" + k + "\",\"queryable\":true}")
        .collect(Collectors.joining(","));
    return "{\"Resources\":{\"" + name + "\":{\"title\":\"T\",\"attributes\":" + attributes
        + ",\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":[" + keyAttrs + "]}]}}}}";
  }

  static String invoicePage(boolean hasMore, int... ids) {
    String items = IntStream.of(ids).mapToObj(i -> "{\"InvoiceNumber\":\"N" + i + "\",\"InvoiceId\":" + i
        + ",\"InvoiceAmount\":" + i + ".25,\"Extra\":{\"a\":[1,2.50]},\"links\":[]}").collect(Collectors.joining(","));
    // paging fields before items, to prove the order does not matter
    return "{\"hasMore\":" + hasMore + ",\"count\":" + ids.length + ",\"items\":[" + items + "],\"limit\":3}";
  }

  private MappingBuilder invoices() {
    return get(urlPathEqualTo(INVOICES));
  }

  private static QuerySpec.Builder spec(String resource, String... fields) {
    return QuerySpec.builder(ResourcePath.of("fscmRestApi", resource)).fields(List.of(fields));
  }

  private static List<List<Object>> drain(RowStream s) {
    List<List<Object>> rows = new ArrayList<>();
    while (s.next()) {
      rows.add(List.of(s.row()).stream().map(v -> v == null ? "null" : v).toList());
    }
    return rows;
  }

  @Test
  void keysetPagingAddsTheKeyAndContinuesAfterTheLastKey() {
    server.stubFor(invoices().withQueryParam("q", absent()).willReturn(aResponse().withBody(invoicePage(true, 1, 2))));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 2"))
        .willReturn(aResponse().withBody(invoicePage(true, 3, 4, 5))));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 5"))
        .willReturn(aResponse().withBody(invoicePage(false, 6, 7))));
    try (RowStream s = client.scan(spec("invoices", "InvoiceNumber", "InvoiceAmount", "Extra").build())) {
      List<List<Object>> rows = drain(s);
      assertThat(rows).hasSize(7);
      assertThat(rows.get(6)).containsExactly("N7", new BigDecimal("7.25"), "{\"a\":[1,2.50]}");
      assertThat(s.progress().requests()).isEqualTo(3);
    }
    server.verify(getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("q", absent())
        .withQueryParam("fields", equalTo("InvoiceNumber,InvoiceAmount,Extra,InvoiceId"))
        .withQueryParam("orderBy", equalTo("InvoiceId:asc")).withQueryParam("limit", equalTo("2"))
        .withQueryParam("offset", equalTo("0")).withQueryParam("onlyData", equalTo("true")));
    server.verify(getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("q", equalTo("InvoiceId > 5"))
        .withQueryParam("limit", equalTo("3")).withQueryParam("offset", equalTo("0")));
  }

  @Test
  void theNextPageIsRequestedWhileTheCallerReadsTheCurrentOne() throws Exception {
    server.stubFor(invoices().withQueryParam("q", absent()).willReturn(aResponse().withBody(invoicePage(true, 1, 2))));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 2"))
        .willReturn(aResponse().withBody(invoicePage(false, 3))));
    try (RowStream s = client.scan(spec("invoices", "InvoiceId").build())) {
      assertThat(s.next()).isTrue(); // the caller holds row 1 and asks for nothing more
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (server.findAll(getRequestedFor(urlPathEqualTo(INVOICES))).size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      server.verify(getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("q", equalTo("InvoiceId > 2")));
      assertThat(drain(s)).hasSize(2);
    }
  }

  @Test
  void keysetWithFilterDescendingAndInitialOffset() {
    String q1 = "InvoiceAmount > 0 or InvoiceNumber = 'x'";
    server.stubFor(invoices().withQueryParam("q", equalTo(q1)).withQueryParam("offset", equalTo("10"))
        .willReturn(aResponse().withBody(invoicePage(true, 9, 8))));
    server.stubFor(invoices().withQueryParam("q", equalTo("(" + q1 + ") and InvoiceId < 8"))
        .withQueryParam("offset", equalTo("0")).willReturn(aResponse().withBody(invoicePage(false, 7))));
    QuerySpec s = spec("invoices", "InvoiceId").filter(QExpr.or(List.of(
        QExpr.compare("InvoiceAmount", QExpr.Op.GT, QValue.of(0)),
        QExpr.compare("InvoiceNumber", QExpr.Op.EQ, QValue.of("x")))))
        .orderBy(List.of(SortKey.desc("InvoiceId"))).offset(10).build();
    try (RowStream rs = client.scan(s)) {
      assertThat(drain(rs)).containsExactly(List.of(9L), List.of(8L), List.of(7L));
    }
    server.verify(getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("orderBy", equalTo("InvoiceId:desc")));
  }

  @Test
  void limitThatFitsInOnePageIsOneRequest() {
    server.stubFor(invoices().willReturn(aResponse().withBody(invoicePage(true, 1, 2, 3))));
    try (RowStream s = client.scan(spec("invoices", "InvoiceId").limit(3).build())) {
      assertThat(drain(s)).hasSize(3);
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("limit", equalTo("3")));
  }

  @Test
  void limitAcrossPagesStopsExactly() {
    server.stubFor(invoices().withQueryParam("q", absent()).willReturn(aResponse().withBody(invoicePage(true, 1, 2))));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 2"))
        .willReturn(aResponse().withBody(invoicePage(true, 3, 4, 5))));
    try (RowStream s = client.scan(spec("invoices", "InvoiceId").limit(4).build())) {
      assertThat(drain(s)).extracting(r -> r.get(0)).containsExactly(1L, 2L, 3L, 4L);
    }
    server.verify(2, getRequestedFor(urlPathEqualTo(INVOICES)));
    server.verify(getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("limit", equalTo("2")));
  }

  @Test
  void compositeKeyUsesOffsetPagingWithKeyTieBreakers() {
    for (int page = 0; page < 3; page++) {
      int offset = page == 0 ? 0 : 2 + (page - 1) * 3;
      int n = page == 2 ? 1 : page == 0 ? 2 : 3;
      String items = IntStream.range(offset, offset + n).mapToObj(i -> "{\"PersonId\":" + i
          + ",\"EffectiveDate\":\"2020-01-01\",\"LastName\":\"L" + i + "\"}").collect(Collectors.joining(","));
      server.stubFor(get(urlPathEqualTo(WORKERS)).withQueryParam("offset", equalTo(Integer.toString(offset)))
          .willReturn(aResponse().withBody("{\"items\":[" + items + "],\"hasMore\":" + (page < 2) + "}")));
    }
    QuerySpec s = spec("workers", "LastName").orderBy(List.of(SortKey.asc("LastName"))).build();
    try (RowStream rs = client.scan(s)) {
      assertThat(drain(rs)).extracting(r -> r.get(0)).containsExactly("L0", "L1", "L2", "L3", "L4", "L5");
    }
    server.verify(3, getRequestedFor(urlPathEqualTo(WORKERS))
        .withQueryParam("orderBy", equalTo("LastName:asc,PersonId:asc,EffectiveDate:asc"))
        .withQueryParam("q", absent()));
  }

  @Test
  void pageDroppedMidBodyIsRequestedAgainWithoutDuplicates() {
    server.stubFor(invoices().withQueryParam("q", absent()).willReturn(aResponse().withBody(invoicePage(true, 1, 2))));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 2")).inScenario("drop")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK))
        .willSetStateTo("ok"));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 2")).inScenario("drop").whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody(invoicePage(false, 3, 4))));
    try (RowStream s = client.scan(spec("invoices", "InvoiceId").build())) {
      assertThat(drain(s)).extracting(r -> r.get(0)).containsExactly(1L, 2L, 3L, 4L);
    }
    server.verify(2, getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("q", equalTo("InvoiceId > 2")));
  }

  @Test
  void aFilterTheDialectCannotSayFailsAtScanTimeWithoutARequest() {
    QuerySpec s = spec("invoices", "InvoiceId").filter(QExpr.compare("InvoiceNumber", QExpr.Op.EQ, QValue.of("O'Brien")))
        .build();
    assertThatThrownBy(() -> client.scan(s)).isInstanceOf(QExpr.UnrenderableException.class);
    server.verify(0, getRequestedFor(urlPathEqualTo(INVOICES)));
  }

  @Test
  void emptyPageWithHasMoreIsAProtocolError() {
    server.stubFor(invoices().willReturn(aResponse().withBody("{\"items\":[],\"hasMore\":true}")));
    try (RowStream s = client.scan(spec("invoices", "InvoiceId").build())) {
      assertThatThrownBy(s::next).isInstanceOfSatisfying(FusionException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL));
    }
  }

  @Test
  void repeatedPageIsAProtocolError() {
    server.stubFor(get(urlPathEqualTo(WORKERS)).willReturn(aResponse().withBody(
        "{\"items\":[{\"PersonId\":1,\"EffectiveDate\":\"2020-01-01\",\"LastName\":\"A\"}],\"hasMore\":true}")));
    try (RowStream s = client.scan(spec("workers", "LastName").build())) {
      assertThatThrownBy(() -> drain(s)).isInstanceOfSatisfying(FusionException.class,
          e -> assertThat(e.getMessage()).contains("same page twice"));
    }
  }

  @Test
  void earlyCloseReleasesEveryConnection() {
    server.stubFor(invoices().withQueryParam("q", absent()).willReturn(aResponse().withBody(invoicePage(true, 1, 2))));
    server.stubFor(invoices().withQueryParam("q", equalTo("InvoiceId > 2"))
        .willReturn(aResponse().withBody(invoicePage(true, 3, 4, 5)).withFixedDelay(3000)));
    RowStream s = client.scan(spec("invoices", "InvoiceId").build());
    assertThat(s.next()).isTrue();
    s.close();
    assertThat(client.transport().poolStats().getLeased()).isZero();
    assertThat(s.next()).isFalse();
  }

  @Test
  void cancelFromAnotherThreadAbortsASlowPage() throws Exception {
    server.stubFor(invoices().willReturn(aResponse().withBody(invoicePage(false, 1)).withFixedDelay(10_000)));
    try (RowStream s = client.scan(spec("invoices", "InvoiceId").build())) {
      Thread t = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        s.cancel();
      });
      t.start();
      long start = System.nanoTime();
      assertThatThrownBy(s::next).isInstanceOfSatisfying(FusionException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
      t.join();
    }
    assertThat(client.transport().poolStats().getLeased()).isZero();
  }

  @Test
  void countAsksForTotalResultsOnce() {
    server.stubFor(invoices().withQueryParam("totalResults", equalTo("true"))
        .willReturn(aResponse().withBody("{\"items\":[{\"InvoiceId\":1}],\"totalResults\":12345678901,\"hasMore\":true}")));
    assertThat(client.count(spec("invoices", "InvoiceId")
        .filter(QExpr.like("InvoiceNumber", "A%")).build())).isEqualTo(12345678901L);
    server.verify(1, getRequestedFor(urlPathEqualTo(INVOICES)).withQueryParam("limit", equalTo("1"))
        .withQueryParam("fields", equalTo("InvoiceId")).withQueryParam("q", equalTo("InvoiceNumber LIKE 'A%'")));
  }

  @Test
  void describeDiskCacheIsHitByTheNextClientAndHoldsNoSecret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    FusionClientConfig config = FusionClientConfig.builder(URI.create("http://127.0.0.1:" + server.port()),
        new AuthConfig.Basic("u", Secret.of("p"))).metadataCacheDir(dir).build();
    for (int i = 0; i < 2; i++) {
      try (DefaultFusionClient c = new DefaultFusionClient(config, new HttpTransport(config, h -> new RenewableTestTokens()))) {
        assertThat(c.describe("fscmRestApi", "invoices").keyAttributes()).containsExactly("InvoiceId");
      }
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(INVOICES + "/describe")));
    try (var files = java.nio.file.Files.list(dir)) {
      List<java.nio.file.Path> all = files.toList();
      assertThat(all).hasSize(1);
      assertThat(java.nio.file.Files.readString(all.get(0))).contains("InvoiceId").doesNotContain("secret-token");
    }
    FusionClientConfig expired = FusionClientConfig.builder(URI.create("http://127.0.0.1:" + server.port()),
        new AuthConfig.Basic("u", Secret.of("p"))).metadataCacheDir(dir).metadataCacheTtl(Duration.ZERO).build();
    try (DefaultFusionClient c = new DefaultFusionClient(expired, new HttpTransport(expired, h -> new RenewableTestTokens()))) {
      c.describe("fscmRestApi", "invoices");
    }
    server.verify(2, getRequestedFor(urlPathEqualTo(INVOICES + "/describe")));
  }

  @Test
  void scanChildrenUsesExpandAndFollowsTheNestedCollectionsOwnLinkWhenItHasMore() {
    String orders = ROOT + "/orders";
    server.stubFor(get(urlPathEqualTo(orders + "/describe")).willReturn(aResponse().withBody(
        "{\"Resources\":{\"orders\":{\"attributes\":[{\"name\":\"OrderId\",\"type\":\"integer\",\"queryable\":true}],"
            + "\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":[{\"name\":\"OrderId\"}]}]},"
            + "\"children\":{\"lines\":{\"attributes\":[{\"name\":\"LineNumber\",\"type\":\"integer\","
            + "\"queryable\":true}],\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":"
            + "[{\"name\":\"LineNumber\"}]}]}}}}}}")));
    // the pod writes its own host with :443; the item key in the link is an opaque hash, not the OrderId
    String hashed = orders + "/00020000000EACED00057708000000000000000200";
    server.stubFor(get(urlPathEqualTo(orders)).willReturn(aResponse().withBody("{\"items\":["
        + "{\"OrderId\":1,\"lines\":{\"items\":[{\"LineNumber\":1}],\"hasMore\":false,\"count\":1}},"
        + "{\"OrderId\":2,\"lines\":{\"items\":[{\"LineNumber\":1}],\"hasMore\":true,\"count\":1,\"limit\":1,"
        + "\"links\":[{\"rel\":\"self\",\"href\":\"https://pod.example.com:443" + hashed + "/child/lines\","
        + "\"name\":\"lines\",\"kind\":\"collection\"}]}},"
        + "{\"OrderId\":3,\"lines\":[{\"LineNumber\":7}]}],\"hasMore\":false}")));
    server.stubFor(get(urlPathEqualTo(hashed + "/child/lines")).willReturn(aResponse().withBody(
        "{\"items\":[{\"LineNumber\":1},{\"LineNumber\":2},{\"LineNumber\":3}],\"hasMore\":false}")));
    try (RowStream s = client.scanChildren(spec("orders", "OrderId").build(), "lines", List.of("LineNumber"))) {
      assertThat(s.fields()).containsExactly("OrderId", "LineNumber");
      assertThat(drain(s)).containsExactly(List.of(1L, 1L), List.of(2L, 1L), List.of(2L, 2L), List.of(2L, 3L),
          List.of(3L, 7L));
    }
    server.verify(getRequestedFor(urlPathEqualTo(orders)).withQueryParam("expand", equalTo("lines"))
        .withQueryParam("fields", equalTo("OrderId;lines:LineNumber")).withQueryParam("onlyData", equalTo("true")));
    server.verify(getRequestedFor(urlPathEqualTo(hashed + "/child/lines"))
        .withQueryParam("orderBy", equalTo("LineNumber:asc")));
    server.verify(0, getRequestedFor(urlPathEqualTo(orders + "/2/child/lines")));
  }

  @Test
  void aNestedPageWithMoreButNoLinkIsAProtocolErrorNotAGuessedUrl() {
    String people = ROOT + "/people";
    server.stubFor(get(urlPathEqualTo(people + "/describe")).willReturn(aResponse().withBody(
        "{\"Resources\":{\"people\":{\"attributes\":[{\"name\":\"PersonId\",\"type\":\"integer\",\"queryable\":true},"
            + "{\"name\":\"StartDate\",\"type\":\"date\",\"queryable\":true}],"
            + "\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":[{\"name\":\"PersonId\"},"
            + "{\"name\":\"StartDate\"}]}]},\"children\":{\"names\":{\"attributes\":[{\"name\":\"NameId\","
            + "\"type\":\"integer\",\"queryable\":true}],\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\","
            + "\"attributes\":[{\"name\":\"NameId\"}]}]}}}}}}")));
    server.stubFor(get(urlPathEqualTo(people)).willReturn(aResponse().withBody("{\"items\":[{\"PersonId\":1,"
        + "\"StartDate\":\"2020-01-01\",\"names\":{\"items\":[{\"NameId\":10}],\"hasMore\":true}}],"
        + "\"hasMore\":false}")));
    try (RowStream s = client.scanChildren(spec("people", "PersonId").build(), "names", List.of("NameId"))) {
      assertThatThrownBy(() -> drain(s)).isInstanceOf(FusionException.class).hasMessageContaining("hasMore")
          .hasMessageContaining("links no collection");
    }
    server.verify(getRequestedFor(urlPathEqualTo(people)).withQueryParam("onlyData", equalTo("true"))
        .withQueryParam("fields", equalTo("PersonId,StartDate;names:NameId")));
    server.verify(0, getRequestedFor(urlPathMatching(people + "/(?!describe).+")));
  }

  @Test
  void aChildPathOfOneParentFindsTheParentByItsKeyAndFollowsTheLinkedCollection() {
    String orders = ROOT + "/orders";
    server.stubFor(get(urlPathEqualTo(orders + "/describe")).willReturn(aResponse().withBody(
        "{\"Resources\":{\"orders\":{\"attributes\":[{\"name\":\"OrderId\",\"type\":\"integer\",\"queryable\":true}],"
            + "\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":[{\"name\":\"OrderId\"}]}]},"
            + "\"children\":{\"lines\":{\"attributes\":[{\"name\":\"LineNumber\",\"type\":\"integer\","
            + "\"queryable\":true}],\"collection\":{\"finders\":[{\"name\":\"PrimaryKey\",\"attributes\":"
            + "[{\"name\":\"LineNumber\"}]}]}}}}}}")));
    String hashed = orders + "/00020000000EACED000577080000000000000007";
    server.stubFor(get(urlPathEqualTo(orders)).willReturn(aResponse().withBody("{\"items\":[{\"OrderId\":7,"
        + "\"lines\":{\"items\":[{\"LineNumber\":1},{\"LineNumber\":2}],\"hasMore\":true,\"count\":2,\"limit\":2,"
        + "\"links\":[{\"rel\":\"self\",\"href\":\"https://pod.example.com:443" + hashed + "/child/lines\"}]}}],"
        + "\"count\":1,\"hasMore\":false}")));
    server.stubFor(get(urlPathEqualTo(hashed + "/child/lines")).withQueryParam("q", absent())
        .willReturn(aResponse().withBody("{\"items\":[{\"LineNumber\":1},{\"LineNumber\":2}],\"count\":2,"
            + "\"hasMore\":true,\"limit\":2,\"offset\":0}")));
    server.stubFor(get(urlPathEqualTo(hashed + "/child/lines")).withQueryParam("q", equalTo("LineNumber > 2"))
        .willReturn(aResponse().withBody("{\"items\":[{\"LineNumber\":3}],\"count\":1,\"hasMore\":false,"
            + "\"limit\":2,\"offset\":0}")));
    try (RowStream s = client.scan(QuerySpec.builder(ResourcePath.of("fscmRestApi", "orders").child("7", "lines"))
        .fields(List.of("LineNumber")).build())) {
      assertThat(drain(s)).containsExactly(List.of(1L), List.of(2L), List.of(3L));
      assertThat(s.progress().requests()).isEqualTo(3);
    }
    server.verify(getRequestedFor(urlPathEqualTo(orders)).withQueryParam("q", equalTo("OrderId = 7"))
        .withQueryParam("expand", equalTo("lines")).withQueryParam("onlyData", equalTo("true")));
    server.verify(getRequestedFor(urlPathEqualTo(hashed + "/child/lines")).withQueryParam("q", equalTo("LineNumber > 2")));
    server.verify(0, getRequestedFor(urlPathMatching(orders + "/7(/.*)?")));
  }

  @Test
  void concurrentDescribesFetchOnceAndFailuresAreNotCached() throws Exception {
    server.stubFor(get(urlPathEqualTo(ROOT + "/slow/describe")).willReturn(aResponse().withFixedDelay(300)
        .withBody(describe("slow", "[{\"name\":\"K\",\"type\":\"integer\",\"queryable\":true}]", "K"))));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        all.add(pool.submit(() -> client.describe("fscmRestApi", "slow")));
      }
      for (java.util.concurrent.Future<?> f : all) {
        assertThat(f.get()).isSameAs(all.get(0).get());
      }
    } finally {
      pool.shutdownNow();
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(ROOT + "/slow/describe")));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.describe("fscmRestApi", "nope")).isInstanceOfSatisfying(FusionException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }
    server.verify(2, getRequestedFor(urlPathEqualTo(ROOT + "/nope/describe")));
  }

  @Test
  void describeIsCachedPerClient() {
    client.describe("fscmRestApi", "invoices");
    assertThat(client.describe("fscmRestApi", "invoices").singleQueryableKey()).isPresent();
    server.verify(1, getRequestedFor(urlPathEqualTo(INVOICES + "/describe")));
  }
}
