package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DatabaseMetaData answers depend on the pod, never on what ran before: child tables and their keys are there on a
 * fresh connection, whatever the first call is (SchemaCrawler crawls on several connections and once saw 0, 1 or 5
 * foreign keys).
 */
class MetadataHistoryTest {
  @TempDir
  static Path keys;
  @TempDir
  static Path cache;
  static EmulatedPod pod;

  @BeforeAll
  static void start() {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(300));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  private interface Call {
    List<List<String>> answer(DatabaseMetaData md) throws SQLException;
  }

  private static final Map<String, Call> CALLS = new LinkedHashMap<>();

  static {
    CALLS.put("importedHcm", md -> MetaRows.all(md.getImportedKeys(null, "HCM", "%")));
    CALLS.put("importedFscm", md -> MetaRows.all(md.getImportedKeys(null, "FSCM", "%")));
    CALLS.put("exportedWorkers", md -> MetaRows.all(md.getExportedKeys(null, "HCM", "workers")));
    CALLS.put("importedNames", md -> MetaRows.all(md.getImportedKeys(null, "HCM", "workers_names")));
    CALLS.put("tables", md -> MetaRows.all(md.getTables(null, null, "%", null)));
    CALLS.put("childColumns", md -> MetaRows.all(md.getColumns(null, "HCM", "workers_names", "%")));
    CALLS.put("childKeys", md -> MetaRows.all(md.getPrimaryKeys(null, "FSCM", "invoices_invoiceLines")));
  }

  /** Runs every call in {@code order} on a fresh connection; answers by call name. */
  private static Map<String, List<List<String>>> crawl(Properties p, List<String> order) throws SQLException {
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(pod.url(""), p)) {
      DatabaseMetaData md = c.getMetaData();
      for (String name : order) {
        out.put(name, CALLS.get(name).answer(md));
      }
    }
    return new java.util.TreeMap<>(out);
  }

  @Test
  void everyFreshConnectionGivesTheSameAnswersWhateverItAsksFirst() throws SQLException {
    List<String> forward = new ArrayList<>(CALLS.keySet());
    List<String> backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);
    List<String> rotated = new ArrayList<>(forward.subList(3, forward.size()));
    rotated.addAll(forward.subList(0, 3));

    Map<String, List<List<String>>> first = crawl(pod.jwt(), forward);
    assertThat(crawl(pod.jwt(), backward)).isEqualTo(first);
    assertThat(crawl(pod.jwt(), rotated)).isEqualTo(first);

    // the first call of a fresh connection already sees the child tables' keys
    assertThat(first.get("importedHcm")).extracting(r -> r.get(6) + "." + r.get(7) + "->" + r.get(2) + "." + r.get(3))
        .contains("workers_names.PersonId->workers.PersonId",
            "workers_names.EffectiveStartDate->workers.EffectiveStartDate",
            "workers_assignments.PersonId->workers.PersonId");
    assertThat(first.get("importedFscm")).extracting(r -> r.get(6)).contains("invoices_invoiceLines");
    assertThat(first.get("exportedWorkers")).extracting(r -> r.get(6)).containsOnly("workers_assignments",
        "workers_names");
    assertThat(first.get("importedNames")).hasSize(2);
    assertThat(first.get("tables")).extracting(r -> r.get(1) + "." + r.get(2))
        .contains("FSCM.invoices", "FSCM.invoices_invoiceLines", "HCM.workers", "HCM.workers_names");
    assertThat(first.get("childColumns")).extracting(r -> r.get(3)).contains("PersonId", "LastName");
    assertThat(first.get("childKeys")).extracting(r -> r.get(3)).contains("InvoiceId");
  }

  @Test
  void theSameAnswersFromTheDiskCacheAndTheCatalogIsFetchedOnceForManyConnections() throws SQLException {
    Properties p = pod.jwt();
    p.setProperty("metadataCacheDir", cache.toString());
    List<String> order = new ArrayList<>(CALLS.keySet());
    Map<String, List<List<String>>> first = crawl(p, order);
    pod.emulator.journal().clear();
    for (int i = 0; i < 3; i++) {
      assertThat(crawl(p, order)).isEqualTo(first);
    }
    // catalogs and describes came from metadataCacheDir: the three crawls sent no metadata request at all
    assertThat(pod.emulator.journal().filter(e -> e.path().endsWith("/describe"))).isEmpty();
    assertThat(crawl(pod.jwt(), order)).isEqualTo(first);
  }

  @Test
  void aQueryOnAFreshConnectionDescribesOnlyTheTablesItNames() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.jwt());
        java.sql.Statement st = c.createStatement()) {
      pod.emulator.journal().clear();
      try (java.sql.ResultSet rs = st.executeQuery("select count(*) from hcm.\"workers_names\"")) {
        assertThat(rs.next()).isTrue();
      }
      // listing child tables costs a describe per parent; a query must not: only the parent it names is described
      assertThat(pod.emulator.journal().filter(e -> e.path().endsWith("/describe")))
          .extracting(e -> e.path()).containsOnly("/hcmRestApi/resources/11.13.18.05/workers/describe");
    }
  }
}
