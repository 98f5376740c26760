package org.fusionjdbc.cli;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** JSON Lines: one object per row, keyed by column label; numbers and booleans unquoted, NULL as null. */
final class JsonLines implements ExtractFormat.Layout {
  @Override
  public void header(ResultSetMetaData md, Writer w) {
    // no header: every line names its columns
  }

  @Override
  public void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException {
    ResultSetMetaData md = rs.getMetaData();
    w.write('{');
    for (int i = 1; i <= columns; i++) {
      if (i > 1) {
        w.write(',');
      }
      Json.string(md.getColumnLabel(i), w);
      w.write(':');
      Object v = rs.getObject(i);
      if (v == null) {
        w.write("null");
      } else if (v instanceof BigDecimal d) {
        w.write(d.toPlainString());
      } else if (v instanceof Number || v instanceof Boolean) {
        w.write(Json.number(v));
      } else {
        Json.string(rs.getString(i), w);
      }
    }
    w.write("}\n");
  }
}
