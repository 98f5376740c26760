package org.fusionjdbc.cli.check;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The driver's own one-line trace of each HTTP call ("GET path?params -> 200 in 35 ms, ..." and the token
 * endpoint's "POST ... -> 200"), captured while the check runs: the report quotes statuses and times from it, and
 * counts throttling. The driver never puts a token into these lines.
 */
final class RequestLog extends Handler implements AutoCloseable {
  // Strong references: java.util.logging holds loggers weakly and would drop the level.
  private final List<Logger> loggers = List.of(Logger.getLogger("org.fusionjdbc.client.http"),
      Logger.getLogger("org.fusionjdbc.client.auth"));
  private final List<String> lines = new ArrayList<>();

  RequestLog() {
    setLevel(Level.FINE);
    for (Logger l : loggers) {
      l.setLevel(Level.FINE);
      l.addHandler(this);
    }
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.FINE.intValue()) {
      lines.add(record.getMessage());
    }
  }

  synchronized int size() {
    return lines.size();
  }

  /** The lines logged since {@code from} (a previous {@link #size()}). */
  synchronized List<String> since(int from) {
    return List.copyOf(lines.subList(Math.min(from, lines.size()), lines.size()));
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    for (Logger l : loggers) {
      l.removeHandler(this);
    }
  }
}
