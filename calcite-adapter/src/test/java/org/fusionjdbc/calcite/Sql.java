package org.fusionjdbc.calcite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.fusionjdbc.client.FusionClient;

/** Test helper: Calcite connections with the adapter registered, the way the driver sets them up. */
final class Sql {
  private Sql() {
  }

  static Connection connect(FusionClient client, boolean pushdown) throws SQLException {
    return connect(client,
        new AdapterOptions(pushdown, List.of("FSCM", "HCM"), Optional.empty(), java.time.ZoneId.of("UTC")));
  }

  static Connection connect(FusionClient client, AdapterOptions options) throws SQLException {
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("conformance", "LENIENT");
    p.setProperty("timeZone", "UTC");
    Connection c = new org.apache.calcite.jdbc.Driver().withPrepareFactory(FusionPrepare::new)
        .connect("jdbc:calcite:", p);
    CalciteConnection cc = c.unwrap(CalciteConnection.class);
    FusionAdapter.register(cc.getRootSchema(), client, options);
    return c;
  }

  /** Rows as lists of strings (stable across types), in result order. */
  static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return read(rs);
    }
  }

  static List<List<String>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<String>> out = new ArrayList<>();
    while (rs.next()) {
      String[] r = new String[md.getColumnCount()];
      for (int i = 0; i < r.length; i++) {
        Object o = rs.getObject(i + 1);
        r[i] = o == null ? null : o instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
            : o.toString();
      }
      out.add(Arrays.asList(r));
    }
    return out;
  }

  /** Rows in a fixed order (nulls first), for comparing results whose order SQL leaves open. */
  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(java.util.Comparator.comparing(r -> String.join("\u0001",
        r.stream().map(x -> java.util.Objects.toString(x, "\u0000")).toList())));
    return copy;
  }

  static String explain(Connection c, String sql) throws SQLException {
    List<List<String>> r = rows(c, "EXPLAIN PLAN FOR " + sql);
    StringBuilder sb = new StringBuilder();
    r.forEach(row -> sb.append(row.get(0)).append('\n'));
    return sb.toString();
  }
}
