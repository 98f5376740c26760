package org.fusionjdbc.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the suite's JVM logs or prints to stderr, kept for the secret scan. Installed once, before the first
 * connection: the driver's ConsoleHandler binds System.err when it is created, so the tee must already be in place
 * then. Log records are captured twice on purpose: formatted (message with parameters, as a handler would write
 * them) and through the stderr tee (what the driver's own handler really wrote).
 */
final class CapturedOutput {
  private static final CapturedOutput INSTANCE = new CapturedOutput();

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final List<String> records = new ArrayList<>();
  // Strong references: java.util.logging holds loggers weakly.
  private final Logger driverLogger = Logger.getLogger("org.fusionjdbc");
  private final Logger rootLogger = Logger.getLogger("");

  private CapturedOutput() {
    PrintStream original = System.err;
    OutputStream tee = ScanTexts.tee(original, stderr);
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    Handler capture = new Handler() {
      private final SimpleFormatter formatter = new SimpleFormatter();

      @Override
      public void publish(LogRecord r) {
        String text = formatter.format(r);
        synchronized (records) {
          records.add(r.getLoggerName() + " " + r.getLevel() + " " + text);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    capture.setLevel(Level.ALL);
    // The driver stops propagation at org.fusionjdbc (its own stderr handler), so listen there and at the root.
    driverLogger.addHandler(capture);
    rootLogger.addHandler(capture);
  }

  static CapturedOutput install() {
    return INSTANCE;
  }

  /** All captured log lines and stderr text so far. */
  String text() {
    StringBuilder out = new StringBuilder();
    synchronized (records) {
      records.forEach(r -> out.append(r).append('\n'));
    }
    synchronized (stderr) {
      out.append(stderr.toString(StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  int recordCount() {
    synchronized (records) {
      return records.size();
    }
  }
}
