package org.fusionjdbc.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** fusion-jdbc only reads: statements that would change data or schema are refused before Calcite sees them. */
final class ReadOnly {
  private static final Pattern FIRST_WORD = Pattern.compile(
      "\\A(?:\\s|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/|\\()*([A-Za-z]+)", Pattern.DOTALL);
  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE",
      "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "CALL", "SET", "RESET");

  private ReadOnly() {
  }

  static void check(String sql) throws SQLException {
    if (sql == null) {
      return;
    }
    Matcher m = FIRST_WORD.matcher(sql);
    if (m.find()) {
      String word = m.group(1).toUpperCase(Locale.ROOT);
      if (WRITES.contains(word)) {
        throw unsupported(word + " statements");
      }
    }
  }

  static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException("Not supported: " + what + ". fusion-jdbc is a read-only driver "
        + "(SELECT, WITH, VALUES and EXPLAIN only)", SqlStates.UNSUPPORTED);
  }
}
