package org.fusionjdbc.calcite;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * What one JDBC statement carries from planning to execution: its max rows, the notes of its plan, the scans it is
 * running and what its finished scans fetched, and Calcite's cancel flag for it. The driver's statement owns one;
 * at each execution Calcite hands it to the adapter inside the {@link DataContext} (under {@link #KEY}, next to the
 * statement's {@code ?} values), so a scan finds its own statement's state by an ordinary call and nothing about a
 * statement travels through thread-locals, static registries or global hooks. Thread-safe: another thread reads
 * progress or cancels while the statement runs.
 */
public final class StatementContext {
  /** The DataContext variable under which Calcite passes the executing statement's context. */
  public static final String KEY = "fusionStatement";

  private static final ScanProgress NONE = new ScanProgress(0, 0, 0, 0, Duration.ZERO);

  private final AtomicBoolean cancelFlag;
  private final Set<RunningScan> running = ConcurrentHashMap.newKeySet();
  private volatile long maxRows;
  private volatile List<String> planNotes = List.of();
  private ScanProgress finished = NONE;

  /** @param cancelFlag the flag Calcite raises on {@code Statement.cancel()} for this statement */
  public StatementContext(AtomicBoolean cancelFlag) {
    this.cancelFlag = Objects.requireNonNull(cancelFlag, "cancelFlag");
  }

  /** The context of the statement executing with {@code root}, if its driver supplies one. */
  public static Optional<StatementContext> of(DataContext root) {
    return root != null && root.get(KEY) instanceof StatementContext c ? Optional.of(c) : Optional.empty();
  }

  /** Calcite's cancel flag for this statement. */
  public AtomicBoolean cancelFlag() {
    return cancelFlag;
  }

  /**
   * Starts an execution: {@code maxRows} ({@code Statement.getMaxRows()}, 0 = no limit) becomes the limit of a scan
   * whose rows are the statement's rows, and the progress of earlier executions is forgotten.
   */
  public synchronized void startExecution(long maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0: " + maxRows);
    }
    this.maxRows = maxRows;
    this.finished = NONE;
  }

  /** The maxRows of the current execution, 0 if none. */
  public long maxRows() {
    return maxRows;
  }

  /** Sets the notes of the plan this statement runs (see {@link PlanNotes}). */
  public void planNotes(List<String> notes) {
    this.planNotes = List.copyOf(notes);
  }

  /** What the statement's plan leaves to the driver that a user would want to know, as sentences. */
  public List<String> planNotes() {
    return planNotes;
  }

  /** The statement's scans of the current execution so far, running and finished, added up. */
  public ScanProgress progress() {
    ScanProgress total;
    synchronized (this) {
      total = finished;
    }
    for (RunningScan s : running) {
      total = sum(total, s.progress());
    }
    return total;
  }

  /** Aborts every scan of this statement now, including a page request in flight. */
  public void cancelScans() {
    for (RunningScan s : running) {
      s.cancel();
    }
  }

  /**
   * A request outside any scan (the totalResults call of a pushed-down COUNT), added to the finished totals so the
   * statement's progress does not say 0 requests for a query that made one.
   */
  synchronized void requestOutsideScans(Duration elapsed) {
    finished = sum(finished, new ScanProgress(1, 1, 0, 0, elapsed));
  }

  void started(RunningScan scan) {
    running.add(scan);
  }

  void ended(RunningScan scan) {
    if (running.remove(scan)) {
      synchronized (this) {
        finished = sum(finished, scan.progress());
      }
    }
  }

  private static ScanProgress sum(ScanProgress a, ScanProgress b) {
    return new ScanProgress(a.requests() + b.requests(), a.pages() + b.pages(), a.rowsFetched() + b.rowsFetched(),
        a.rowsReturned() + b.rowsReturned(), a.elapsed().compareTo(b.elapsed()) >= 0 ? a.elapsed() : b.elapsed());
  }
}
