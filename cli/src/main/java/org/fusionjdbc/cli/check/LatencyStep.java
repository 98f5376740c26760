package org.fusionjdbc.cli.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.fusionjdbc.jdbc.FusionProperty;

/** One row and one page of the sample resource through SQL: the queries work, and how long they take. */
final class LatencyStep implements CheckStep {
  @Override
  public String name() {
    return "latency";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    Connection c = ctx.connection().orElseThrow();
    String table = ctx.sampleSchema + ".\"" + ctx.sample.name() + "\"";
    int page = Integer.parseInt(ctx.settings.get(FusionProperty.PAGE_SIZE).orElseThrow().trim());
    try {
      long[] first = timed(c, "select * from " + table + " limit 1");
      long[] one = timed(c, "select * from " + table + " limit 1");
      long[] full = timed(c, "select * from " + table + " limit " + page);
      return StepResult.ok("one row " + one[0] + " ms (the first query " + first[0] + " ms, with the planner's "
          + "warm-up), one page (" + full[1] + " rows) " + full[0] + " ms");
    } catch (SQLException e) {
      return StepResult.fail("select * from " + table + " failed: SQLState " + e.getSQLState(), e.getMessage());
    }
  }

  /** {elapsed ms, rows}. */
  private static long[] timed(Connection c, String sql) throws SQLException {
    long start = System.nanoTime();
    long rows = 0;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows++;
      }
    }
    return new long[] {(System.nanoTime() - start) / 1_000_000, rows};
  }
}
