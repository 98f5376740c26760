package org.fusionjdbc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The optional fusion-jdbc-spark dialect, found by Spark through ServiceLoader, through V1 and the V2 catalog. */
@ExtendWith(SparkPodExtension.class)
class DialectTest {
  static SparkPod pod;

  @BeforeAll
  static void start(SparkPod p) {
    pod = p;
    pod.useDialect(true);
    pod.spark.conf().set("spark.sql.catalog.fusion",
        "org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog");
    pod.connectionOptions().forEach((k, v) -> pod.spark.conf().set("spark.sql.catalog.fusion." + k, v));
    for (String push : List.of("pushDownAggregate", "pushDownLimit", "pushDownOffset")) {
      pod.spark.conf().set("spark.sql.catalog.fusion." + push, "true");
    }
  }

  @AfterAll
  static void stop() {
    pod.useDialect(false);
  }

  @Test
  void sparkFindsTheDialectThroughServiceLoader() {
    assertThat(pod.serviceLoadedDialect).as("META-INF/services registration").isNotNull();
    assertThat(JdbcDialects.get(pod.url())).isSameAs(pod.serviceLoadedDialect);
    assertThat(pod.serviceLoadedDialect.canHandle("jdbc:mysql://x")).isFalse();
    assertThat(pod.serviceLoadedDialect.quoteIdentifier("Invoice\"Id")).isEqualTo("\"Invoice\"\"Id\"");
  }

  @Test
  void showTablesListsTheResources() {
    List<Row> tables = pod.spark.sql("SHOW TABLES IN fusion.FSCM").collectAsList();
    assertThat(tables).anySatisfy(r -> assertThat(r.getString(1)).isEqualToIgnoringCase("invoices"));
  }

  @Test
  void limitIsOneRequestForThatManyRows() {
    pod.emulator.journal().clear();
    List<Row> rows = pod.spark.sql("SELECT InvoiceId, InvoiceNumber FROM fusion.fscm.invoices LIMIT 10").collectAsList();
    assertThat(rows).hasSize(10);
    List<JournalEntry> scans = pod.scans("invoices");
    assertThat(scans).hasSize(1);
    assertThat(scans.get(0).param("limit")).isEqualTo("10");
    assertThat(scans.get(0).rows()).isEqualTo(10);
  }

  @Test
  void countWithAFilterIsOneRequestThatFetchesNoRows() {
    long expected = pod.jdbc().option("dbtable", "fscm.\"invoices\"").option("pushDownPredicate", "false").load()
        .filter("InvoiceAmount > 25000").count();
    pod.emulator.journal().clear();
    List<Row> count = pod.spark.sql("SELECT COUNT(*) FROM fusion.fscm.invoices WHERE InvoiceAmount > 25000")
        .collectAsList();
    assertThat(count.get(0).getLong(0)).isEqualTo(expected);
    List<JournalEntry> scans = pod.scans("invoices");
    assertThat(scans).hasSize(1);
    assertThat(scans.get(0).param("totalResults")).isEqualTo("true");
    assertThat(scans.get(0).param("q")).isEqualTo("InvoiceAmount > 25000");
  }
}
