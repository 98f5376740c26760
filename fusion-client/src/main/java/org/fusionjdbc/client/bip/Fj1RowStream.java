package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * Rows of one FJ1-shape proxy query, streamed from the report's data XML (first {@code FJ_RESULT} element) while
 * the SOAP response arrives: one row in memory at a time. Values are typed per {@link ProxyColumn#javaType()}
 * from the pod's own describe. Holds an HTTP connection until closed. Not thread-safe, except {@link #cancel()}.
 */
final class Fj1RowStream implements ProxyRowStream {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.bip");
  private final ReportResult report;
  private final String reportPath;
  private final long startNanos = System.nanoTime();
  private XMLStreamReader data;
  private Fj1Reader fj1;
  private Object[] row;
  private boolean done;
  private volatile boolean cancelled;
  private boolean closed;

  Fj1RowStream(ReportResult report, String reportPath) {
    this.report = Objects.requireNonNull(report, "report");
    this.reportPath = reportPath;
    try {
      InputStream xml = report.stream();
      data = SoapResponseReader.reader(xml);
      if (!toResult(data)) {
        throw malformed("the report output has no FJ_RESULT element", null);
      }
      fj1 = new Fj1Reader(new ElementTextReader(data, "FJ_RESULT", this::drain));
    } catch (XMLStreamException e) {
      close();
      throw malformed("the report output is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      close();
      throw readFailure(e);
    } catch (IllegalStateException e) {
      close();
      throw malformed(e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public ProxyShape shape() {
    return ProxyShape.FJ1;
  }

  @Override
  public List<ProxyColumn> columns() {
    return fj1.columns();
  }

  @Override
  public List<String> fields() {
    return columns().stream().map(ProxyColumn::name).toList();
  }

  @Override
  public boolean next() {
    if (cancelled) {
      throw FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled");
    }
    if (done) {
      return false;
    }
    try {
      row = fj1.next();
    } catch (IOException e) {
      close();
      throw cancelled ? FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled", e) : readFailure(e);
    } catch (IllegalStateException e) {
      close();
      throw malformed(e.getMessage(), e);
    }
    if (row == null) {
      done = true;
      close(); // frees the connection as soon as the last row is read
      return false;
    }
    return true;
  }

  @Override
  public Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first");
    }
    return row;
  }

  @Override
  public ScanProgress progress() {
    long rows = fj1 == null ? 0 : fj1.rows();
    return new ScanProgress(1, 1, rows, rows, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Aborts the response from any thread; {@link #next()} then throws CANCELLED. */
  @Override
  public void cancel() {
    cancelled = true;
    report.close();
  }

  @Override
  public void close() {
    if (!closed && LOG.isLoggable(Level.FINE)) {
      LOG.fine("proxy query on " + reportPath + ": " + (fj1 == null ? 0 : fj1.rows()) + " rows"
          + (done ? "" : " read before close"));
    }
    closed = true;
    if (data != null) {
      try {
        data.close();
      } catch (XMLStreamException e) {
        // nothing to release beyond the report, closed below
      }
    }
    report.close();
  }

  /** Advances the data XML to the first FJ_RESULT start tag. */
  private static boolean toResult(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("FJ_RESULT")) {
        return true;
      }
    }
    return false;
  }

  /** Reads the small rest of the data XML so the SOAP response is consumed and its connection reused. */
  private void drain(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      xml.next();
    }
    try {
      report.stream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new XMLStreamException(e);
    }
  }

  private FusionException malformed(String what, Throwable cause) {
    return FusionException.builder(Kind.PROTOCOL, "the proxy report " + reportPath + " answered in an unexpected "
        + "format (" + what + "); is it the fusion-jdbc proxy report (FJ1) from docs/bi-publisher.md?")
        .cause(cause).build();
  }

  private FusionException readFailure(IOException e) {
    return FusionException.builder(Kind.TRANSPORT, "reading the result of " + reportPath + " failed after "
        + (fj1 == null ? 0 : fj1.rows()) + " rows: " + e.getMessage() + "; run the query again").cause(e).build();
  }
}
