package org.fusionjdbc.cli;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A header line and one line per row of fields between separators: what CSV and TSV share. Only the separator, the
 * line end, how NULL is written and how a value is escaped differ, so each format is one instance.
 */
record DelimitedText(char separator, String lineEnd, String nullField, UnaryOperator<String> escape)
    implements ExtractFormat.Layout {
  /** RFC 4180: fields quoted when they hold a comma, quote or line break; NULL is an empty field. */
  static final DelimitedText CSV = new DelimitedText(',', "\r\n", "", DelimitedText::csvField);

  /** Tab, line breaks and backslash inside a value are escaped as \t \n \r \\; NULL is \N. */
  static final DelimitedText TSV = new DelimitedText('\t', "\n", "\\N", DelimitedText::tsvField);

  @Override
  public void header(ResultSetMetaData md, Writer w) throws SQLException, IOException {
    for (int i = 1; i <= md.getColumnCount(); i++) {
      separate(i, w);
      w.write(escape.apply(md.getColumnLabel(i)));
    }
    w.write(lineEnd);
  }

  @Override
  public void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException {
    for (int i = 1; i <= columns; i++) {
      separate(i, w);
      String v = rs.getString(i);
      w.write(v == null ? nullField : escape.apply(v));
    }
    w.write(lineEnd);
  }

  private void separate(int column, Writer w) throws IOException {
    if (column > 1) {
      w.write(separator);
    }
  }

  private static String csvField(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  private static String tsvField(String v) {
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
