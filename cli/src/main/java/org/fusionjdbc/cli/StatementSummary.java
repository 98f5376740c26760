package org.fusionjdbc.cli;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.fusionjdbc.jdbc.FusionStatement;

/** The one line fusion-sql prints on stderr after each {@code -e} statement: rows, seconds, requests, warnings. */
record StatementSummary(long rows, Duration elapsed, long requests, int warnings, boolean failed) {

  String line() {
    String what = failed ? "failed after " : rows + (rows == 1 ? " row in " : " rows in ");
    return String.format(Locale.ROOT, "fusion-sql: %s%.2f s, %d %s, %d %s", what, elapsed.toNanos() / 1e9,
        requests, requests == 1 ? "request" : "requests", warnings, warnings == 1 ? "warning" : "warnings");
  }

  /** REST requests the statement's last query made; 0 for a statement of another driver (H2 in tests). */
  static long requests(Statement st) {
    try {
      return st != null && st.isWrapperFor(FusionStatement.class) ? st.unwrap(FusionStatement.class).progress().requests()
          : 0;
    } catch (SQLException e) {
      return 0;
    }
  }

  static int count(SQLWarning w) {
    int n = 0;
    for (SQLWarning x = w; x != null && n < 1000; x = x.getNextWarning()) {
      n++;
    }
    return n;
  }
}
