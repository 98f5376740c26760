package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.function.IntFunction;
import org.fusionjdbc.emulator.data.DataSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans while the collection changes underneath them. The reader itself mutates the pod every 200 rows it has
 * consumed (deterministic, no timing): it deletes one row it has already read, one it has not read yet, and
 * inserts a new row (the emulator appends keys above the current maximum). Guarantee tested for key-ordered scans
 * (keyset paging, sequential or in parallel key slices): no row is returned twice; every row that existed for
 * the whole scan is returned; a row inserted or deleted during the scan may or may not appear. The same holds for
 * a scan ordered by one non-key attribute (composite keyset on it and the key), including a datetime one.
 */
class ConsistencyIT {
  private static final int ROWS = 8_000;
  private StressPod pod;

  @BeforeEach
  void start() {
    pod = StressPod.start(o -> o.rows(ROWS).latencyMs(5));
  }

  @AfterEach
  void stop() {
    pod.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parallelism=1", "parallelism=4", "parallelism=4&pageSize=100&firstPageSize=20"})
  void keyOrderedScanUnderInsertsAndDeletesReturnsNoRowTwice(String settings) throws SQLException {
    runScan(settings, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"", false);
  }

  @Test
  void explicitKeyOrderUnderInsertsAndDeletesReturnsNoRowTwiceInOrder() throws SQLException {
    runScan("parallelism=4", "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" ORDER BY \"InvoiceId\"", false);
  }

  /**
   * Sorted by a non-key attribute then the key, the pager continues by composite keyset ({@code InvoiceNumber >
   * x or (InvoiceNumber = x and InvoiceId > k)}), so rows inserted and deleted before the cursor (offset paging
   * skipped one of 7,983 here) shift nothing; the inserts sort before the cursor on purpose.
   */
  @Test
  void nonKeyOrderedScanUnderInsertsAndDeletesReturnsNoRowTwice() throws SQLException {
    runScan("parallelism=4&pageSize=100", "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" ORDER BY \"InvoiceNumber\"",
        true);
  }

  /**
   * The order of an incremental load: {@code ORDER BY LastUpdateDate} pages by composite keyset on the datetime
   * and the key. Every insert sorts before the cursor (an instant the scan has passed, in another offset, several
   * on the same instant) or is null (Oracle: last ascending, first descending), so offset paging would shift.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", " DESC"})
  void lastUpdateDateOrderedScanUnderInsertsAndDeletesReturnsNoRowTwice(String direction) throws SQLException {
    boolean desc = !direction.isEmpty();
    OffsetDateTime passed = desc ? OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
        : OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    runScan("parallelism=4&pageSize=100", "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" ORDER BY \"LastUpdateDate\""
        + direction, n -> {
          Map<String, Object> row = new HashMap<>();
          row.put("InvoiceNumber", "AP-LUD-" + n);
          if (n % 600 != 0) {
            row.put("LastUpdateDate", passed.plusSeconds(n % 400 / 200).withOffsetSameInstant(ZoneOffset.ofHours(2)));
          }
          return row;
        });
  }

  @Test
  void nonKeyOrderedScanWithoutChangesIsExact() throws SQLException {
    Set<Long> expected = liveIds(pod.emulator.data());
    try (Connection c = pod.connect("basic", "pageSize=100");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" ORDER BY \"InvoiceNumber\"")) {
      List<Long> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      assertThat(ids).doesNotHaveDuplicates().hasSize(expected.size());
      assertThat(new HashSet<>(ids)).isEqualTo(expected);
    }
  }

  private void runScan(String settings, String sql, boolean insertBeforeCursor) throws SQLException {
    runScan(settings, sql, n -> {
      Map<String, Object> row = new HashMap<>();
      row.put("InvoiceNumber", insertBeforeCursor ? "AP-000000-" + n : "AP-NEW-" + n);
      return row;
    });
  }

  /** {@code insert}: the row inserted after the n-th row read (InvoiceAmount added). */
  private void runScan(String settings, String sql, IntFunction<Map<String, Object>> insert) throws SQLException {
    DataSet data = pod.emulator.data();
    List<Long> initial = new ArrayList<>(liveIds(data));
    initial.sort(null);
    Set<Long> deleted = new HashSet<>();
    Set<Long> inserted = new HashSet<>();
    Random random = new Random(7);
    Figures fig = Figures.start("consistency/" + (sql.contains("InvoiceNumber") ? "by-InvoiceNumber"
        : sql.contains("LastUpdateDate") ? "by-LastUpdateDate" + (sql.endsWith("DESC") ? "-desc" : "") : "by-key") + "/"
        + settings);
    long seqBefore = pod.lastSeq();
    List<Long> ids = new ArrayList<>();
    Map<Long, Integer> seen = new HashMap<>();
    try (Connection c = pod.connect("jwt", settings);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        long id = rs.getLong(1);
        ids.add(id);
        seen.merge(id, 1, Integer::sum);
        if (ids.size() % 200 == 0) {
          long behind = ids.get(random.nextInt(ids.size()));
          if (data.delete("invoices", behind)) {
            deleted.add(behind);
          }
          long ahead = initial.get(random.nextInt(initial.size()));
          if (!seen.containsKey(ahead) && data.delete("invoices", ahead)) {
            deleted.add(ahead);
          }
          Map<String, Object> row = insert.apply(ids.size());
          row.put("InvoiceAmount", new BigDecimal("1.00"));
          inserted.add(data.insert("invoices", row));
        }
      }
    }
    List<Long> duplicates = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    Set<Long> stable = new HashSet<>(initial);
    stable.removeAll(deleted);
    Set<Long> missing = new HashSet<>(stable);
    missing.removeAll(seen.keySet());
    long insertedSeen = inserted.stream().filter(seen::containsKey).count();
    fig.put("rows", ids.size()).put("requests", pod.emulator.journal().filter(e -> e.seq() > seqBefore).size())
        .put("inserted", inserted.size()).put("insertedSeen", insertedSeen).put("deleted", deleted.size())
        .put("duplicates", duplicates.size()).put("missing", missing.size())
        .put("paging", offsetPaging(seqBefore) ? "offset" : "keyset")
        .print();

    assertThat(deleted).as("the test really deleted rows during the scan").isNotEmpty();
    assertThat(offsetPaging(seqBefore)).as("a request with offset > 0").isFalse();
    assertThat(duplicates).as("rows returned twice").isEmpty();
    assertThat(missing).as("rows present for the whole scan but not returned").isEmpty();
    Set<Long> allowed = new HashSet<>(initial);
    allowed.addAll(inserted);
    assertThat(allowed).as("only rows that existed at some time during the scan").containsAll(seen.keySet());
    if (sql.contains("ORDER BY \"InvoiceId\"")) {
      assertThat(ids).as("key order kept").isSorted();
    }
    if (sql.contains("ORDER BY \"LastUpdateDate\"")) {
      // the rows still live, looked up now, come in Oracle order: by instant, nulls last (first desc), then key
      boolean desc = sql.endsWith("DESC");
      Comparator<OffsetDateTime> instants = Comparator.comparing(OffsetDateTime::toInstant);
      List<Long> now = data.rows("invoices").stream()
          .sorted(Comparator.<Map<String, Object>, OffsetDateTime>comparing(r -> (OffsetDateTime) r.get("LastUpdateDate"),
              desc ? Comparator.nullsFirst(instants.reversed()) : Comparator.nullsLast(instants))
              .thenComparing(r -> (Long) r.get("InvoiceId")))
          .map(r -> (Long) r.get("InvoiceId")).filter(seen::containsKey).toList();
      Set<Long> live = new HashSet<>(now);
      assertThat(ids.stream().filter(live::contains).toList()).as("LastUpdateDate order kept").isEqualTo(now);
    }
  }

  /**
   * Whether a page was read by offset from where the scan started. A sliced scan's chunk opens with a page at an
   * offset past a key bound in q (it only places the chunk's start; the chunk itself is bounded by keys), and
   * one-row requests (the count) read no page.
   */
  private boolean offsetPaging(long seqBefore) {
    return pod.emulator.journal().filter(e -> e.seq() > seqBefore && e.path().endsWith("/invoices")).stream()
        .anyMatch(e -> e.param("offset") != null && !e.param("offset").equals("0") && !"1".equals(e.param("limit"))
            && (e.param("q") == null || !KEY_BOUND.matcher(e.param("q")).find()));
  }

  private static final java.util.regex.Pattern KEY_BOUND = java.util.regex.Pattern.compile("InvoiceId [<>]=? \\d+");

  private static Set<Long> liveIds(DataSet data) {
    Set<Long> ids = new HashSet<>();
    for (Map<String, Object> row : data.rows("invoices")) {
      ids.add((Long) row.get("InvoiceId"));
    }
    return ids;
  }
}
