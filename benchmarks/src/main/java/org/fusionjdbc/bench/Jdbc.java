package org.fusionjdbc.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Reads a whole result the way a tool does: getObject of every column of every row. */
final class Jdbc {
  private Jdbc() {}

  record Read(long rows, long checksum, List<String> columns) {}

  static Read readAll(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return drain(rs);
    }
  }

  static Read drain(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(md.getColumnLabel(i));
    }
    Object[] row = new Object[n];
    long rows = 0;
    long checksum = 0;
    while (rs.next()) {
      for (int i = 0; i < n; i++) {
        row[i] = rs.getObject(i + 1);
      }
      checksum += Arrays.hashCode(row);
      rows++;
    }
    return new Read(rows, checksum, columns);
  }

  /** The single value of a one-row, one-column query. */
  static Object scalar(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row from " + sql);
      }
      return Objects.requireNonNull(rs.getObject(1), "null from " + sql);
    }
  }
}
