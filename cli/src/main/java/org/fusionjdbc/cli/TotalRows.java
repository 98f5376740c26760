package org.fusionjdbc.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * The row count of a query, but only when it is cheap: when the driver answers {@code COUNT(*)} over the query
 * from Fusion's totalResults in one request (a single resource, filters pushed down, nothing left to Calcite). The
 * plan tells: every operator is a Fusion one and the request asks for totalResults. Anything else (a join, a
 * residual filter, another driver) would scan the data twice, so the progress line then shows no percent.
 */
final class TotalRows {
  private TotalRows() {
  }

  static OptionalLong cheaply(Connection c, String sql) {
    String query = sql.strip();
    while (query.endsWith(";")) {
      query = query.substring(0, query.length() - 1).strip();
    }
    String count = "SELECT COUNT(*) FROM (" + query + ") \"fusion_sql_total\"";
    try (Statement st = c.createStatement()) {
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR " + count)) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      if (!isOneCountRequest(plan.toString())) {
        return OptionalLong.empty();
      }
      try (ResultSet rs = st.executeQuery(count)) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      return OptionalLong.empty(); // no total is no reason to fail the extract; its own query reports real errors
    }
  }

  static boolean isOneCountRequest(String plan) {
    if (!plan.contains("totalResults=true") || !plan.contains("FusionCount")) {
      return false;
    }
    return plan.lines().map(String::strip).filter(l -> !l.isEmpty()).allMatch(l -> l.startsWith("Fusion"));
  }
}
