package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.rest.WireShapes;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod whose FSCM catalog answers in a shape no client knows and whose HCM family the user may not read (403):
 * queries still find their tables, metadata says why a family is empty, and a call on one family never touches the
 * other.
 */
class DiscoveryEndToEndTest {
  @TempDir
  static Path keys;
  static EmulatedPod pod;

  @BeforeAll
  static void start() {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(300)
        .wireShapes(WireShapes.clean().withUnreadableCatalog(true).withFamilyStatus("hcmRestApi", 403)));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  private static Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(pod.url(extra), pod.jwt());
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void tablesOfAnUnreadableCatalogAreDescribedDirectly() throws SQLException {
    try (Connection c = connect("")) {
      assertThat(count(c, "select count(*) from fscm.\"invoices\"")).isEqualTo(300);
      assertThat(count(c, "select count(*) from fscm.\"invoices_invoiceLines\" where \"InvoiceId\" = "
          + pod.emulator.data().rows("invoices").get(0).get("InvoiceId"))).isPositive();
      assertThatThrownBy(() -> count(c, "select count(*) from fscm.\"nosuch\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
    }
  }

  @Test
  void anEmptyFamilySaysWhyInEveryMetadataAnswer() throws SQLException {
    try (Connection c = connect("")) {
      DatabaseMetaData md = c.getMetaData();
      ResultSet tables = md.getTables(null, "FSCM", "%", null);
      List<String> warnings = MetaRows.warnings(tables.getWarnings());
      assertThat(MetaRows.column(tables, "TABLE_NAME")).isEmpty();
      assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("01000 Schema FSCM:")
          .contains("could not be read").contains("resources"));
      ResultSet hcm = md.getTables(null, "HCM", "%", null);
      assertThat(MetaRows.warnings(hcm.getWarnings())).anySatisfy(w -> assertThat(w).contains("Schema HCM:")
          .contains("403"));
      assertThat(MetaRows.column(hcm, "TABLE_NAME")).isEmpty();
      // later calls, on any family, still carry both warnings; so does the connection
      ResultSet schemas = md.getSchemas();
      assertThat(MetaRows.warnings(schemas.getWarnings())).hasSize(2);
      schemas.close();
      assertThat(MetaRows.warnings(c.getWarnings())).anySatisfy(w -> assertThat(w).contains("Schema HCM:"));
      assertThatThrownBy(() -> count(c, "select count(*) from hcm.\"workers\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }

  @Test
  void namedResourcesNeedNoCatalogAndMetadataCallsTouchOnlyTheirFamily() throws SQLException {
    try (Connection c = connect("resources=invoices,suppliers")) {
      pod.emulator.journal().clear();
      DatabaseMetaData md = c.getMetaData();
      List<List<String>> fks = MetaRows.all(md.getImportedKeys(null, "FSCM", "%"));
      assertThat(fks).extracting(r -> r.get(6) + "->" + r.get(2)).containsOnly("invoices_invoiceLines->invoices",
          "suppliers_sites->suppliers");
      assertThat(MetaRows.column(md.getTables(null, "FSCM", "%", null), "TABLE_NAME"))
          .containsExactlyInAnyOrder("invoices", "invoices_invoiceLines", "suppliers", "suppliers_sites");
      assertThat(pod.emulator.journal().entries()).allSatisfy(e -> {
        assertThat(e.path()).startsWith("/fscmRestApi/");
        assertThat(e.path()).doesNotEndWith("resources/11.13.18.05/describe"); // no catalog request
      });
    }
  }
}
