package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes the pushdown audit fixed, against the emulator in strict mode through the real client: the emulator
 * accepts the q they send (long OR and AND lists, datetime ranges from date casts), the rows equal pushdown off, and
 * no more rows cross the wire than the query needs.
 */
class EmulatorToolShapesTest {
  private static FusionEmulator emulator;
  private static FusionClient onClient;
  private static FusionClient offClient;
  private static Connection on;
  private static Connection off;

  /** The SQL, a text every collection request's q must contain, and whether q is the whole filter. */
  record Shape(String sql, String q, boolean whole) {
    @Override
    public String toString() {
      return sql.length() > 120 ? sql.substring(0, 120) + "..." : sql;
    }
  }

  static List<Shape> shapes() {
    List<Long> ids = IntStream.range(0, 50).mapToObj(i -> 300000047486514L + 7L * 3 * i).toList();
    String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    String notIn = ids.subList(0, 30).stream().map(String::valueOf).collect(Collectors.joining(","));
    return List.of(
        new Shape("select \"InvoiceId\", \"InvoiceAmount\" from fscm.invoices where \"InvoiceId\" in (" + in + ")",
            ids.stream().map(i -> "InvoiceId = " + i).collect(Collectors.joining(" or ")), true),
        new Shape("select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" not in (" + notIn + ") and "
            + "\"InvoiceAmount\" > 45000", "InvoiceId != " + ids.get(29), true),
        new Shape("select \"InvoiceId\" from fscm.invoices where cast(\"LastUpdateDate\" as date) between "
            + "date '2024-06-01' and date '2024-06-30'",
            "LastUpdateDate >= '2024-06-01T00:00:00+00:00' and LastUpdateDate < '2024-07-01T00:00:00+00:00'", true),
        new Shape("select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" < 300000047486600.5 and "
            + "\"InvoiceAmount\" > 100.125", "InvoiceId < 300000047486600.5 and InvoiceAmount > 100.125", true),
        new Shape("select \"InvoiceId\" from fscm.invoices where \"InvoiceDate\" >= timestamp '2024-06-01 12:00:00'",
            "InvoiceDate >= '2024-06-02'", true),
        new Shape("select \"InvoiceId\" from fscm.invoices where (\"InvoiceCurrency\" = 'EUR' and upper(\"Supplier\") "
            + "like 'M%') or (\"InvoiceCurrency\" = 'JPY' and \"InvoiceAmount\" > 40000)",
            "InvoiceCurrency = 'EUR' or (InvoiceCurrency = 'JPY' and InvoiceAmount > 40000)", false),
        new Shape("select i.\"InvoiceNumber\", l.\"LineNumber\", l.\"LineAmount\" from fscm.invoices i join "
            + "fscm.invoices_invoiceLines l on i.\"InvoiceId\" = l.\"InvoiceId\" where i.\"InvoiceId\" = 300000047486521",
            null, true));
  }

  @BeforeAll
  static void start() throws Exception {
    // item ids are opaque hashes, as on effective-dated pods: a URL built from a key would be 404
    emulator = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey", "not-a-secret").rows(2000)
        .hashItemIds(true).build());
    onClient = client();
    offClient = client();
    on = Sql.connect(onClient, true);
    off = Sql.connect(offClient, false);
    Sql.rows(on, "select * from fscm.invoices where 1 = 0"); // describes the parent: its child table is known
    Sql.rows(off, "select * from fscm.invoices where 1 = 0");
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

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("shapes")
  void theEmulatorAnswersWhatTheAuditedShapeSends(Shape shape) throws Exception {
    List<List<String>> expected = Sql.sorted(Sql.rows(off, shape.sql()));
    settledRequests();
    emulator.journal().clear();
    List<List<String>> actual = Sql.sorted(Sql.rows(on, shape.sql()));
    List<JournalEntry> requests = settledRequests();
    assertThat(actual).as(shape.sql()).isEqualTo(expected).isNotEmpty();
    List<JournalEntry> reads = requests.stream().filter(e -> !("1".equals(e.param("limit")) && e.rows() <= 1))
        .toList();
    long fetched = reads.stream().mapToLong(JournalEntry::rows).sum();
    if (shape.q() != null) {
      assertThat(reads).as(requests.toString()).isNotEmpty()
          .allSatisfy(e -> assertThat(e.param("q")).as(e.toString()).contains(shape.q()));
    } else {
      // one parent's children: the parent is found by q on its key (expand), never at a URL built from the key
      assertThat(requests).as(requests.toString())
          .anyMatch(e -> e.param("expand") != null && String.valueOf(e.param("q")).startsWith("InvoiceId = "))
          .noneMatch(e -> e.path().matches(".*/invoices/\\d+(/.*)?"));
    }
    if (shape.whole()) {
      // a join also reads its one parent row
      long parent = shape.q() == null ? 1 : 0;
      assertThat(fetched).as(requests.toString()).isLessThanOrEqualTo(actual.size() + parent);
    } else {
      assertThat(fetched).as(requests.toString()).isGreaterThanOrEqualTo(actual.size()).isLessThan(2000);
    }
  }

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
}
