package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statement.getWarnings says what the plan leaves to the driver: filters Fusion cannot answer, in-memory sorts. */
class PlanWarningsTest {
  @TempDir
  static Path keys;
  static EmulatedPod pod;

  @BeforeAll
  static void start() {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(300));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  private static List<SQLWarning> warnings(Statement st) throws SQLException {
    List<SQLWarning> out = new ArrayList<>();
    for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
      out.add(w);
    }
    return out;
  }

  private static int drain(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  @Test
  void aFilterKeptInTheDriverIsReportedWithItsColumnsAndAPushedOneIsNot() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic()); Statement st = c.createStatement()) {
      drain(st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" where \"InvoiceAmount\" > 100"));
      assertThat(warnings(st)).as("everything pushed").isEmpty();

      drain(st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" where \"InvoiceAmount\" > 100 and "
          + "upper(\"Supplier\") like 'A_%'"));
      assertThat(warnings(st)).singleElement().satisfies(w -> {
        assertThat(w.getSQLState()).isEqualTo("01000");
        assertThat(w.getMessage()).contains("Supplier").contains("FSCM.invoices").contains("evaluated by the driver")
            .doesNotContain("InvoiceAmount");
      });

      drain(st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" order by \"InvoiceId\""));
      assertThat(warnings(st)).as("a new execution starts a new chain").isEmpty();
    }
  }

  @Test
  void anInMemorySortIsReportedAndClearWarningsEmptiesTheChain() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic()); Statement st = c.createStatement()) {
      drain(st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" order by upper(\"Supplier\")"));
      assertThat(warnings(st)).singleElement().satisfies(w -> assertThat(w.getMessage()).contains("ORDER BY")
          .contains("memory"));
      st.clearWarnings();
      assertThat(warnings(st)).isEmpty();
      drain(st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" order by \"InvoiceAmount\""));
      assertThat(warnings(st)).as("an order Fusion applies").isEmpty();
    }
  }

  @Test
  void aPreparedStatementReportsItsPlanFromPrepareOn() throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.basic());
        PreparedStatement ps = c.prepareStatement("select \"InvoiceId\" from fscm.\"invoices\" where "
            + "\"Description\" like ? and upper(\"Supplier\") = 'X'")) {
      assertThat(warnings(ps)).as("reported from prepare on; a bound LIKE, pushed when its value can be, is not")
          .singleElement().satisfies(w -> assertThat(w.getMessage()).contains("Supplier").doesNotContain("Description"));
      try (PreparedStatement pushed = c.prepareStatement("select \"InvoiceId\" from fscm.\"invoices\" where "
          + "\"InvoiceId\" = ?")) {
        pushed.setLong(1, 1L);
        drain(pushed.executeQuery());
        assertThat(warnings(pushed)).isEmpty();
      }
    }
  }
}
