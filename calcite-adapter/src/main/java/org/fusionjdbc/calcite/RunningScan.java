package org.fusionjdbc.calcite;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * One scan while it runs, watched for its statement's cancel flag and its deadline. Calcite only raises the flag on
 * {@code Statement.cancel()} and only records the query timeout, while a scan may sit in a page request for seconds;
 * the watch therefore cancels the stream (aborting its HTTP request) when the flag is raised or the deadline passes.
 * The one watcher thread is shared and holds no statement state: each scan schedules its own check and removes it
 * when it ends.
 */
final class RunningScan {
  private static final long WATCH_MILLIS = 50;

  private final RowStream stream;
  private final AtomicBoolean cancelFlag;
  private final long deadlineNanos;
  private final ScheduledFuture<?> watch;
  private volatile boolean timedOut;

  private RunningScan(RowStream stream, AtomicBoolean cancelFlag, long deadlineNanos) {
    this.stream = stream;
    this.cancelFlag = cancelFlag;
    this.deadlineNanos = deadlineNanos;
    this.watch = cancelFlag == null && deadlineNanos == 0 ? null
        : Watcher.THREAD.scheduleWithFixedDelay(this::check, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Starts watching {@code stream}; {@code cancelFlag} may be null, {@code deadlineNanos} 0 for none. */
  static RunningScan start(RowStream stream, AtomicBoolean cancelFlag, long deadlineNanos) {
    return new RunningScan(stream, cancelFlag, deadlineNanos);
  }

  /** Whether the watch stopped the scan because its deadline passed. */
  boolean timedOut() {
    return timedOut;
  }

  ScanProgress progress() {
    return stream.progress();
  }

  void cancel() {
    stream.cancel();
  }

  /** Stops watching (the scan ended or was closed). */
  void end() {
    if (watch != null) {
      watch.cancel(false);
    }
  }

  private void check() {
    try {
      if (cancelFlag != null && cancelFlag.get()) {
        stream.cancel();
        end();
      } else if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
        timedOut = true;
        stream.cancel();
        end();
      }
    } catch (RuntimeException e) {
      // a stream that fails to cancel is closed by its statement anyway
    }
  }

  static long deadlineNanos(Object timeoutMillis) {
    if (timeoutMillis instanceof Number n && n.longValue() > 0) {
      return System.nanoTime() + Duration.ofMillis(n.longValue()).toNanos();
    }
    return 0;
  }

  /** The shared watcher thread, started when a scan needs it and ended when none does. */
  private static final class Watcher {
    static final ScheduledExecutorService THREAD = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "fusion-scan-watch");
        t.setDaemon(true);
        return t;
      });
      executor.setRemoveOnCancelPolicy(true); // an ended scan's check leaves the queue at once
      // The thread ends once no scan is watched: one that outlived the last connection would pin the driver's class
      // loader on an application server's redeploy. The next scan starts a new one.
      executor.setKeepAliveTime(1, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }
}
