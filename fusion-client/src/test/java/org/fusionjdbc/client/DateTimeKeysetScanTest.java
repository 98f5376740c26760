package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.client.EmulatorScanTest.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.rest.WireShapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ORDER BY LastUpdateDate} (the order of an incremental load) pages by composite keyset against the real
 * emulator: runs of one instant longer than a page, the same instant written with other offsets, millisecond
 * fractions (emulator writing {@code .SSS}), null values; the rows equal an in-test Oracle-order sort by instant
 * then key, and no request has an offset.
 */
@org.junit.jupiter.api.Timeout(120) // a paging loop fails the test instead of hanging the build
class DateTimeKeysetScanTest {
  private static final ResourcePath INVOICES = ResourcePath.of("fscmRestApi", "invoices");
  private static final String A = "LastUpdateDate";
  private static final OffsetDateTime T = OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.UTC);
  private static final QExpr FILTER = QExpr.or(List.of(QExpr.compare("InvoiceAmount", QExpr.Op.GT, QValue.of(20_000)),
      QExpr.compare("InvoiceType", QExpr.Op.EQ, QValue.of("Credit Memo"))));
  private static final Predicate<Map<String, Object>> FILTER_IN_TEST = r ->
      ((BigDecimal) r.get("InvoiceAmount")).compareTo(BigDecimal.valueOf(20_000)) > 0
          || "Credit Memo".equals(r.get("InvoiceType"));
  private static FusionEmulator seconds;
  private static FusionEmulator millis;

  @BeforeAll
  static void start() {
    seconds = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(120).build());
    // .SSS on every value: the recorded shapes drop the fraction on some rows, which PrecisionGuard rightly answers
    // by reading the rest by offset, against this test's premise of keyset-only paging
    millis = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(120)
        .datetimeMillis(true).wireShapes(WireShapes.clean()).build());
    for (FusionEmulator e : List.of(seconds, millis)) {
      boolean fractions = e == millis;
      for (int i = 0; i < 12; i++) {
        // one instant, more rows than a page, written in three offsets
        ZoneOffset zone = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHoursMinutes(-5, -30)).get(i % 3);
        insert(e, "S-" + i, i % 2 == 0 ? "30000.00" : "2.00", T.withOffsetSameInstant(zone));
        // nulls, more than a page
        insert(e, "N-" + i, i % 2 == 0 ? "25000.00" : "3.00", null);
        // neighbours a fraction of a second apart (whole seconds when the emulator writes seconds only)
        OffsetDateTime near = fractions ? T.plusNanos((i % 4) * 250_000_000L + 1_000_000L * i) : T.plusSeconds(i % 4);
        insert(e, "F-" + i, "40000.00", near.withOffsetSameInstant(ZoneOffset.ofHours(i % 2 == 0 ? 0 : 9)));
      }
    }
  }

  private static void insert(FusionEmulator e, String number, String amount, OffsetDateTime when) {
    Map<String, Object> row = new HashMap<>(Map.of("InvoiceNumber", number, "InvoiceAmount", new BigDecimal(amount)));
    if (when != null) {
      row.put(A, when);
    }
    e.data().insert("invoices", row);
  }

  @AfterAll
  static void stop() {
    seconds.close();
    millis.close();
  }

  @BeforeEach
  void clearJournals() {
    seconds.journal().clear();
    millis.journal().clear();
  }

  @ParameterizedTest(name = "millis={0} desc={1} filter={2}")
  @CsvSource({"false,false,false", "false,true,false", "false,false,true", "false,true,true",
      "true,false,false", "true,true,false", "true,false,true", "true,true,true"})
  void smallPagesMatchAnOracleOrderSortAndPageByKeysetOnly(boolean fractions, boolean desc, boolean filtered) {
    FusionEmulator pod = fractions ? millis : seconds;
    QuerySpec spec = spec(desc, filtered ? FILTER : null);
    try (FusionClient c = client(pod, b -> b.pageSize(7).firstPageSize(3).parallelism(1))) {
      assertThat(ids(c, spec)).isEqualTo(expected(pod, desc, filtered ? FILTER_IN_TEST : r -> true));
    }
    List<JournalEntry> requests = pod.journal().filter(e -> e.path().endsWith("/invoices"));
    assertThat(requests).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"));
    assertThat(requests).anySatisfy(e -> assertThat(e.param("q")).contains(A + " = '2024-03-05T10:20:30+00:00'"));
    if (fractions) {
      assertThat(requests).anySatisfy(e -> assertThat(e.param("q")).containsPattern(A + " = '2024-03-05T10:20:3\\d\\.\\d+\\+00:00'"));
    }
  }

  /**
   * Deletes behind and ahead of the cursor and inserts before it (instants already passed, nulls) while reading:
   * no row twice, every row that lived through the scan returned, in order, and no request with an offset.
   */
  @ParameterizedTest(name = "desc={0}")
  @CsvSource({"false", "true"})
  void underInsertsAndDeletesNoRowTwiceNoneMissedInOrder(boolean desc) {
    try (FusionEmulator pod = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1")
        .rows(250).datetimeMillis(true).build());
        FusionClient c = client(pod, b -> b.pageSize(11).firstPageSize(5).parallelism(1))) {
      for (int i = 0; i < 30; i++) { // ties and nulls across page boundaries
        insert(pod, "D-" + i, "5.00", i % 3 == 0 ? null : T.plusSeconds(i % 5));
      }
      List<Long> order = expected(pod, desc, r -> true);
      Set<Long> initial = new HashSet<>(order);
      Set<Long> deleted = new HashSet<>();
      Random random = new Random(6);
      Map<Long, Integer> seen = new HashMap<>();
      List<Long> ids = new ArrayList<>();
      try (RowStream s = c.scan(spec(desc, null))) {
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
            // an instant the scan has already passed (it was the oldest ascending, the newest descending) or null
            insert(pod, "I-" + ids.size(), "1.00", ids.size() % 14 == 0 ? null
                : desc ? OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : T.minusYears(50));
          }
        }
      }
      assertThat(deleted).isNotEmpty();
      assertThat(seen).allSatisfy((id, n) -> assertThat(n).as("times row %s was returned", id).isEqualTo(1));
      Set<Long> stable = new HashSet<>(initial);
      stable.removeAll(deleted);
      assertThat(seen.keySet()).containsAll(stable);
      List<Long> now = expected(pod, desc, r -> true);
      Set<Long> live = new HashSet<>(now);
      assertThat(ids.stream().filter(live::contains).toList())
          .isEqualTo(now.stream().filter(seen::containsKey).toList());
      assertThat(pod.journal().filter(e -> e.path().endsWith("/invoices")))
          .allSatisfy(e -> assertThat(e.param("offset")).isEqualTo("0"));
    }
  }

  /**
   * A pod that holds fractions but writes whole seconds (the emulator's default writer fed fractional values), so
   * {@code A = x} never holds for a row's own JSON value. Ascending, the anchor row comes back and the pager reads on
   * by offset; descending, each anchor also reads its written second, where the anchor row comes back too (nulls
   * first put the first anchor inside a second of fractions). Either way every row once, in the
   * server's order (by the stored instant, then the key).
   */
  @ParameterizedTest(name = "desc={0}")
  @CsvSource({"false", "true"})
  void aDatetimeHeldFinerThanWrittenStillReadsEveryRowOnce(boolean desc) {
    try (FusionEmulator pod = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1")
        .rows(60).build());
        FusionClient c = client(pod, b -> b.pageSize(7).firstPageSize(3).parallelism(1))) {
      OffsetDateTime edge = desc ? OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : T.minusYears(40);
      for (int i = 0; i < 10; i++) {
        // within each second the server's order (by fraction) is key order, so the rows never look out of order:
        // the only signs are the anchor row coming back (ascending) and inside the anchor's window (descending)
        long fraction = 50_000_000L + 90_000_000L * (desc ? 9 - i : i);
        insert(pod, "C-" + i, "7.00", edge.plusNanos(fraction));
        insert(pod, "M-" + i, "7.00", T.plusNanos(fraction));
      }
      insert(pod, "Z-1", "7.00", null);
      insert(pod, "Z-2", "7.00", null);
      assertThat(ids(c, spec(desc, null))).isEqualTo(expected(pod, desc, r -> true));
      List<JournalEntry> requests = pod.journal().filter(e -> e.path().endsWith("/invoices"));
      assertThat(requests).anySatisfy(e -> assertThat(e.param("offset")).isNotEqualTo("0"));
      if (!desc) {
        assertThat(requests).anySatisfy(e -> assertThat(e.param("q")).contains(A + " = "));
      }
    }
  }

  static QuerySpec spec(boolean desc, QExpr filter) {
    return QuerySpec.builder(INVOICES).fields(List.of("InvoiceId", "InvoiceAmount")).filter(filter)
        .orderBy(List.of(desc ? SortKey.desc(A) : SortKey.asc(A))).build();
  }

  static List<Long> ids(FusionClient c, QuerySpec spec) {
    List<Long> out = new ArrayList<>();
    try (RowStream s = c.scan(spec)) {
      while (s.next()) {
        assertThat(s.row()).hasSize(spec.fields().size());
        out.add((Long) s.row()[0]);
      }
    }
    return out;
  }

  /** InvoiceIds in Oracle order: by instant (not local time), nulls last ascending and first descending, then id. */
  static List<Long> expected(FusionEmulator e, boolean desc, Predicate<Map<String, Object>> filter) {
    Comparator<OffsetDateTime> instants = Comparator.comparing(OffsetDateTime::toInstant);
    Comparator<OffsetDateTime> nulls = desc ? Comparator.nullsFirst(instants.reversed())
        : Comparator.nullsLast(instants);
    return e.data().rows("invoices").stream().filter(filter)
        .sorted(Comparator.<Map<String, Object>, OffsetDateTime>comparing(r -> (OffsetDateTime) r.get(A), nulls)
            .thenComparing(r -> (Long) r.get("InvoiceId")))
        .map(r -> (Long) r.get("InvoiceId")).toList();
  }
}
