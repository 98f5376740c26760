package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus against the real emulator (strict mode) through the real client: identical rows with
 * pushdown on and off, and the emulator's journal proves what was pushed.
 */
class EmulatorDifferentialTest {
  private static FusionEmulator emulator;
  private static FusionClient onClient;
  private static FusionClient offClient;
  private static Connection on;
  private static Connection off;

  @BeforeAll
  static void start() throws Exception {
    // item ids are opaque hashes, as on effective-dated pods: a URL built from a key would be 404
    emulator = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey", "not-a-secret").rows(2000)
        .hashItemIds(true).build());
    onClient = client();
    offClient = client();
    on = Sql.connect(onClient, true);
    off = Sql.connect(offClient, false);
  }

  private static FusionClient client() {
    return FusionClient.open(FusionClientConfig.builder(URI.create(emulator.baseUrl()),
        new AuthConfig.Basic("casey", Secret.of("not-a-secret"))).build());
  }

  @AfterAll
  static void stop() throws Exception {
    on.close();
    off.close();
    onClient.close();
    offClient.close();
    emulator.close();
  }

  @Test
  void explainShowsTheRequestTheEmulatorThenReceives() throws Exception {
    String sql = "select \"InvoiceId\", \"Supplier\" from fscm.invoices where \"InvoiceCurrency\" in ('EUR', 'JPY') "
        + "and \"InvoiceAmount\" >= 49000 order by \"InvoiceDate\" desc, \"InvoiceId\" limit 3";
    String plan = Sql.explain(on, sql);
    // the real first request: the key as tie-breaker, the first page's paging, onlyData
    String shown = "/fscmRestApi/resources/11.13.18.05/invoices?"
        + "q=(InvoiceCurrency = 'EUR' or InvoiceCurrency = 'JPY') and InvoiceAmount >= 49000"
        + "&fields=InvoiceId,Supplier,InvoiceDate&orderBy=InvoiceDate:desc,InvoiceId:asc&limit=3&offset=0&onlyData=true";
    assertThat(plan).contains("request=[GET " + shown + "]");
    settledRequests();
    emulator.journal().clear();
    assertThat(Sql.rows(on, sql)).hasSizeLessThanOrEqualTo(3);
    JournalEntry e = settledRequests().get(0);
    java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
    for (String p : shown.substring(shown.indexOf('?') + 1).split("&")) {
      sent.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    assertThat(e.path()).isEqualTo(shown.substring(0, shown.indexOf('?')));
    assertThat(e.params()).as("what EXPLAIN showed is what the emulator received").isEqualTo(sent);
  }

  /** The bounds query docs/spark.md recommends: two requests of one row each, the values of the full read. */
  @Test
  void minAndMaxOfTheKeyCostTwoOneRowRequests() throws Exception {
    for (String where : List.of("", " where \"InvoiceAmount\" > 20000")) {
      String sql = "select min(\"InvoiceId\"), max(\"InvoiceId\") from fscm.invoices" + where;
      List<List<String>> expected = Sql.rows(off, sql);
      settledRequests();
      emulator.journal().clear();
      assertThat(Sql.rows(on, sql)).as(sql).isEqualTo(expected);
      List<JournalEntry> requests = settledRequests();
      assertThat(requests).as(sql).hasSize(2).allSatisfy(e -> assertThat(e.rows()).isEqualTo(1));
      assertThat(requests).extracting(e -> e.param("orderBy")).containsExactlyInAnyOrder("InvoiceId:asc",
          "InvoiceId:desc");
    }
  }

  @Test
  void explainOfAChildTableShowsTheParentLookupNotABuiltUrl() throws Exception {
    String fixed = Sql.explain(on, "select \"LineNumber\" from fscm.invoices_invoiceLines where \"InvoiceId\" = "
        + "300000047486528 and \"LineAmount\" > 100");
    assertThat(fixed).contains("GET /fscmRestApi/resources/11.13.18.05/invoices?q=InvoiceId = 300000047486528"
        + "&fields=InvoiceId;invoiceLines:LineNumber&expand=invoiceLines&limit=1&onlyData=true, then GET "
        + "<invoiceLines link>?q=LineAmount > 100&fields=LineNumber").doesNotContain("/child/");
    Sql.rows(on, "select count(*) from hcm.workers where 1 = 0"); // describes workers: its child tables are known
    String parents = Sql.explain(on, "select \"LastName\" from hcm.workers_names where \"PersonId\" = 300000080000017");
    assertThat(parents).contains("GET /hcmRestApi/resources/11.13.18.05/workers?")
        .contains("q=PersonId = 300000080000017").contains("&expand=names");
  }

  /** A child table read across parents: EXPLAIN shows the expanded parents' page the scan then sends. */
  @Test
  void explainShowsTheExpandedParentRequestAChildScanSends() throws Exception {
    Sql.rows(on, "select count(*) from hcm.workers where 1 = 0"); // describes workers: its child tables are known
    Sql.rows(off, "select count(*) from hcm.workers where 1 = 0");
    String sql = "select \"LastName\" from hcm.workers_names where \"PersonId\" = 300000080000017";
    String plan = Sql.explain(on, sql);
    String shown = plan.substring(plan.indexOf("request=[GET ") + "request=[GET ".length());
    shown = shown.substring(0, shown.indexOf("]"));
    assertThat(shown).startsWith("/hcmRestApi/resources/11.13.18.05/workers?").contains("expand=names")
        .contains("onlyData=true").contains("limit=");
    List<List<String>> expected = Sql.rows(off, sql);
    settledRequests();
    emulator.journal().clear();
    assertThat(Sql.rows(on, sql)).isEqualTo(expected).isNotEmpty();
    JournalEntry e = settledRequests().get(0);
    java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
    for (String p : shown.substring(shown.indexOf('?') + 1).split("&")) {
      sent.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    assertThat(e.path()).isEqualTo(shown.substring(0, shown.indexOf('?')));
    assertThat(e.params()).as("what EXPLAIN showed is what the emulator received").isEqualTo(sent);
  }

  static Stream<String> corpus() {
    return EmulatorCorpus.queries().stream();
  }

  @Test
  void corpusIsLargeEnough() {
    assertThat(EmulatorCorpus.queries()).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void sameRowsWithPushdownOnAndOff(String entry) throws Exception {
    boolean fullyPushable = entry.startsWith("!");
    String sql = fullyPushable ? entry.substring(1) : entry;
    List<List<String>> expected = Sql.rows(off, sql);
    settledRequests(); // the pushdown-off run's requests must not count against the pushed run
    emulator.journal().clear();
    List<List<String>> actual = Sql.rows(on, sql);
    List<JournalEntry> requests = settledRequests();
    if (!ordered(sql)) {
      expected = Sql.sorted(expected);
      actual = Sql.sorted(actual);
    }
    assertThat(actual).as(sql).isEqualTo(expected);
    if (fullyPushable) {
      if (isCount(sql) && sql.contains("_invoiceLines")) {
        // one parent's children: the parent found by its key; its expanded page holds them all, and so the count
        assertThat(requests).as("one parent lookup for " + sql).singleElement()
            .matches(e -> e.param("expand") != null && e.param("q") != null && e.path().endsWith("/invoices"));
      } else if (isCount(sql)) {
        assertThat(requests).as("one totalResults request for " + sql).singleElement()
            .matches(e -> "true".equals(e.param("totalResults")) && "1".equals(e.param("limit")));
      } else {
        // The client may plan key-range slices with one-row probes (limit=1): a count and a cut per further slice,
        // at most the default parallelism (4) in all; every other row is returned.
        List<JournalEntry> probes = requests.stream().filter(EmulatorDifferentialTest::isProbe).toList();
        long fetched = requests.stream().filter(e -> !isProbe(e)).mapToLong(JournalEntry::rows).sum();
        assertThat(probes).as("probes for " + sql).hasSizeLessThanOrEqualTo(4);
        assertThat(fetched).as("rows fetched for " + sql + ": " + requests).isLessThanOrEqualTo(actual.size());
      }
      if (sql.toLowerCase(Locale.ROOT).contains(" where ") && !sql.contains("1 = 0")) {
        assertThat(requests).as("a q was sent for " + sql).anyMatch(e -> e.param("q") != null);
        assertThat(requests).as("no item URL built from a key for " + sql)
            .noneMatch(e -> e.path().matches(".*/invoices/\\d+(/.*)?"));
      }
    }
  }

  private static boolean isProbe(JournalEntry e) {
    return "1".equals(e.param("limit")) && e.rows() <= 1;
  }

  /** Collection requests of the last query; the emulator journals after responding, so wait until it settles. */
  private static List<JournalEntry> settledRequests() throws InterruptedException {
    List<JournalEntry> last = List.of();
    for (int i = 0; i < 100; i++) {
      List<JournalEntry> now = emulator.journal().filter(e -> !e.path().endsWith("/describe"));
      if (!now.isEmpty() && now.size() == last.size()) {
        return now;
      }
      last = now;
      Thread.sleep(20);
    }
    return last;
  }

  private static boolean isCount(String sql) {
    return sql.toLowerCase(Locale.ROOT).startsWith("select count(*)");
  }

  static boolean ordered(String sql) {
    String s = sql.toLowerCase(Locale.ROOT);
    int depth = 0;
    boolean found = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && s.startsWith("order by", i)) {
        found = true;
      }
    }
    return found;
  }
}
