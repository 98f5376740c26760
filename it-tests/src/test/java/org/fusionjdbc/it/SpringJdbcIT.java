package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's JdbcTemplate inside a read-only transaction (DataSourceTransactionManager): Spring sets readOnly and
 * autoCommit=false at the start and resets both (setReadOnly(false)) at the end. Rows bound with the types Spring
 * passes (BigDecimal, LocalDate, Long) equal the pushdown=false twin's; a write inside the transaction is refused
 * with 0A000 and the connection is usable afterwards.
 */
class SpringJdbcIT {
  private static final String SQL = "SELECT \"InvoiceId\", \"InvoiceNumber\", \"InvoiceAmount\" FROM FSCM.\"invoices\" "
      + "WHERE \"InvoiceAmount\" > ? AND \"InvoiceDate\" >= ? ORDER BY \"InvoiceId\" LIMIT ?";
  private static final Object[] ARGS = {new BigDecimal("250"), LocalDate.of(2020, 1, 1), 25L};

  private final ClientPod pod = ClientPod.get();

  @Test
  void jdbcTemplateInAReadOnlyTransactionReadsTheTwinsRowsAndTheConnectionResets() throws SQLException {
    List<String> expected = twinRows();
    assertThat(expected).isNotEmpty();

    SingleConnectionDataSource ds = new SingleConnectionDataSource(pod.url(""), pod.user(), pod.password(), true);
    Properties auth = new Properties();
    auth.setProperty("auth", "basic");
    ds.setConnectionProperties(auth);
    try {
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(ds));
      readOnly.setReadOnly(true);

      for (int run = 0; run < 2; run++) { // the second transaction gets the connection the first one reset
        List<String> rows = readOnly.execute(status -> jdbc.query(SQL,
            (rs, i) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3), ARGS));
        assertThat(rows).as("run %d", run).isEqualTo(expected);
      }

      assertThatThrownBy(() -> readOnly.executeWithoutResult(status ->
          jdbc.update("DELETE FROM FSCM.\"invoices\" WHERE \"InvoiceId\" = ?", 1L)))
          .isInstanceOf(DataAccessException.class)
          .hasRootCauseInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("0A000"));

      Connection c = ds.getConnection();
      assertThat(c.isReadOnly()).isTrue();
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM FSCM.\"invoices\" WHERE \"InvoiceAmount\" > ?", Long.class,
          "250")).isEqualTo((long) jdbc.queryForList("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE "
          + "\"InvoiceAmount\" > 250").size());
    } finally {
      ds.destroy();
    }
  }

  private List<String> twinRows() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection twin = pod.twin(); PreparedStatement ps = twin.prepareStatement(SQL)) {
      ps.setBigDecimal(1, (BigDecimal) ARGS[0]);
      ps.setDate(2, java.sql.Date.valueOf((LocalDate) ARGS[1]));
      ps.setInt(3, 25);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3));
        }
      }
    }
    return out;
  }
}
