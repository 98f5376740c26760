package org.fusionjdbc.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one statement's rows to a file as they stream from the driver (constant memory: one row at a time through
 * a buffered writer), into a temporary file beside the target that is renamed over it only when every row is
 * written. A failed or cancelled extract removes the temporary file, so no half file ever looks complete.
 * Ctrl-C (the JVM's shutdown hook) cancels the request in flight with {@link Statement#cancel()} and waits for the
 * cleanup. Prints a progress line while it runs when stderr is a terminal, and a summary line at the end.
 */
final class Extract {
  private static final long CLEANUP_WAIT_SECONDS = 10;

  private final ExtractRequest request;
  private final Connection connection;
  private final PrintStream err;
  private final boolean progress;
  private final AtomicLong rows = new AtomicLong();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Statement statement;
  private volatile Path temp;
  private volatile boolean cancelled;

  Extract(ExtractRequest request, Connection connection, PrintStream err, boolean progress) {
    this.request = request;
    this.connection = connection;
    this.err = err;
    this.progress = progress;
  }

  /** Set by bin/fusion-sql when stderr is a terminal (Java 17 cannot tell on its own). */
  static final String STDERR_TTY = "FUSION_SQL_STDERR_TTY";

  /** Runs the extract on the launcher's connection; progress is drawn only when stderr is a terminal. */
  static int inSession(ExtractRequest request, SessionDriver.Session session, PrintStream err, Map<String, String> env)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(session.url())) {
      return new Extract(request, c, err, "1".equals(env.get(STDERR_TTY))).runWithInterrupt();
    }
  }

  /** Runs the extract with Ctrl-C wired to {@link #cancel()}; returns fusion-sql's exit code. */
  int runWithInterrupt() {
    Thread hook = new Thread(this::cancel, "fusion-sql-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for this thread's cleanup
      }
    }
  }

  int run() {
    Path target = request.file().toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      err.println("fusion-sql: cannot write " + request.file() + ": the directory " + dir + " does not exist");
      done.countDown();
      return FusionSql.USAGE_OR_CONNECT;
    }
    long start = System.nanoTime();
    boolean ok = false;
    int warnings = 0;
    Statement st = null;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
      OptionalLong total = progress ? TotalRows.cheaply(connection, request.sql()) : OptionalLong.empty();
      st = connection.createStatement();
      statement = st;
      if (cancelled) {
        throw new SQLException("cancelled", "57014");
      }
      Statement current = st;
      try (ProgressLine line = progress
              ? new ProgressLine(err, rows::get, () -> StatementSummary.requests(current), total) : null;
          Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
              1 << 16);
          ResultSet rs = st.executeQuery(request.sql())) {
        int columns = rs.getMetaData().getColumnCount();
        request.format().header(rs.getMetaData(), out);
        while (rs.next()) {
          request.format().row(rs, columns, out);
          rows.incrementAndGet();
        }
        warnings = StatementSummary.count(st.getWarnings()) + StatementSummary.count(rs.getWarnings());
        if (cancelled) {
          throw new SQLException("cancelled", "57014");
        }
      }
      move(temp, target);
      ok = true;
      return FusionSql.OK;
    } catch (SQLException e) {
      err.println(cancelled ? "fusion-sql: cancelled" : FusionSqlLine.describe(e));
      warnings += st == null ? 0 : warningsOf(st);
      return FusionSql.FAILED;
    } catch (IOException e) {
      err.println("fusion-sql: cannot write " + request.file() + ": " + e.getMessage());
      return FusionSql.FAILED;
    } finally {
      long requests = StatementSummary.requests(st);
      closeQuietly(st);
      statement = null;
      deleteTemp();
      if (!ok) {
        err.println("fusion-sql: " + request.file() + " not written");
      }
      err.println(new StatementSummary(rows.get(), Duration.ofNanos(System.nanoTime() - start), requests, warnings, !ok)
          .line());
      err.flush();
      done.countDown();
    }
  }

  /** Stops the extract from another thread: cancels the query in flight, then waits for the temp file to go. */
  void cancel() {
    cancelled = true;
    Statement st = statement;
    if (st != null) {
      try {
        st.cancel();
      } catch (SQLException e) {
        // the statement may have just finished; the cleanup below still runs
      }
    }
    try {
      done.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTemp();
  }

  /** Rows written so far (for tests and the progress line). */
  long rows() {
    return rows.get();
  }

  private void deleteTemp() {
    Path t = temp;
    if (t != null) {
      try {
        Files.deleteIfExists(t);
      } catch (IOException e) {
        err.println("fusion-sql: could not remove " + t + ": " + e.getMessage());
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int warningsOf(Statement st) {
    try {
      SQLWarning w = st.getWarnings();
      return StatementSummary.count(w);
    } catch (SQLException e) {
      return 0;
    }
  }

  private static void closeQuietly(Statement st) {
    if (st != null) {
      try {
        st.close();
      } catch (SQLException e) {
        // closing after a failure; the failure was reported
      }
    }
  }
}
