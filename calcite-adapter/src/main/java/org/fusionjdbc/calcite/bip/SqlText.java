package org.fusionjdbc.calcite.bip;

import java.util.Locale;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * A small lexical view of Oracle SQL text: top-level keywords (outside quotes, comments and parentheses),
 * and the read-only guard for native SQL. Not a parser: it only needs to tell whether a statement already
 * ends in ORDER BY / OFFSET / FETCH, and whether a text is one SELECT or WITH query.
 */
final class SqlText {
  private SqlText() {
  }

  /** Whether {@code keyword} (one word, upper case) occurs at nesting depth 0, outside quotes and comments. */
  static boolean hasTopLevel(String sql, String keyword) {
    return topLevelIndex(sql, keyword) >= 0;
  }

  static int topLevelIndex(String sql, String keyword) {
    String upper = sql.toUpperCase(Locale.ROOT);
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        i = skip - 1;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && upper.startsWith(keyword, i) && boundary(sql, i - 1)
          && boundary(sql, i + keyword.length())) {
        return i;
      }
    }
    return -1;
  }

  /** The index after a quoted literal, quoted identifier or comment starting at {@code i}, else {@code i}. */
  private static int skipQuotedOrComment(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return sql.length();
    }
    if (sql.startsWith("--", i)) {
      int nl = sql.indexOf('\n', i);
      return nl < 0 ? sql.length() : nl + 1;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i;
  }

  private static boolean boundary(String sql, int i) {
    if (i < 0 || i >= sql.length()) {
      return true;
    }
    char c = sql.charAt(i);
    return !(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#');
  }

  /**
   * Refuses anything but one SELECT or WITH query before it leaves the driver: the first word must be SELECT
   * or WITH, there must be no {@code ;} outside literals and comments (one statement), no inline PL/SQL
   * ({@code WITH FUNCTION/PROCEDURE}) and no {@code FOR UPDATE}.
   */
  static void requireSingleQuery(String sql) {
    if (sql == null || sql.isBlank()) {
      throw refused("the SQL text is empty");
    }
    String words = wordsOutsideLiterals(sql);
    String first = words.isEmpty() ? "" : words.split(" ", 2)[0];
    if (!first.equals("SELECT") && !first.equals("WITH")) {
      throw refused("it starts with '" + (first.length() > 20 ? first.substring(0, 20) : first) + "'");
    }
    if (words.contains(";")) {
      throw refused("it contains ';' (one query only, without a terminator)");
    }
    if (words.startsWith("WITH FUNCTION ") || words.startsWith("WITH PROCEDURE ")) {
      throw refused("inline PL/SQL (WITH FUNCTION/PROCEDURE) is not allowed");
    }
    if (words.contains(" FOR UPDATE")) {
      throw refused("FOR UPDATE locks rows");
    }
  }

  /** Upper-case words and punctuation of the text with literals, identifiers in quotes and comments blanked. */
  private static String wordsOutsideLiterals(String sql) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        sb.append(sql.charAt(i) == '"' ? " X " : " ");
        i = skip - 1;
        continue;
      }
      char c = sql.charAt(i);
      sb.append(c == ';' ? " ; " : Character.isWhitespace(c) ? ' ' : c);
    }
    return sb.toString().toUpperCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
  }

  private static FusionException refused(String why) {
    return FusionException.of(Kind.BAD_REQUEST, "only a single SELECT or WITH query can run through BI Publisher "
        + "(the database channel is read-only): " + why);
  }
}
