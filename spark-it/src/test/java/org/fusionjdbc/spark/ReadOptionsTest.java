package org.fusionjdbc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The other shapes Spark sends (ecosystem.md §3.1): the WHERE 1=0 schema probe, string-typed timestamp bounds,
 * the query option's subquery, pushDownPredicate, fetchsize and customSchema. The oracle for pushed filters is
 * the same read with pushDownPredicate=false, where Spark filters every row itself.
 */
@ExtendWith(SparkPodExtension.class)
class ReadOptionsTest {
  private static final String TABLE = "fscm.\"invoices\"";
  private static final String AMOUNT_FILTER = "InvoiceAmount > 25000";

  static SparkPod pod;

  @BeforeAll
  static void start(SparkPod p) {
    pod = p;
    pod.useDialect(false);
  }

  @Test
  void schemaProbeFetchesNoRowsAndMapsTypes() {
    pod.emulator.journal().clear();
    StructType schema = pod.jdbc().option("dbtable", TABLE).load().schema();
    assertThat(schema.apply("InvoiceId").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(schema.apply("LastUpdateDate").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("InvoiceNumber").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(pod.scans("invoices")).as("SELECT * ... WHERE 1=0 is answered from describe alone").isEmpty();
  }

  @Test
  void timestampPartitionColumnWithAWatermarkSubqueryReadsDisjointRangesOfLastUpdateDate() {
    // An incremental load: rows changed since the last run's watermark, split by LastUpdateDate. The watermark
    // sits in the dbtable subquery, so Spark's first partition ("... or is null") is bounded too.
    String watermark = "LastUpdateDate >= '2021-01-01 00:00:00'";
    List<String> expected = SparkRows.render(pod.jdbc().option("dbtable", TABLE).option("pushDownPredicate", "false")
        .load().filter(watermark).collectAsList());
    assertThat(expected).isNotEmpty().hasSizeLessThan(SparkPod.ROWS);
    pod.emulator.journal().clear();
    String since = "(select * from fscm.\"invoices\" where \"LastUpdateDate\" >= '2021-01-01 00:00:00') changed";
    List<Row> rows = timestampPartitions(since).collectAsList();
    assertThat(SparkRows.render(rows)).containsExactlyInAnyOrderElementsOf(expected);

    List<JournalEntry> scans = pod.scans("invoices");
    // Spark sends the bounds as string literals; Calcite coerces them, so every request filters LastUpdateDate.
    assertThat(scans).isNotEmpty().allSatisfy(e -> assertThat(e.param("q")).contains("LastUpdateDate"));
    assertThat(firstPages(scans)).as("one first page per partition").hasSize(4);
    assertThat(SparkPod.rowsFetched(scans)).as("no row fetched twice, none thrown away").isEqualTo(rows.size());
  }

  @Test
  void timestampFilterFromSparkIsPushedWithThePartitionRange() {
    pod.emulator.journal().clear();
    long n = timestampPartitions(TABLE).filter("LastUpdateDate >= '2021-01-01 00:00:00'").count();
    assertThat(n).isPositive();
    // Calcite merges the filter with each partition's range: every request carries a lower bound at or after the
    // filter's (ISO timestamps compare as text)
    java.util.regex.Pattern lower = java.util.regex.Pattern.compile("LastUpdateDate >= '([^']+)'");
    assertThat(pod.scans("invoices")).isNotEmpty().allSatisfy(e -> {
      java.util.regex.Matcher m = lower.matcher(String.valueOf(e.param("q")));
      assertThat(m.find()).as(e.param("q")).isTrue();
      assertThat(m.group(1)).isGreaterThanOrEqualTo("2021-01-01T00:00:00");
    });
  }

  @Test
  @Disabled("limitation: Spark's first partition is \"LastUpdateDate < b1 or LastUpdateDate is null\"; IS NULL is "
      + "not pushed (qExtensions) and LastUpdateDate is nullable, so without a watermark filter that partition reads "
      + "the whole collection. Workaround: a watermark filter (see the test above and docs/spark.md)")
  void timestampPartitionColumnWithoutWatermarkFiltersEveryRequest() {
    pod.emulator.journal().clear();
    long n = timestampPartitions(TABLE).count();
    assertThat(n).isEqualTo(SparkPod.ROWS);
    assertThat(pod.scans("invoices")).allSatisfy(e -> assertThat(e.param("q")).contains("LastUpdateDate"));
  }

  private static Dataset<Row> timestampPartitions(String dbtable) {
    Dataset<Row> df = pod.jdbc().option("dbtable", dbtable)
        .option("partitionColumn", "LastUpdateDate")
        .option("lowerBound", "2021-01-01 00:00:00")
        .option("upperBound", "2024-09-01 00:00:00")
        .option("numPartitions", "4")
        .load();
    assertThat(df.rdd().getNumPartitions()).isEqualTo(4);
    return df;
  }

  private static List<String> firstPages(List<JournalEntry> scans) {
    // a partition's first page: its first request that is not a slice probe (later pages continue after a key)
    return SparkPod.pages(scans).stream().filter(e -> !e.param("q").matches(".* and InvoiceId > \\d+$"))
        .map(e -> e.param("q")).toList();
  }

  @Test
  void pushedPredicatesReturnWhatSparkFiltersItselfAndFetchOnlyMatchingRows() {
    List<String> expected = SparkRows.render(pod.jdbc().option("dbtable", TABLE).option("pushDownPredicate", "false")
        .load().filter(AMOUNT_FILTER).collectAsList());
    assertThat(expected).isNotEmpty().hasSizeLessThan(SparkPod.ROWS);

    pod.emulator.journal().clear();
    List<Row> pushed = pod.jdbc().option("dbtable", TABLE).load().filter(AMOUNT_FILTER).collectAsList();
    assertThat(SparkRows.render(pushed)).containsExactlyInAnyOrderElementsOf(expected);
    List<JournalEntry> scans = pod.scans("invoices");
    assertThat(scans).allSatisfy(e -> assertThat(e.param("q")).contains("InvoiceAmount > 25000"));
    assertThat(SparkPod.rowsFetched(scans)).isEqualTo(pushed.size());
  }

  /** Spark writes startsWith/endsWith/contains as LIKE with ESCAPE '\\'; the driver sends them when q can say them. */
  @Test
  void stringPrefixSuffixAndContainsFiltersArePushedAsLike() {
    java.util.Map<org.apache.spark.sql.Column, String> filters = new java.util.LinkedHashMap<>();
    filters.put(org.apache.spark.sql.functions.col("Supplier").startsWith("M"), "Supplier LIKE 'M%'");
    filters.put(org.apache.spark.sql.functions.col("Supplier").endsWith("12"), "Supplier LIKE '%12'");
    filters.put(org.apache.spark.sql.functions.col("Supplier").contains("GmbH"), "Supplier LIKE '%GmbH%'");
    filters.put(org.apache.spark.sql.functions.col("Supplier").startsWith("M_"), null); // a literal _: kept in the driver
    filters.forEach((filter, q) -> {
      List<String> expected = SparkRows.render(pod.jdbc().option("dbtable", TABLE)
          .option("pushDownPredicate", "false").load().filter(filter).collectAsList());
      pod.emulator.journal().clear();
      List<Row> pushed = pod.jdbc().option("dbtable", TABLE).load().filter(filter).collectAsList();
      assertThat(SparkRows.render(pushed)).as(filter.toString()).containsExactlyInAnyOrderElementsOf(expected);
      List<JournalEntry> scans = pod.scans("invoices");
      if (q != null) {
        assertThat(pushed).as(filter.toString()).isNotEmpty();
        assertThat(scans).allSatisfy(e -> assertThat(e.param("q")).as(filter.toString()).contains(q));
        assertThat(SparkPod.rowsFetched(scans)).isEqualTo(pushed.size());
      } else {
        assertThat(scans).noneSatisfy(e -> assertThat(String.valueOf(e.param("q"))).contains("LIKE"));
      }
    });
  }

  @Test
  void withoutPredicatePushdownSparkReadsEveryRowAndSendsNoFilter() {
    pod.emulator.journal().clear();
    long n = pod.jdbc().option("dbtable", TABLE).option("pushDownPredicate", "false").load()
        .filter(AMOUNT_FILTER).count();
    assertThat(n).isPositive();
    List<JournalEntry> scans = pod.scans("invoices");
    assertThat(scans).noneSatisfy(e -> assertThat(e.param("q")).contains("InvoiceAmount"));
    assertThat(SparkPod.rowsFetched(scans)).isEqualTo(SparkPod.ROWS);
  }

  @Test
  void queryOptionSubqueryKeepsItsFilterAndTakesSparksFilterOnTop() {
    String query = "select \"InvoiceId\", \"InvoiceAmount\", \"Supplier\" from fscm.\"invoices\" "
        + "where \"InvoiceId\" < 300000047497014";
    List<String> expected = SparkRows.render(pod.jdbc().option("dbtable", TABLE).option("pushDownPredicate", "false")
        .load().filter("InvoiceId < 300000047497014").filter(AMOUNT_FILTER)
        .select("InvoiceId", "InvoiceAmount", "Supplier").collectAsList());
    assertThat(expected).isNotEmpty();

    pod.emulator.journal().clear();
    List<Row> rows = pod.jdbc().option("query", query).load().filter(AMOUNT_FILTER).collectAsList();
    assertThat(SparkRows.render(rows)).containsExactlyInAnyOrderElementsOf(expected);
    List<JournalEntry> scans = pod.scans("invoices");
    assertThat(scans).isNotEmpty().allSatisfy(e -> assertThat(e.param("q"))
        .contains("InvoiceId < 300000047497014").contains("InvoiceAmount > 25000"));
    assertThat(SparkPod.pages(scans))
        .allSatisfy(e -> assertThat(e.param("fields")).isEqualTo("InvoiceId,InvoiceAmount,Supplier"));
    assertThat(SparkPod.rowsFetched(scans)).isEqualTo(rows.size());
  }

  @Test
  void fetchsizeIsAcceptedAndChangesNoResult() {
    List<String> expected = SparkRows.render(pod.jdbc().option("dbtable", TABLE).load()
        .filter("InvoiceId < 300000047490000").collectAsList());
    List<String> withFetchSize = SparkRows.render(pod.jdbc().option("dbtable", TABLE).option("fetchsize", "100")
        .load().filter("InvoiceId < 300000047490000").collectAsList());
    assertThat(withFetchSize).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void customSchemaChangesOnlySparksTypes() {
    pod.emulator.journal().clear();
    Dataset<Row> df = pod.jdbc().option("dbtable", TABLE)
        .option("customSchema", "InvoiceId STRING, InvoiceAmount DECIMAL(20, 4)")
        .load().filter("InvoiceNumber = 'AP-100007'").select("InvoiceId", "InvoiceAmount", "InvoiceNumber");
    assertThat(df.schema().apply("InvoiceId").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(df.schema().apply("InvoiceAmount").dataType()).isEqualTo(DataTypes.createDecimalType(20, 4));
    List<Row> typed = df.collectAsList();
    List<Row> plain = pod.jdbc().option("dbtable", TABLE).load().filter("InvoiceNumber = 'AP-100007'")
        .select("InvoiceId", "InvoiceAmount").collectAsList();
    assertThat(typed).hasSize(1);
    assertThat(plain).hasSize(1);
    assertThat(typed.get(0).getString(0)).isEqualTo(Long.toString(plain.get(0).getLong(0)));
    assertThat(typed.get(0).getDecimal(1)).isEqualByComparingTo(plain.get(0).getDecimal(1));
    assertThat(pod.scans("invoices")).allSatisfy(e -> assertThat(e.param("q")).isEqualTo("InvoiceNumber = 'AP-100007'"));
  }
}
