package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the real (strict) emulator: paging, limits, keyset, slices, children, describe, count. */
class EmulatorScanTest {
  private static FusionEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(1_200).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clearJournal() {
    emulator.journal().clear();
  }

  static FusionClient client(FusionEmulator e, Consumer<FusionClientConfig.Builder> settings) {
    FusionClientConfig.Builder b = FusionClientConfig.builder(URI.create(e.baseUrl()),
        new AuthConfig.Basic("casey.brown", Secret.of("Welcome1")));
    settings.accept(b);
    return FusionClient.open(b.build());
  }

  static List<List<Object>> rows(FusionClient c, QuerySpec spec) {
    List<List<Object>> out = new ArrayList<>();
    try (RowStream s = c.scan(spec)) {
      while (s.next()) {
        out.add(Arrays.asList(s.row().clone()));
      }
    }
    return out;
  }

  private static QuerySpec.Builder invoices() {
    return QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
        .fields(List.of("InvoiceId", "InvoiceNumber", "InvoiceAmount", "InvoiceDate", "Description"));
  }

  private static List<JournalEntry> collectionRequests(String resource) {
    return emulator.journal().filter(e -> e.path().endsWith("/" + resource));
  }

  @Test
  void smallPagesEqualOneBigPageAndSlicesEqualBoth() {
    QuerySpec spec = invoices().filter(QExpr.compare("InvoiceAmount", QExpr.Op.GT, QValue.of(1000))).build();
    List<List<Object>> big;
    try (FusionClient c = client(emulator, b -> b.pageSize(500).firstPageSize(500).parallelism(1))) {
      big = rows(c, spec);
    }
    assertThat(big).hasSizeGreaterThan(500); // several big pages too; the small-page read must match exactly
    emulator.journal().clear();
    try (FusionClient c = client(emulator, b -> b.pageSize(37).firstPageSize(5).parallelism(1))) {
      assertThat(rows(c, spec)).isEqualTo(big);
    }
    assertThat(collectionRequests("invoices")).allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"))
        .anySatisfy(e -> assertThat(e.param("q")).contains("InvoiceId > "));
    emulator.journal().clear();
    try (FusionClient c = client(emulator, b -> b.pageSize(40).firstPageSize(10).parallelism(4))) {
      // no ORDER BY asked for: slices hand over pages as they arrive, every row exactly once
      assertThat(rows(c, spec)).containsExactlyInAnyOrderElementsOf(big);
    }
    assertThat(collectionRequests("invoices")).anySatisfy(e -> assertThat(e.param("q")).contains("InvoiceId >= "));
  }

