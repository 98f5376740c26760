package org.fusionjdbc.calcite.bip;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a stream (BI Publisher's CSV output): comma-separated, fields in double quotes may
 * hold commas, quotes (doubled) and line breaks; CRLF or LF ends a record; a leading byte-order mark is
 * skipped. One record in memory at a time.
 */
final class CsvReader implements AutoCloseable {
  private final Reader in;
  private int peeked = -2;
  private boolean first = true;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    while (c == '\r' || c == '\n') { // blank lines between records
      c = read();
    }
    if (c < 0) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c < 0) {
          throw new IOException("the CSV output ends inside a quoted field");
        }
        if (c == '"') {
          int n = read();
          if (n == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = n;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c < 0) {
        if (c == '\r') {
          int n = read();
          if (n != '\n') {
            unread(n);
          }
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int p = peeked;
      peeked = -2;
      return p;
    }
    return in.read();
  }

  private void unread(int c) {
    peeked = c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
