package org.fusionjdbc.emulator.bip;

import java.util.ArrayList;
import java.util.List;

/** An FJ1 result parsed by the test's own reader, written from docs/bi-publisher.md §1.3. */
record Fj1Result(List<Col> columns, List<List<String>> rows) {

  record Col(String name, String type, int precision, int scale, int length, boolean nullable) {}

  static Fj1Result parse(String text) {
    String[] lines = text.split("\n", -1);
    String[] head = lines[0].split("\t", -1);
    if (!head[0].equals("FJ1") || head.length != 2) {
      throw new AssertionError("bad FJ1 header: " + lines[0]);
    }
    int n = Integer.parseInt(head[1]);
    List<Col> cols = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String[] f = lines[i].split("\t", -1);
      if (!f[0].equals("C") || f.length != 7) {
        throw new AssertionError("bad column line: " + lines[i]);
      }
      cols.add(new Col(unescape(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
          Integer.parseInt(f[5]), f[6].equals("Y")));
    }
    List<List<String>> rows = new ArrayList<>();
    int i = n + 1;
    for (; i < lines.length && lines[i].startsWith("R\t"); i++) {
      String[] f = lines[i].split("\t", -1);
      if (f.length != n + 1) {
        throw new AssertionError("row with " + (f.length - 1) + " values, expected " + n + ": " + lines[i]);
      }
      List<String> row = new ArrayList<>();
      for (int c = 1; c <= n; c++) {
        row.add(unescape(f[c]));
      }
      rows.add(row);
    }
    if (i != lines.length - 1 || !lines[i].equals("END\t" + rows.size())) {
      throw new AssertionError("missing or wrong END line after " + rows.size() + " rows: "
          + (i < lines.length ? lines[i] : "<eof>"));
    }
    return new Fj1Result(List.copyOf(cols), List.copyOf(rows));
  }

  /** {@code \N} is null; otherwise resolves the escapes and rejects unknown ones. */
  static String unescape(String s) {
    if (s.equals("\\N")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case '\\' -> out.append('\\');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new AssertionError("unknown escape \\" + e + " in " + s);
      }
    }
    return out.toString();
  }

  List<String> names() {
    return columns.stream().map(Col::name).toList();
  }

  Col column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
