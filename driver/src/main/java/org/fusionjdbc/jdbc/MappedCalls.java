package org.fusionjdbc.jdbc;

import java.sql.SQLException;

/**
 * A call to a Calcite JDBC object whose failure, whatever it is, reaches the caller mapped by {@link SqlErrors}.
 * For the wrappers' calls that are not on the row path (the result set maps in place, allocating nothing).
 */
final class MappedCalls {
  private MappedCalls() {
  }

  /** A JDBC call that answers. */
  @FunctionalInterface
  interface SqlCall<T> {
    T call() throws SQLException;
  }

  /** A JDBC call that answers nothing. */
  @FunctionalInterface
  interface SqlRun {
    void run() throws SQLException;
  }

  // Throwable, as the reflective wrappers before: Calcite reports some planning failures as AssertionError
  static <T> T call(SqlCall<T> call) throws SQLException {
    try {
      return call.call();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  static void run(SqlRun run) throws SQLException {
    try {
      run.run();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }
}
