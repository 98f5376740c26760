package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * What the rows of every proxy report shape share: the streamed {@link ReportResult} they read, cancel from any
 * thread, close (with its trace line), progress, the current row, and the wording of their failures. A subclass
 * reads its shape's data XML into rows. Holds an HTTP connection until closed. Not thread-safe, except
 * {@link #cancel()}.
 */
abstract class ReportRowStream implements ProxyRowStream {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.bip");

  final ReportResult report;
  final String reportPath;
  private final long startNanos = System.nanoTime();
  private volatile boolean cancelled;
  private boolean closed;
  /** The current row; null before the first and after the last. */
  Object[] row;
  /** Whether the last row was read. */
  boolean done;

  ReportRowStream(ReportResult report, String reportPath) {
    this.report = Objects.requireNonNull(report, "report");
    this.reportPath = reportPath;
  }

  /** Rows handed out so far. */
  abstract long rowCount();

  /** The report this stream expects to answer, as messages name it. */
  abstract String expectedReport();

  /** The stream's own XML readers, closed before the report. */
  abstract List<XMLStreamReader> readers();

  @Override
  public final List<String> fields() {
    return columns().stream().map(ProxyColumn::name).toList();
  }

  @Override
  public final Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first");
    }
    return row;
  }

  @Override
  public final ScanProgress progress() {
    long rows = rowCount();
    return new ScanProgress(1, 1, rows, rows, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Aborts the response from any thread; {@link #next()} then throws CANCELLED. */
  @Override
  public final void cancel() {
    cancelled = true;
    report.close();
  }

  @Override
  public final void close() {
    if (!closed && LOG.isLoggable(Level.FINE)) {
      LOG.fine("proxy query (" + shape().key() + ") on " + reportPath + ": " + rowCount() + " rows"
          + (done ? "" : " read before close"));
    }
    closed = true;
    for (XMLStreamReader r : readers()) {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing to release beyond the report, closed below
        }
      }
    }
    report.close();
  }

  /** Throws CANCELLED once {@link #cancel()} was called. */
  final void checkNotCancelled() {
    if (cancelled) {
      throw FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled");
    }
  }

  /** A read that failed: CANCELLED when a cancel aborted it, else {@code failure}. */
  final FusionException failedRead(FusionException failure, Throwable cause) {
    return cancelled ? FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled", cause) : failure;
  }

  /** Advances {@code xml} to the first start tag named {@code name}; false when there is none. */
  static boolean toElement(XMLStreamReader xml, String name) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Reads the small rest of the data XML so the SOAP response is consumed and its connection reused. */
  final void drain(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      xml.next();
    }
    try {
      report.stream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new XMLStreamException(e);
    }
  }

  final FusionException malformed(String what, Throwable cause) {
    return FusionException.builder(Kind.PROTOCOL, "the proxy report " + reportPath + " answered in an unexpected "
        + "format (" + what + "); is it " + expectedReport() + " from docs/bi-publisher.md?").cause(cause).build();
  }

  final FusionException readFailure(IOException e) {
    return FusionException.builder(Kind.TRANSPORT, "reading the result of " + reportPath + " failed after "
        + rowCount() + " rows: " + e.getMessage() + "; run the query again").cause(e).build();
  }
}
