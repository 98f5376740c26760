package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Queries through the shaded jar: a tool's row limit reaches the REST request, writes are refused with 0A000, and
 * unknown tables and columns carry 42S02 and 42S22 (the states in docs/troubleshooting.md).
 */
class QueriesIT {
  private final Pod pod = Pod.get();

  @Test
  void setMaxRows200OnALargeResourceIsOneSmallRequest() throws SQLException {
    try (Connection c = pod.connect(pod.basic()); Statement st = c.createStatement()) {
      st.setMaxRows(200);
      long before = lastSeq();
      assertThat(countRows(st, "SELECT * FROM FSCM.\"invoices\"")).isEqualTo(200);
      List<JournalEntry> scans = scansSince(before, "/invoices");
      assertThat(scans).as("requests for a 200-row preview of %d rows", Pod.ROWS).hasSize(1);
      assertThat(Integer.parseInt(scans.get(0).param("limit"))).isBetween(1, 200);
      assertThat(scans.get(0).rows()).isLessThanOrEqualTo(200);

      // DBeaver's "fetch next page": the same query with setMaxRows(offset + 200).
      st.setMaxRows(400);
      before = lastSeq();
      assertThat(countRows(st, "SELECT * FROM FSCM.\"invoices\"")).isEqualTo(400);
      assertThat(scansSince(before, "/invoices")).hasSize(1)
          .allSatisfy(e -> assertThat(Integer.parseInt(e.param("limit"))).isLessThanOrEqualTo(400));
    }
  }

  @Test
  void fetchSizeAndZeroQueryTimeoutAreAcceptedAndPreparedParametersFilter() throws SQLException {
    try (Connection c = pod.connect(pod.bearer());
        PreparedStatement ps = c.prepareStatement(
            "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"InvoiceId\" < ? ORDER BY \"InvoiceId\"",
            ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      ps.setFetchSize(100);
      ps.setQueryTimeout(0);
      long first;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT MIN(\"InvoiceId\") FROM FSCM.\"invoices\"")) {
        assertThat(rs.next()).isTrue();
        first = rs.getLong(1);
      }
      ps.setLong(1, first + 1);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(first);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DELETE FROM FSCM.\"invoices\"",
      "INSERT INTO FSCM.\"invoices\" (\"InvoiceId\") VALUES (1)",
      "UPDATE FSCM.\"invoices\" SET \"Description\" = 'x'",
      "CREATE TABLE FSCM.T (C INTEGER)",
      "DROP TABLE FSCM.\"invoices\"",
      "CREATE LOCAL TEMPORARY TABLE XT_Connect_CheckCreateTempTableCap (COL INTEGER) ON COMMIT PRESERVE ROWS"})
  void writesAndDdlAre0A000(String sql) throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute(sql)).as(sql)
          .isInstanceOfSatisfying(SQLFeatureNotSupportedException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      // The connection stays usable after a refused write.
      try (ResultSet rs = st.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void batchesPreparedWritesAndReadOnlyOffAre0A000() throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThat(c.isReadOnly()).isTrue();
      assertThatThrownBy(() -> st.addBatch("DELETE FROM FSCM.\"invoices\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM FSCM.\"invoices\" WHERE \"InvoiceId\" = ?")) {
          ps.setLong(1, 1);
          ps.executeUpdate();
        }
      }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      c.setReadOnly(false); // JDBC's hint: accepted, nothing becomes writable
      assertThat(c.isReadOnly()).isTrue();
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM FSCM.\"invoices\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> c.prepareCall("{call x()}"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    }
  }

  @Test
  void unknownTableAndColumnAre42S02And42S22WithAMessageThatSaysWhatToDo() throws SQLException {
    try (Connection c = pod.connect(pod.jwt()); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM FSCM.\"noSuchResource\""))
          .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42S02");
            assertThat(e.getMessage()).contains("noSuchResource").contains("getTables");
          });
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM NOSCHEMA.\"invoices\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
      assertThatThrownBy(() -> st.executeQuery("SELECT \"Bogus\" FROM FSCM.\"invoices\""))
          .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42S22");
            assertThat(e.getMessage()).contains("Bogus");
          });
      assertThatThrownBy(() -> c.prepareStatement("SELECT * FROM FSCM.\"invoices\" WHERE \"Bogus\" = ?"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S22"));
      assertThatThrownBy(() -> st.executeQuery("SELEC * FROM FSCM.\"invoices\""))
          .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> assertThat(e.getSQLState()).isEqualTo("42000"));
    }
  }

  private static int countRows(Statement st, String sql) throws SQLException {
    int n = 0;
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  private List<JournalEntry> scansSince(long seq, String resourcePath) {
    return pod.emulator.journal().filter(e -> e.seq() > seq && e.path().endsWith(resourcePath));
  }

  private long lastSeq() {
    JournalEntry last = pod.emulator.journal().last();
    return last == null ? 0 : last.seq();
  }
}
