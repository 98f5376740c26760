package org.fusionjdbc.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import sqlline.StatementTiming;

/**
 * sqlline with one-line SQL errors. sqlline prints a full stack trace for every SQL error raised while it starts,
 * which includes every {@code -e} statement, so a typo in a script printed dozens of lines. Here an error is its
 * message and SQLState (the driver's messages say what to fix), and so is a warning (see
 * {@link sqlline.OneLineWarnings}); {@code --verbose=true} brings traces back. After each SQL statement of an
 * {@code -e} script it prints a {@link StatementSummary} line on stderr.
 */
final class FusionSqlLine extends StatementTiming {
  private PrintStream summaries;

  /** Prints a {@link StatementSummary} line to {@code err} after each SQL statement (for {@code -e} scripts). */
  void summarizeStatements(PrintStream err) {
    this.summaries = err;
    timeStatements(err != null);
  }

  @Override
  protected void statementDone(long rows, long nanos, long requests, int warnings, boolean failed) {
    if (summaries != null) {
      summaries.println(new StatementSummary(rows, Duration.ofNanos(nanos), requests, warnings, failed).line());
    }
  }

  @Override
  protected long requestsOf(Statement statement) {
    return StatementSummary.requests(statement);
  }

  @Override
  public void handleException(Throwable e) {
    Throwable t = e;
    while (t instanceof InvocationTargetException ite && ite.getTargetException() != null) {
      t = ite.getTargetException();
    }
    SQLException sql = t instanceof SQLException s ? s
        : t != null && t.getCause() instanceof SQLException s ? s : null;
    if (sql == null || getOpts().getVerbose()) {
      super.handleException(e);
      return;
    }
    for (SQLException s = sql; s != null; s = s.getNextException() == s ? null : s.getNextException()) {
      error(describe(s));
    }
  }

  @Override
  protected String describe(SQLWarning warning) {
    return describe((SQLException) warning);
  }

  static String describe(SQLException e) {
    String message = e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName() : e.getMessage().trim();
    String kind = e instanceof java.sql.SQLWarning ? "Warning: " : "Error: ";
    return kind + message + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")");
  }
}
