package org.fusionjdbc.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;

/** What the secret scans collect: exception texts as a tool shows them, and copies of what the JVM prints. */
public final class ScanTexts {
  private ScanTexts() {
  }

  /** A JDBC call whose failure text is collected. */
  @FunctionalInterface
  public interface SqlCall {
    Object call() throws SQLException;
  }

  /** Runs {@code call}, closes what it returns, and adds the text of any failure to {@code texts}. */
  public static void record(List<String> texts, SqlCall call) {
    try {
      Object result = call.call();
      if (result instanceof AutoCloseable closeable) {
        closeable.close();
      }
    } catch (Exception e) {
      texts.add(describe(e));
    }
  }

  /** toString, message and stack trace of the exception, its causes and its next exception. */
  public static String describe(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    if (e instanceof SQLException sql && sql.getNextException() != null) {
      sql.getNextException().printStackTrace(new PrintWriter(out));
    }
    return out + "\n" + e;
  }

  /** A stream writing to {@code original} and, thread-safely, to {@code copy}. */
  public static OutputStream tee(PrintStream original, ByteArrayOutputStream copy) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (copy) {
          copy.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        original.write(b, off, len);
        synchronized (copy) {
          copy.write(b, off, len);
        }
      }

      @Override
      public void flush() {
        original.flush();
      }
    };
  }
}
