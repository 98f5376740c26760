package org.fusionjdbc.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

/** Result sets as lists of text rows, and warning chains as texts, for comparing answers across connections. */
final class MetaRows {
  private MetaRows() {
  }

  /** Every row, every column as getString, in result order (the ResultSet is closed). */
  static List<List<String>> all(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** One column of every row (the ResultSet is closed). */
  static List<String> column(ResultSet rs, String column) throws SQLException {
    try (rs) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(column));
      }
      return out;
    }
  }

  static List<String> warnings(SQLWarning w) {
    List<String> out = new ArrayList<>();
    for (; w != null; w = w.getNextWarning()) {
      out.add(w.getSQLState() + " " + w.getMessage());
    }
    return out;
  }
}
