package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fusionjdbc.client.config.ProxyShape;

/**
 * Rows of one XMLGEN-shape proxy query (docs/bi-publisher.md §1.5): the text of the first {@code FJ_XML} element is
 * DBMS_XMLGEN's document ({@code ROWSET}, one {@code ROW} per row, one element per column in select order, NULL as
 * {@code xsi:nil="true"}), parsed as it streams in, one row in memory at a time. The pod describes nothing: column
 * names come from the first row's elements, types from the caller's {@code expected} columns (its own dictionary),
 * and without them every column is VARCHAR2 text. A result without rows has the expected columns, or none.
 * Holds an HTTP connection until closed. Not thread-safe, except {@link #cancel()}.
 */
final class XmlgenRowStream extends ReportRowStream {
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final List<ProxyColumn> expected;
  private XMLStreamReader data;
  private XMLStreamReader rows;
  private List<ProxyColumn> columns;
  private Object[] pending; // the first row, read ahead to learn the names
  private long count;

  XmlgenRowStream(ReportResult report, String reportPath, List<ProxyColumn> expected) {
    super(report, reportPath);
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
  public boolean next() {
    checkNotCancelled();
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
      throw failedRead(e.getNestedException() instanceof IOException io ? readFailure(io)
          : malformed(e.getMessage(), e), e);
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
  long rowCount() {
    return count;
  }

  @Override
  String expectedReport() {
    return "the fusion-jdbc XMLGEN proxy report";
  }

  @Override
  List<XMLStreamReader> readers() {
    return Arrays.asList(rows, data);
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
}
