package org.fusionjdbc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spark's partitioned JDBC read on the key: each partition's range must reach Fusion's {@code q}, so the N
 * partitions read N disjoint REST slices instead of each paging through the whole collection.
 */
@ExtendWith(SparkPodExtension.class)
class PartitionedReadTest {
  private static final String TABLE = "fscm.\"invoices\"";
  /** The first request of a partition: q is exactly Spark's range ("... or is null" dropped: the key is NOT NULL). */
  private static final Pattern RANGE =
      Pattern.compile("InvoiceId (<|>=) (\\d+)(?: and InvoiceId < (\\d+))?");

  static SparkPod pod;
  static List<String> singleRead;
  static long minId;
  static long maxId;

  @BeforeAll
  static void readOnce(SparkPod p) {
    pod = p;
    pod.useDialect(false);
    Dataset<Row> df = pod.jdbc().option("dbtable", TABLE).load();
    assertThat(df.rdd().getNumPartitions()).isEqualTo(1);
    List<Row> rows = df.collectAsList();
    singleRead = SparkRows.render(rows);
    List<Long> ids = rows.stream().map(r -> r.<Long>getAs("InvoiceId")).toList();
    minId = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
    maxId = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  @Test
  void singleConnectionReadsTheWholeCollection() {
    assertThat(singleRead).hasSize(SparkPod.ROWS).doesNotHaveDuplicates();
  }

  @Test
  void fourPartitionsReturnExactlyTheRowsOfOneConnectionAndReadDisjointSlices() {
    pod.emulator.journal().clear();
    Dataset<Row> df = pod.jdbc().option("dbtable", TABLE)
        .option("partitionColumn", "InvoiceId")
        .option("lowerBound", Long.toString(minId))
        .option("upperBound", Long.toString(maxId + 1))
        .option("numPartitions", "4")
        .load();
    assertThat(df.rdd().getNumPartitions()).isEqualTo(4);
    List<Row> rows = df.collectAsList();
    assertThat(SparkRows.render(rows)).containsExactlyInAnyOrderElementsOf(singleRead);

    List<JournalEntry> scans = pod.scans("invoices");
    // The schema probe (WHERE 1=0) sent no data request: every scan belongs to one partition's range.
    List<long[]> ranges = partitionRanges(scans);
    assertThat(ranges).as("one first page per partition, q = its range").hasSize(4);
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    assertThat(ranges.get(0)[0]).isEqualTo(Long.MIN_VALUE);
    assertThat(ranges.get(3)[1]).isEqualTo(Long.MAX_VALUE);
    for (int i = 1; i < 4; i++) {
      assertThat(ranges.get(i)[0]).as("ranges chain without gap or overlap").isEqualTo(ranges.get(i - 1)[1]);
      assertThat(ranges.get(i)[0]).isBetween(minId + 1, maxId);
    }

    long fetched = 0;
    for (long[] range : ranges) {
      String predicate = render(range);
      List<JournalEntry> own = scans.stream()
          .filter(e -> e.param("q").equals(predicate) || e.param("q").startsWith(predicate + " and ")
              || e.param("q").startsWith("(" + predicate + ") and "))
          .toList();
      long fetchedHere = SparkPod.rowsFetched(own);
      long returnedHere = rows.stream().map(r -> r.<Long>getAs("InvoiceId"))
          .filter(id -> id >= range[0] && id < range[1]).count();
      assertThat(returnedHere).as("every partition has rows").isPositive();
      assertThat(fetchedHere).as("rows fetched for %s", predicate).isEqualTo(returnedHere);
      fetched += fetchedHere;
    }
    assertThat(fetched).as("each request belongs to exactly one partition; no row fetched twice")
        .isEqualTo(SparkPod.rowsFetched(scans))
        .isEqualTo(rows.size());
  }

  @Test
  void boundsOnlyShapeThePartitionsAndNeverFilterRows() {
    // Spark's documented semantics: rows outside [lowerBound, upperBound) land in the first or last partition.
    long quarter = (maxId - minId) / 4;
    Dataset<Row> df = pod.jdbc().option("dbtable", TABLE)
        .option("partitionColumn", "InvoiceId")
        .option("lowerBound", Long.toString(minId + quarter))
        .option("upperBound", Long.toString(maxId - quarter))
        .option("numPartitions", "3")
        .load();
    assertThat(SparkRows.render(df.collectAsList())).containsExactlyInAnyOrderElementsOf(singleRead);
  }

  /** [lo, hi) of each partition, from the requests that carry exactly a range predicate as q. */
  private static List<long[]> partitionRanges(List<JournalEntry> scans) {
    List<long[]> out = new ArrayList<>();
    for (JournalEntry e : scans) {
      Matcher m = RANGE.matcher(e.param("q") == null ? "" : e.param("q"));
      if (!m.matches()) {
        continue;
      }
      long bound = Long.parseLong(m.group(2));
      if (m.group(1).equals("<")) {
        out.add(new long[] {Long.MIN_VALUE, bound});
      } else if (m.group(3) == null) {
        out.add(new long[] {bound, Long.MAX_VALUE});
      } else {
        out.add(new long[] {bound, Long.parseLong(m.group(3))});
      }
    }
    return out;
  }

  private static String render(long[] range) {
    if (range[0] == Long.MIN_VALUE) {
      return "InvoiceId < " + range[1];
    }
    if (range[1] == Long.MAX_VALUE) {
      return "InvoiceId >= " + range[0];
    }
    return "InvoiceId >= " + range[0] + " and InvoiceId < " + range[1];
  }
}
