package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.client.EmulatorScanTest.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.fusionjdbc.client.config.QDialect;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scans ordered by a non-key attribute (then the key) against the real emulator: composite keyset continuation
 * returns exactly the rows, in exactly the order, of an in-test Oracle-order sort of the emulator's data (nulls
 * last ascending, first descending), with small pages that split runs of equal values, and pages by keyset only
 * (offset 0) wherever every value has an exact q literal.
 */
class SortedKeysetScanTest {
  private static final ResourcePath INVOICES = ResourcePath.of("fscmRestApi", "invoices");
  private static final QExpr FILTER = QExpr.or(List.of(QExpr.compare("InvoiceAmount", QExpr.Op.GT, QValue.of(20_000)),
      QExpr.compare("InvoiceType", QExpr.Op.EQ, QValue.of("Credit Memo"))));
  private static final Predicate<Map<String, Object>> FILTER_IN_TEST = r ->
      ((BigDecimal) r.get("InvoiceAmount")).compareTo(BigDecimal.valueOf(20_000)) > 0
          || "Credit Memo".equals(r.get("InvoiceType"));
  private static FusionEmulator strict;
  private static FusionEmulator permissive;

  @BeforeAll
  static void start() {
    strict = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(120).build());
    permissive = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(120)
        .permissive(true).build());
    for (FusionEmulator e : List.of(strict, permissive)) {
      for (int i = 0; i < 9; i++) { // more null Descriptions and AmountPaids than one page, and quoted duplicates
        e.data().insert("invoices", Map.of("InvoiceNumber", "N-" + i, "InvoiceAmount", new BigDecimal("25000.00")));
        e.data().insert("invoices", Map.of("InvoiceNumber", "Q-" + i, "Description", i % 2 == 0 ? "It's" : "It''s",
            "InvoiceAmount", new BigDecimal("1.00"), "InvoiceType", "Credit Memo", "AmountPaid", BigDecimal.ONE));
      }
    }
  }

  @AfterAll
  static void stop() {
    strict.close();
    permissive.close();
  }

  @BeforeEach
  void clearJournals() {
    strict.journal().clear();
    permissive.journal().clear();
  }

  @ParameterizedTest(name = "{0} desc={1} filter={2}")
  @CsvSource({"AmountPaid,false,false", "AmountPaid,true,false", "AmountPaid,false,true", "AmountPaid,true,true",
      "InvoiceDate,false,false", "InvoiceDate,true,true", "SupplierId,false,true", "SupplierId,true,false",
      "InvoiceNumber,true,false", "InvoiceType,false,true"})
  void smallPagesMatchAnOracleOrderSortAndPageByKeysetOnly(String attribute, boolean desc, boolean filtered) {
    QuerySpec spec = spec(attribute, desc, filtered ? FILTER : null);
    try (FusionClient c = client(strict, b -> b.pageSize(7).firstPageSize(3).parallelism(1))) {
      assertThat(ids(c, spec)).isEqualTo(expected(strict, attribute, desc, filtered ? FILTER_IN_TEST : r -> true));
    }
    List<JournalEntry> requests = strict.journal().filter(e -> e.path().endsWith("/invoices"));
    assertThat(requests).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"));
    assertThat(requests).anySatisfy(e -> assertThat(e.param("q")).contains(attribute + " = "));
  }

  @ParameterizedTest(name = "desc={0} filter={1}")
  @CsvSource({"false,false", "true,false", "false,true", "true,true"})
  void nullableStringsWithQuotesMatchInStrictAndQuoteDoublingDialects(boolean desc, boolean filtered) {
    QuerySpec spec = spec("Description", desc, filtered ? FILTER : null);
    Predicate<Map<String, Object>> filter = filtered ? FILTER_IN_TEST : r -> true;
    try (FusionClient c = client(strict, b -> b.pageSize(7).firstPageSize(7).parallelism(1))) {
      // a quoted value has no strict literal: those pages extend the offset from the last anchor instead
      assertThat(ids(c, spec)).isEqualTo(expected(strict, "Description", desc, filter));
    }
    assertThat(strict.journal().filter(e -> e.path().endsWith("/invoices")))
        .anySatisfy(e -> assertThat(e.param("offset")).isNotEqualTo("0")) // nine quoted values in a row
        .anySatisfy(e -> assertThat(e.param("q")).contains("Description = "));
    try (FusionClient c = client(permissive, b -> b.pageSize(7).firstPageSize(7).parallelism(1)
        .dialect(QDialect.PERMISSIVE))) {
      assertThat(ids(c, spec)).isEqualTo(expected(permissive, "Description", desc, filter));
    }
    assertThat(permissive.journal().filter(e -> e.path().endsWith("/invoices")))
        .allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"))
        .anySatisfy(e -> assertThat(e.param("q")).contains("''"))
        .anySatisfy(e -> assertThat(e.param("orderBy")).isEqualTo("Description:desc,InvoiceId:asc"));
  }

  @ParameterizedTest(name = "desc={0}")
  @CsvSource({"false", "true"})
  void aLimitStopsExactlyAndAOneRequestReadIsTheSame(boolean desc) {
    QuerySpec spec = spec("Description", desc, null).toBuilder().limit(40).build();
    List<Long> all = expected(permissive, "Description", desc, r -> true);
    try (FusionClient c = client(permissive, b -> b.pageSize(7).firstPageSize(3).parallelism(1)
        .dialect(QDialect.PERMISSIVE))) {
      assertThat(ids(c, spec)).isEqualTo(all.subList(0, 40));
    }
    try (FusionClient c = client(permissive, b -> b.parallelism(1).dialect(QDialect.PERMISSIVE))) {
      assertThat(ids(c, spec("Description", desc, null))).isEqualTo(all); // one page of 500 holds them all
    }
  }

  /**
   * Deletes behind and ahead of the cursor and inserts before it (including null values) while reading: no row
   * twice, every row that lived through the scan returned, and what is returned is in order.
   */
  @ParameterizedTest(name = "{0} desc={1}")
  @CsvSource({"Description,false", "Description,true", "AmountPaid,false", "AmountPaid,true", "InvoiceNumber,false"})
  void underInsertsAndDeletesNoRowTwiceNoneMissedInOrder(String attribute, boolean desc) {
    try (FusionEmulator pod = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1")
        .rows(250).permissive(true).build());
        // permissive, with quote doubling: every Description has an exact literal, so keyset holds throughout
        FusionClient c = client(pod, b -> b.pageSize(11).firstPageSize(5).parallelism(1)
            .dialect(QDialect.PERMISSIVE))) {
      Set<Long> initial = new HashSet<>(expected(pod, attribute, desc, r -> true));
      List<Long> order = expected(pod, attribute, desc, r -> true);
      Set<Long> deleted = new HashSet<>();
      Random random = new Random(11);
      Map<Long, Integer> seen = new HashMap<>();
      List<Long> ids = new ArrayList<>();
      try (RowStream s = c.scan(spec(attribute, desc, null))) {
        while (s.next()) {
          long id = (Long) s.row()[0];
          ids.add(id);
          seen.merge(id, 1, Integer::sum);
          if (ids.size() % 7 == 0) {
            long behind = ids.get(random.nextInt(ids.size()));
            if (pod.data().delete("invoices", behind)) {
              deleted.add(behind);
            }
            long ahead = order.get(random.nextInt(order.size()));
            if (!seen.containsKey(ahead) && pod.data().delete("invoices", ahead)) {
              deleted.add(ahead);
            }
            Map<String, Object> row = new HashMap<>(Map.of("InvoiceNumber", "AP-0000-" + ids.size(),
                "InvoiceAmount", BigDecimal.ONE));
            if (ids.size() % 14 != 0) { // every other insert leaves Description and AmountPaid null
              row.put("Description", "A" + ids.size());
              row.put("AmountPaid", BigDecimal.ONE);
            }
            pod.data().insert("invoices", row);
          }
        }
      }
      assertThat(deleted).isNotEmpty();
      assertThat(seen).allSatisfy((id, n) -> assertThat(n).as("times row %s was returned", id).isEqualTo(1));
      Set<Long> stable = new HashSet<>(initial);
      stable.removeAll(deleted);
      assertThat(seen.keySet()).containsAll(stable);
      // the returned rows, looked up now, are in scan order (rows deleted since are left out of the check)
      List<Long> now = expected(pod, attribute, desc, r -> true);
      Set<Long> live = new HashSet<>(now);
      assertThat(ids.stream().filter(live::contains).toList()).isEqualTo(now.stream().filter(seen::containsKey)
          .toList());
      assertThat(pod.journal().filter(e -> e.path().endsWith("/invoices")))
          .allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"));
    }
  }

  @ParameterizedTest(name = "desc={0}")
  @CsvSource({"false", "true"})
  void childrenOfParentsInANonKeyOrderComeInThatOrder(boolean desc) {
    QuerySpec parents = QuerySpec.builder(INVOICES).fields(List.of("InvoiceId"))
        .orderBy(List.of(desc ? SortKey.desc("AmountPaid") : SortKey.asc("AmountPaid"))).build();
    List<List<Object>> expected = new ArrayList<>();
    for (long id : expected(strict, "AmountPaid", desc, r -> true)) {
      for (Map<String, Object> line : strict.data().children("invoices", id, "invoiceLines")) {
        expected.add(List.of(id, line.get("LineNumber")));
      }
    }
    try (FusionClient c = client(strict, b -> b.pageSize(9).firstPageSize(9).parallelism(1));
        RowStream s = c.scanChildren(parents, "invoiceLines", List.of("LineNumber"))) {
      List<List<Object>> got = new ArrayList<>();
      while (s.next()) {
        got.add(List.of(s.row()));
      }
      assertThat(got).isEqualTo(expected);
    }
    assertThat(strict.journal().filter(e -> e.path().endsWith("/invoices")))
        .allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"))
        .anySatisfy(e -> assertThat(e.param("q")).startsWith("AmountPaid " + (desc ? "<" : ">")));
  }

  private static QuerySpec spec(String attribute, boolean desc, QExpr filter) {
    return QuerySpec.builder(INVOICES).fields(List.of("InvoiceId", "InvoiceAmount")).filter(filter)
        .orderBy(List.of(desc ? SortKey.desc(attribute) : SortKey.asc(attribute))).build();
  }

  private static List<Long> ids(FusionClient c, QuerySpec spec) {
    List<Long> out = new ArrayList<>();
    try (RowStream s = c.scan(spec)) {
      while (s.next()) {
        assertThat(s.row()).hasSize(spec.fields().size());
        out.add((Long) s.row()[0]);
      }
    }
    return out;
  }

  /** InvoiceIds in Oracle order: by the attribute, nulls last ascending and first descending, then by id. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Long> expected(FusionEmulator e, String attribute, boolean desc,
      Predicate<Map<String, Object>> filter) {
    Comparator<Object> values = (a, b) -> ((Comparable) a).compareTo(b);
    Comparator<Object> nulls = desc ? Comparator.nullsFirst(values.reversed()) : Comparator.nullsLast(values);
    return e.data().rows("invoices").stream().filter(filter)
        .sorted(Comparator.<Map<String, Object>, Object>comparing(r -> r.get(attribute), nulls)
            .thenComparing(r -> (Long) r.get("InvoiceId")))
        .map(r -> (Long) r.get("InvoiceId")).toList();
  }
}