  @Test
  void limit200IsOneRequestOf200() {
    try (FusionClient c = client(emulator, b -> { })) {
      assertThat(rows(c, invoices().limit(200).build())).hasSize(200);
    }
    List<JournalEntry> requests = collectionRequests("invoices");
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).param("limit")).isEqualTo("200");
    assertThat(requests.get(0).param("onlyData")).isEqualTo("true");
    assertThat(requests.get(0).param("orderBy")).isEqualTo("InvoiceId:asc");
  }

  @Test
  void compositeKeyPagesByOffsetInKeyOrder() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("hcmRestApi", "workers"))
        .fields(List.of("PersonId", "EffectiveStartDate")).build();
    try (FusionClient c = client(emulator, b -> b.pageSize(60).firstPageSize(3).parallelism(4))) {
      ResourceDescription d = c.describe("hcmRestApi", "workers");
      assertThat(d.keyAttributes()).hasSize(2);
      List<List<Object>> paged = rows(c, spec);
      List<List<Object>> one;
      try (FusionClient big = client(emulator, b -> b.pageSize(500).firstPageSize(500))) {
        one = rows(big, spec);
      }
      assertThat(paged).isEqualTo(one).doesNotHaveDuplicates();
    }
    assertThat(collectionRequests("workers")).anySatisfy(e -> assertThat(e.param("offset")).isEqualTo("3"))
        .allSatisfy(e -> assertThat(e.param("q")).isNull());
  }

  @Test
  void describeAndCountAgreeWithTheEmulator() {
    try (FusionClient c = client(emulator, b -> { })) {
      assertThat(c.resourceNames("fscmRestApi")).containsAll(emulator.data().resourceNames("fscmRestApi"));
      ResourceDescription d = c.describe("fscmRestApi", "invoices");
      assertThat(d.singleQueryableKey()).map(a -> a.name()).contains("InvoiceId");
      assertThat(d.attribute("Comments").orElseThrow().queryable()).isFalse();
      assertThat(d.children().get("invoiceLines").resource().keyAttributes()).containsExactly("LineNumber");
      assertThat(d.children().get("invoiceLines").sourceAttributes()).containsExactly("InvoiceId");
      assertThat(d.children().get("invoiceLines").destinationAttributes()).containsExactly("InvoiceId");
      assertThat(d.attribute("InvoiceNumber").orElseThrow().maxLength()).hasValue(50);
      assertThat(d.attribute("InvoiceNumber").orElseThrow().mandatory()).isTrue();
      assertThat(c.describe("hcmRestApi", "workers").keyAttributes()).containsExactly("PersonId", "EffectiveStartDate");
      QuerySpec usd = invoices().filter(QExpr.compare("InvoiceCurrency", QExpr.Op.EQ, QValue.of("USD"))).build();
      assertThat(c.count(usd)).isEqualTo(rows(c, usd).size()).isPositive();
    }
  }

  @Test
  void childrenAcrossParentsMatchTheDataSet() {
    QuerySpec parents = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices")).fields(List.of("InvoiceId"))
        .orderBy(List.of(SortKey.asc("InvoiceId"))).limit(30).build();
    List<List<Object>> expected = new ArrayList<>();
    List<Map<String, Object>> all = emulator.data().rows("invoices");
    for (Map<String, Object> p : all.subList(0, 30)) {
      long id = ((Number) p.get("InvoiceId")).longValue();
      for (Map<String, Object> line : emulator.data().children("invoices", id, "invoiceLines")) {
        expected.add(List.of(id, ((Number) line.get("LineNumber")).longValue()));
      }
    }
    try (FusionClient c = client(emulator, b -> b.frameworkVersion(4))) {
      try (RowStream s = c.scanChildren(parents, "invoiceLines", List.of("LineNumber"))) {
        List<List<Object>> got = new ArrayList<>();
        while (s.next()) {
          got.add(List.of(s.row()));
        }
        assertThat(got).isEqualTo(expected);
      }
    }
  }

  @Test
  void hostileLiteralsRoundTripExactly() {
    List<String> hostile = List.of("back\\slash", "semi;colon", "x' or '1'='1", "a and b or c", "100%", "50% off",
        "plus+sign", "amp&er=sand", "hash#tag", "Zoë 日本", "  spaced  ", "percent%25encoded");
    try (FusionEmulator permissive = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(50).permissive(true).build());
         FusionClient strict = client(permissive, b -> b.parallelism(1));
         FusionClient doubling = client(permissive, b -> b.parallelism(1).dialect(QDialect.PERMISSIVE))) {
      for (String s : hostile) {
        permissive.data().insert("invoices", Map.of("InvoiceNumber", "H-" + s, "Description", s,
            "InvoiceAmount", new java.math.BigDecimal("1.00")));
      }
      permissive.data().insert("invoices", Map.of("InvoiceNumber", "decoy", "Description", "semi",
          "InvoiceAmount", new java.math.BigDecimal("1.00")));
      for (String s : hostile) {
        QExpr eq = QExpr.compare("Description", QExpr.Op.EQ, QValue.of(s));
        FusionClient c = eq.renderable(QDialect.STRICT) ? strict : doubling;
        List<List<Object>> got = rows(c, QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
            .fields(List.of("InvoiceNumber", "Description")).filter(eq).build());
        long expected = permissive.data().rows("invoices").stream().filter(r -> s.equals(r.get("Description"))).count();
        assertThat(got).as(s).hasSize((int) expected).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(s));
        assertThat(expected).as(s).isPositive();
      }
    }
  }
}
