package org.fusionjdbc.calcite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * The scans running right now, grouped by their statement's cancel flag. Calcite only raises the flag on
 * {@code Statement.cancel()} and only records the query timeout, while a scan may sit in a page request for seconds;
 * a watcher thread therefore cancels the streams (aborting their HTTP requests) when the flag is raised or the
 * deadline passes. The driver reads a statement's progress from here.
 */
public final class ActiveScans {
  private static final long WATCH_MILLIS = 50;
  private static final Set<Scan> SCANS = ConcurrentHashMap.newKeySet();
  /** Finished scans' totals per statement, until the statement runs again or is collected. */
  private static final Map<AtomicBoolean, ScanProgress> FINISHED = Collections.synchronizedMap(new java.util.WeakHashMap<>());
  private static ScheduledExecutorService watcher;

  private ActiveScans() {
  }

  /** One running scan: its stream, its statement's cancel flag, its deadline (0 = none). */
  static final class Scan {
    final RowStream stream;
    final AtomicBoolean cancelFlag;
    final long deadlineNanos;
    volatile boolean timedOut;

    Scan(RowStream stream, AtomicBoolean cancelFlag, long deadlineNanos) {
      this.stream = stream;
      this.cancelFlag = cancelFlag;
      this.deadlineNanos = deadlineNanos;
    }
  }

  static Scan start(RowStream stream, AtomicBoolean cancelFlag, long deadlineNanos) {
    Scan scan = new Scan(stream, cancelFlag, deadlineNanos);
    if (cancelFlag != null || deadlineNanos != 0) {
      SCANS.add(scan);
      ensureWatcher();
    }
    return scan;
  }

  static void end(Scan scan) {
    if (scan != null && SCANS.remove(scan) && scan.cancelFlag != null) {
      FINISHED.merge(scan.cancelFlag, scan.stream.progress(), ActiveScans::sum);
    }
  }

  /**
   * A request outside any scan (the totalResults call of a pushed-down COUNT), added to the statement's finished
   * totals so its progress does not say 0 requests for a query that made one.
   */
  static void oneRequest(AtomicBoolean cancelFlag, Duration elapsed) {
    if (cancelFlag != null) {
      FINISHED.merge(cancelFlag, new ScanProgress(1, 1, 0, 0, elapsed), ActiveScans::sum);
    }
  }

  /** Forgets a statement's finished scans: it is about to run a new query. */
  public static void reset(AtomicBoolean cancelFlag) {
    FINISHED.remove(cancelFlag);
  }

  /** The statement's scans so far, running and finished, added up. */
  public static ScanProgress total(AtomicBoolean cancelFlag) {
    ScanProgress total = FINISHED.getOrDefault(cancelFlag, new ScanProgress(0, 0, 0, 0, Duration.ZERO));
    for (ScanProgress p : progress(cancelFlag)) {
      total = sum(total, p);
    }
    return total;
  }

  private static ScanProgress sum(ScanProgress a, ScanProgress b) {
    return new ScanProgress(a.requests() + b.requests(), a.pages() + b.pages(), a.rowsFetched() + b.rowsFetched(),
        a.rowsReturned() + b.rowsReturned(), a.elapsed().compareTo(b.elapsed()) >= 0 ? a.elapsed() : b.elapsed());
  }

  /** Progress of every scan the statement owning {@code cancelFlag} is running (a join runs several). */
  public static List<ScanProgress> progress(AtomicBoolean cancelFlag) {
    List<ScanProgress> out = new ArrayList<>();
    for (Scan s : SCANS) {
      if (s.cancelFlag == cancelFlag) {
        out.add(s.stream.progress());
      }
    }
    return out;
  }

  /** Cancels at once every scan of the statement owning {@code cancelFlag} (called by the driver's cancel). */
  public static void cancel(AtomicBoolean cancelFlag) {
    for (Scan s : SCANS) {
      if (s.cancelFlag == cancelFlag) {
        s.stream.cancel();
      }
    }
  }

  private static synchronized void ensureWatcher() {
    if (watcher == null && !SCANS.isEmpty()) {
      watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fusion-scan-watch");
        t.setDaemon(true);
        return t;
      });
      watcher.scheduleWithFixedDelay(ActiveScans::sweep, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Stops the watcher once no scan runs: a thread that outlived the last connection would pin the driver's class
   * loader on an application server's redeploy. The next scan starts a new one.
   */
  private static synchronized void stopWatcherIfIdle() {
    if (SCANS.isEmpty() && watcher != null) {
      watcher.shutdown();
      watcher = null;
    }
  }

  /** Whether the watcher thread runs (tests). */
  static synchronized boolean watching() {
    return watcher != null;
  }

  private static void sweep() {
    if (SCANS.isEmpty()) {
      stopWatcherIfIdle();
      return;
    }
    long now = System.nanoTime();
    for (Scan s : SCANS) {
      try {
        if (s.cancelFlag != null && s.cancelFlag.get()) {
          s.stream.cancel();
        } else if (s.deadlineNanos != 0 && now - s.deadlineNanos > 0) {
          s.timedOut = true;
          s.stream.cancel();
        }
      } catch (RuntimeException e) {
        // a stream that fails to cancel is closed by its statement anyway
      }
    }
  }

  static long deadlineNanos(Object timeoutMillis) {
    if (timeoutMillis instanceof Number n && n.longValue() > 0) {
      return System.nanoTime() + Duration.ofMillis(n.longValue()).toNanos();
    }
    return 0;
  }
}
