package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the FJ1 result text of the proxy report (docs/bi-publisher.md §1.3) line by line: the header and
 * column lines on construction, then one row per {@link #next()}, checking the END count so a truncated
 * result is an error, never a short answer. Holds one line at a time. Failures are IllegalStateExceptions
 * (malformed text) or IOExceptions (the transport); the caller turns them into FusionExceptions.
 */
final class Fj1Reader {
  private final Reader in;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private boolean eof;
  private final List<ProxyColumn> columns;
  private long rows;
  private boolean ended;

  Fj1Reader(Reader in) throws IOException {
    this.in = in;
    String first = line();
    if (first == null) {
      throw new IllegalStateException("the result text is empty");
    }
    String[] head = first.split("\t", -1);
    if (head.length != 2 || !head[0].equals("FJ1")) {
      throw new IllegalStateException("the result text does not start with 'FJ1<TAB>columnCount' (got '"
          + abbreviate(first) + "')");
    }
    int count = integer(head[1], "column count");
    List<ProxyColumn> cols = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String line = line();
      if (line == null) {
        throw new IllegalStateException("the result text ends after " + i + " of " + count + " column lines");
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7 || !f[0].equals("C")) {
        throw new IllegalStateException("column line " + (i + 1) + " is not 'C name type precision scale length "
            + "nullable': '" + abbreviate(line) + "'");
      }
      if (!f[6].equals("Y") && !f[6].equals("N")) {
        throw new IllegalStateException("column line " + (i + 1) + " has nullable '" + f[6] + "', not Y or N");
      }
      cols.add(new ProxyColumn(Fj1Values.unescape(f[1]), f[2], integer(f[3], "precision"), integer(f[4], "scale"),
          integer(f[5], "length"), f[6].equals("Y")));
    }
    this.columns = List.copyOf(cols);
  }

  List<ProxyColumn> columns() {
    return columns;
  }

  long rows() {
    return rows;
  }

  /** The next row's typed values, or null after a correct END line. */
  Object[] next() throws IOException {
    if (ended) {
      return null;
    }
    String line = line();
    if (line == null) {
      throw new IllegalStateException("the result text ends after " + rows + " rows without its END line: the "
          + "output was cut off");
    }
    String[] f = line.split("\t", -1);
    if (f[0].equals("END")) {
      long declared = f.length == 2 && f[1].matches("[0-9]{1,18}") ? Long.parseLong(f[1]) : -1;
      if (declared != rows) {
        throw new IllegalStateException("the END line declares " + (f.length == 2 ? f[1] : "?") + " rows but "
            + rows + " arrived: the output was cut off");
      }
      String after = line();
      while (after != null && after.isEmpty()) {
        after = line();
      }
      if (after != null) {
        throw new IllegalStateException("text after the END line: '" + abbreviate(after) + "'");
      }
      ended = true;
      return null;
    }
    if (!f[0].equals("R") || f.length != columns.size() + 1) {
      throw new IllegalStateException("row " + (rows + 1) + " is not 'R' and " + columns.size() + " values: '"
          + abbreviate(line) + "'");
    }
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      ProxyColumn c = columns.get(i);
      try {
        row[i] = Fj1Values.value(f[i + 1], c);
      } catch (RuntimeException e) {
        throw new IllegalStateException("row " + (rows + 1) + ", column " + c.name() + " (" + c.oracleType()
            + "): cannot read '" + abbreviate(f[i + 1]) + "': " + e.getMessage(), e);
      }
    }
    rows++;
    return row;
  }

  /** The next LF-terminated line without its LF, or null at the end of the text. */
  private String line() throws IOException {
    StringBuilder sb = null;
    while (true) {
      if (pos == len) {
        if (eof) {
          return sb == null ? null : sb.toString();
        }
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len < 0) {
          len = 0;
          eof = true;
          continue;
        }
      }
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      if (sb == null) {
        sb = new StringBuilder(Math.max(16, pos - start));
      }
      sb.append(buf, start, pos - start);
      if (pos < len) {
        pos++; // the LF
        return sb.toString();
      }
    }
  }

  private static int integer(String s, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("the " + what + " is not an integer: '" + abbreviate(s) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
