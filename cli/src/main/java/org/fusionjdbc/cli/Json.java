package org.fusionjdbc.cli;

import java.io.IOException;
import java.io.Writer;

/** The two JSON pieces JSON Lines output needs: escaped strings and plain numbers. */
final class Json {
  private Json() {
  }

  static void string(String s, Writer w) throws IOException {
    w.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> w.write("\\\"");
        case '\\' -> w.write("\\\\");
        case '\n' -> w.write("\\n");
        case '\r' -> w.write("\\r");
        case '\t' -> w.write("\\t");
        default -> {
          if (c < 0x20) {
            w.write(String.format("\\u%04x", (int) c));
          } else {
            w.write(c);
          }
        }
      }
    }
    w.write('"');
  }

  /** A number or boolean as JSON; NaN and infinities have no JSON form, so they become null. */
  static String number(Object v) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return "null";
    }
    return v.toString();
  }
}
