package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a metadata result set whole, checking that the columns the JDBC spec says are never null are filled. */
final class Rows {
  private Rows() {
  }

  /**
   * All rows as column label -> value maps; fails naming the call, row and column when a required column is null,
   * or a required name is blank (tools call {@code trim()} on them or use them as tree labels). Columns such as
   * IS_AUTOINCREMENT may be "" (JDBC: "cannot be determined"), never null.
   */
  static List<Map<String, Object>> read(String call, ResultSet rs, String... required) throws SQLException {
    assertThat(rs).as(call + " returned null instead of a result set").isNotNull();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i));
      }
      if (required.length > 0) {
        assertThat(labels).as(call + " columns").contains(required);
      }
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= labels.size(); i++) {
          row.put(labels.get(i - 1), rs.getObject(i));
        }
        for (String column : required) {
          Object v = row.get(column);
          assertThat(v).as("%s row %d: %s is null or blank in %s", call, rows.size() + 1, column, row)
              .isNotNull();
          if (v instanceof String s && (column.endsWith("_NAME") || column.endsWith("_SCHEM"))) {
            assertThat(s).as("%s row %d: %s in %s", call, rows.size() + 1, column, row).isNotBlank();
          }
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static String str(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? null : v.toString();
  }
}
