package sqlline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Lives in sqlline's package only to reach {@code dispatch} and {@code print}, which are package-private: it times
 * each SQL statement sqlline runs and counts the rows it prints, so fusion-sql can print one summary line per
 * {@code -e} statement. Commands ({@code !tables}, {@code !connect}) are not statements and get no line.
 */
public abstract class StatementTiming extends OneLineWarnings {
  private boolean timing;
  private long rows;
  private long requests;
  private int warnings;

  /** Turns the per-statement summary on (scripts) or off (the interactive shell, the default). */
  protected void timeStatements(boolean on) {
    this.timing = on;
  }

  /** Called after each SQL statement with what it did; {@code requests} comes from {@link #requestsOf}. */
  protected abstract void statementDone(long rows, long nanos, long requests, int warnings, boolean failed);

  /** REST requests the statement made (0 when the driver cannot tell). */
  protected abstract long requestsOf(Statement statement);

  @Override
  void dispatch(String line, DispatchCallback callback) {
    String l = line == null ? "" : line.strip();
    if (!timing || l.isEmpty() || l.startsWith("!") || l.startsWith("#") || l.startsWith("--")) {
      super.dispatch(line, callback);
      return;
    }
    rows = 0;
    requests = 0;
    warnings = 0;
    long start = System.nanoTime();
    super.dispatch(line, callback);
    statementDone(rows, System.nanoTime() - start, requests, warnings, !callback.isSuccess());
  }

  @Override
  int print(ResultSet rs, DispatchCallback callback) throws SQLException {
    int n = super.print(rs, callback);
    rows += n;
    Statement st = rs.getStatement();
    requests += requestsOf(st);
    warnings += count(rs.getWarnings()) + (st == null ? 0 : count(st.getWarnings()));
    return n;
  }

  private static int count(SQLWarning w) {
    int n = 0;
    for (SQLWarning x = w; x != null && n < 1000; x = x.getNextWarning()) {
      n++;
    }
    return n;
  }
}
