package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
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
 * Rows of one XMLGEN-shape proxy query (docs/bi-publisher.md §1.5): the text of the first {@code FJ_XML} element is
 * DBMS_XMLGEN's document ({@code ROWSET}, one {@code ROW} per row, one element per column in select order, NULL as
 * {@code xsi:nil="true"}), parsed as it streams in, one row in memory at a time. The pod describes nothing: column
 * names come from the first row's elements, types from the caller's {@code expected} columns (its own dictionary),
 * and without them every column is VARCHAR2 text. A result without rows has the expected columns, or none.
 * Holds an HTTP connection until closed. Not thread-safe, except {@link #cancel()}.
 */
final class XmlgenRowStream implements ProxyRowStream {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.bip");
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final ReportResult report;
  private final String reportPath;
  private final List<ProxyColumn> expected;
  private final long startNanos = System.nanoTime();
  private XMLStreamReader data;
  private XMLStreamReader rows;
  private List<ProxyColumn> columns;
  private Object[] pending; // the first row, read ahead to learn the names
  private Object[] row;
  private long count;
  private boolean done;
  private volatile boolean cancelled;
  private boolean closed;

  XmlgenRowStream(ReportResult report, String reportPath, List<ProxyColumn> expected) {
    this.report = Objects.requireNonNull(report, "report");
    this.reportPath = reportPath;
    this.expected = expected == null ? null : List.copyOf(expected);
    try {
      InputStream xml = report.stream();
      data = SoapResponseReader.reader(xml);
      if (!toElement(data, "FJ_XML")) {
        throw malformed("the report output has no FJ_XML element", null);
      }
      rows = SoapResponseReader.reader(skipLeadingBlanks(new ElementTextReader(data, "FJ_XML", this::drain)));
      if (!toElement(rows, "ROWSET")) {
        throw malformed("FJ_XML holds no ROWSET", null);
      }
      List<String> names = new ArrayList<>();
      List<String> first = readRow(names);
      if (first == null) {
        columns = this.expected == null ? List.of() : this.expected;
        done = true;
      } else {
        columns = shape(names);
        pending = typed(first);
      }
    } catch (XMLStreamException e) {
      close();
      throw malformed("not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      close();
      throw readFailure(e);
    } catch (IllegalStateException | IllegalArgumentException | java.time.DateTimeException e) {
      close();
      throw malformed(e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private List<ProxyColumn> shape(List<String> names) {
    if (expected == null) {
      return names.stream().map(n -> new ProxyColumn(n, "VARCHAR2", 0, 0, 0, true)).toList();
    }
    if (expected.size() != names.size()) {
      throw new IllegalStateException("a row has " + names.size() + " columns, the statement expects "
          + expected.size());
    }
    List<ProxyColumn> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      ProxyColumn e = expected.get(i);
      out.add(new ProxyColumn(names.get(i), e.oracleType(), e.precision(), e.scale(), e.length(), e.nullable()));
    }
    return List.copyOf(out);
  }

  @Override
  public ProxyShape shape() {
    return ProxyShape.XMLGEN;
  }

  @Override
  public List<ProxyColumn> columns() {
    return columns;
  }

  @Override
  public List<String> fields() {
    return columns.stream().map(ProxyColumn::name).toList();
  }

  @Override
  public boolean next() {
    if (cancelled) {
      throw FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled");
    }
    if (pending != null) {
      row = pending;
      pending = null;
      count++;
      return true;
    }
    if (done) {
      return false;
    }
    try {
      List<String> values = readRow(null);
      if (values == null) {
        done = true;
        row = null;
        close(); // frees the connection as soon as the last row is read
        return false;
      }
      row = typed(values);
      count++;
      return true;
    } catch (XMLStreamException e) {
      close();
      if (cancelled) {
        throw FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled", e);
      }
      throw e.getNestedException() instanceof IOException io ? readFailure(io) : malformed(e.getMessage(), e);
    } catch (IllegalStateException | IllegalArgumentException | java.time.DateTimeException e) {
      close();
      throw malformed(e.getMessage(), e);
    }
  }

  /** The next ROW's values (null for a nil element); null after the ROWSET. Collects names when asked. */
  private List<String> readRow(List<String> names) throws XMLStreamException {
    while (true) {
      int e = rows.next();
      if (e == XMLStreamConstants.END_ELEMENT || e == XMLStreamConstants.END_DOCUMENT) {
        while (rows.hasNext()) {
          rows.next(); // the rest of FJ_XML's text, then the outer document through drain()
        }
        return null;
      }
      if (e == XMLStreamConstants.START_ELEMENT) {
        if (!rows.getLocalName().equals("ROW")) {
          throw new IllegalStateException("ROWSET holds " + rows.getLocalName() + ", not ROW");
        }
        break;
      }
    }
    List<String> values = new ArrayList<>(columns == null ? 16 : columns.size());
    while (true) {
      int e = rows.nextTag();
      if (e == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (names != null) {
        names.add(XmlgenValues.columnName(rows.getLocalName()));
      }
      boolean nil = "true".equals(rows.getAttributeValue(XSI, "nil"));
      String text = rows.getElementText();
      values.add(nil ? null : text);
    }
    if (columns != null && values.size() != columns.size()) {
      throw new IllegalStateException("row " + (count + 1) + " has " + values.size() + " columns, the first had "
          + columns.size() + "; the data set must write NULLs as xsi:nil elements (DBMS_XMLGEN.NULL_ATTR)");
    }
    return values;
  }

  private Object[] typed(List<String> values) {
    Object[] out = new Object[values.size()];
    for (int i = 0; i < out.length; i++) {
      String v = values.get(i);
      ProxyColumn c = columns.get(i);
      try {
        out[i] = v == null ? null : XmlgenValues.value(v, c);
      } catch (RuntimeException e) {
        throw new IllegalStateException("row " + (count + 1) + ", column " + c.name() + " (" + c.oracleType()
            + "): cannot read '" + (v.length() > 80 ? v.substring(0, 80) + "..." : v) + "': " + e.getMessage(), e);
      }
    }
    return out;
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
    return new ScanProgress(1, 1, count, count, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  @Override
  public void cancel() {
    cancelled = true;
    report.close();
  }

  @Override
  public void close() {
    if (!closed && LOG.isLoggable(Level.FINE)) {
      LOG.fine("proxy query (xmlgen) on " + reportPath + ": " + count + " rows" + (done ? "" : " read before close"));
    }
    closed = true;
    for (XMLStreamReader r : new XMLStreamReader[] {rows, data}) {
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

  /** The XML declaration must come first; the element's text may start with a line break. */
  private static java.io.Reader skipLeadingBlanks(java.io.Reader in) throws IOException {
    java.io.PushbackReader r = new java.io.PushbackReader(in, 1);
    int c;
    do {
      c = r.read();
    } while (c >= 0 && Character.isWhitespace(c));
    if (c >= 0) {
      r.unread(c);
    }
    return r;
  }

  private static boolean toElement(XMLStreamReader xml, String name) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(name)) {
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
        + "format (" + what + "); is it the fusion-jdbc XMLGEN proxy report from docs/bi-publisher.md?")
        .cause(cause).build();
  }

  private FusionException readFailure(IOException e) {
    return FusionException.builder(Kind.TRANSPORT, "reading the result of " + reportPath + " failed after "
        + count + " rows: " + e.getMessage() + "; run the query again").cause(e).build();
  }
}
