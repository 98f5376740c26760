package org.fusionjdbc.emulator.bip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy report's lexical check: one SELECT or WITH query, no terminator, no inline PL/SQL, no
 * FOR UPDATE. The database user can only SELECT anyway; this gives the clear ORA-20002 first.
 */
final class ReadOnlyGuard {

  static final String REFUSED = "fusion-jdbc proxy: only a single SELECT or WITH query is allowed";

  private ReadOnlyGuard() {}

  static void check(String sql) throws ProxyFailure {
    List<String> words = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          throw ProxyFailure.ora(1742, "comment not terminated properly");
        }
        i = end + 2;
      } else if (c == '\'' || c == '"') {
        int end = i + 1;
        while (true) {
          end = sql.indexOf(c, end);
          if (end < 0) {
            throw c == '\'' ? ProxyFailure.ora(1756, "quoted string not properly terminated")
                : ProxyFailure.ora(1740, "missing double quote in identifier");
          }
          if (end + 1 < n && sql.charAt(end + 1) == c) {
            end += 2; // doubled quote inside the literal
          } else {
            break;
          }
        }
        words.add(c == '\'' ? "'" : "\"");
        i = end + 1;
      } else if (c == ';') {
        throw ProxyFailure.ora(911, "invalid character");
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$' || sql.charAt(i) == '#')) {
          i++;
        }
        words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
      } else {
        if (!Character.isWhitespace(c)) {
          words.add(String.valueOf(c));
        }
        i++;
      }
    }
    int first = 0;
    while (first < words.size() && words.get(first).equals("(")) {
      first++;
    }
    if (first >= words.size()) {
      throw ProxyFailure.ora(900, "invalid SQL statement");
    }
    String start = words.get(first);
    if (!start.equals("SELECT") && !start.equals("WITH")) {
      throw ProxyFailure.ora(20002, REFUSED);
    }
    if (start.equals("WITH") && first + 1 < words.size()
        && (words.get(first + 1).equals("FUNCTION") || words.get(first + 1).equals("PROCEDURE"))) {
      throw ProxyFailure.ora(20002, REFUSED);
    }
    for (int w = first; w + 1 < words.size(); w++) {
      if (words.get(w).equals("FOR") && words.get(w + 1).equals("UPDATE")) {
        throw ProxyFailure.ora(20002, REFUSED);
      }
    }
  }
}
