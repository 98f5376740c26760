package org.fusionjdbc.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A progress line on a terminal's stderr, redrawn in place twice a second while an extract runs: rows written,
 * rows per second, REST requests, elapsed time, and percent and ETA when the total is known. Only used when stderr
 * is a terminal (a log file or pipe gets the summary line alone), and erased before the summary is printed.
 */
final class ProgressLine implements AutoCloseable {
  private static final long TICK_MS = 500;

  private final PrintStream err;
  private final LongSupplier rows;
  private final LongSupplier requests;
  private final OptionalLong total;
  private final long startNanos = System.nanoTime();
  private final Thread ticker;
  private volatile boolean stopped;

  ProgressLine(PrintStream err, LongSupplier rows, LongSupplier requests, OptionalLong total) {
    this.err = err;
    this.rows = rows;
    this.requests = requests;
    this.total = total;
    this.ticker = new Thread(this::tick, "fusion-sql-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  private void tick() {
    while (!stopped) {
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        return;
      }
      draw();
    }
  }

  private synchronized void draw() {
    if (stopped) {
      return;
    }
    err.print("\r" + render(rows.getAsLong(), requests.getAsLong(), Duration.ofNanos(System.nanoTime() - startNanos),
        total) + "\033[K");
    err.flush();
  }

  /** The text of the line (without the carriage return and erase codes). */
  static String render(long rows, long requests, Duration elapsed, OptionalLong total) {
    double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
    long rate = Math.round(rows / seconds);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d rows  %,d rows/s  %,d %s  %s", rows, rate,
        requests, requests == 1 ? "request" : "requests", clock(elapsed)));
    if (total.isPresent() && total.getAsLong() > 0) {
      long t = total.getAsLong();
      s.append(String.format(Locale.ROOT, "  %d%%", Math.min(100, rows * 100 / t)));
      if (rate > 0 && rows < t) {
        s.append("  ETA ").append(clock(Duration.ofSeconds((t - rows) / rate)));
      }
    }
    return s.toString();
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops redrawing and erases the line. */
  @Override
  public synchronized void close() {
    stopped = true;
    ticker.interrupt();
    err.print("\r\033[K");
    err.flush();
  }
}
