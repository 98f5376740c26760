package org.fusionjdbc.calcite.bip;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ProxyColumn;
import org.fusionjdbc.client.bip.ReportRequest;
import org.fusionjdbc.client.bip.ReportResult;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * Rows of a report's output, streamed: CSV (the header line skipped, empty fields NULL) or data XML (values by
 * element name, absent elements NULL), as the request's format says.
 */
final class ReportRows implements RowSource {
  private final BipClient client;
  private final ReportRequest request;
  private final List<String> names;

  ReportRows(BipClient client, ReportRequest request, List<ProxyColumn> columns) {
    this.client = client;
    this.request = request;
    this.names = columns.stream().map(ProxyColumn::name).toList();
  }

  /** One source of raw rows. */
  private interface Reader {
    Object[] next() throws IOException, XMLStreamException;
  }

  @Override
  public Enumerable<Object[]> rows() {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        ReportResult result = client.runReport(request);
        Reader reader;
        try {
          reader = request.attributeFormat().equals("xml") ? xml(result) : csv(result);
        } catch (IOException | XMLStreamException e) {
          result.close();
          throw failed(e);
        }
        return new Enumerator<>() {
          private Object[] current;

          @Override
          public Object[] current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            try {
              current = reader.next();
            } catch (IOException | XMLStreamException e) {
              result.close();
              throw failed(e);
            }
            return current != null;
          }

          @Override
          public void reset() {
            throw new UnsupportedOperationException("a report's output is read once");
          }

          @Override
          public void close() {
            result.close();
          }
        };
      }
    };
  }

  private Reader csv(ReportResult result) throws IOException {
    CsvReader csv = new CsvReader(new InputStreamReader(result.stream(), StandardCharsets.UTF_8));
    csv.next(); // header
    return () -> {
      List<String> fields = csv.next();
      if (fields == null) {
        return null;
      }
      if (fields.size() > names.size()) {
        throw FusionException.of(Kind.PROTOCOL, "a row of " + request.reportAbsolutePath() + " has "
            + fields.size() + " fields, the header " + names.size());
      }
      Object[] row = new Object[names.size()];
      for (int i = 0; i < fields.size(); i++) {
        row[i] = fields.get(i).isEmpty() ? null : fields.get(i);
      }
      return row;
    };
  }

  private Reader xml(ReportResult result) throws XMLStreamException {
    XmlRows xml = new XmlRows(result.stream());
    return () -> {
      Map<String, String> values = xml.next();
      if (values == null) {
        return null;
      }
      Object[] row = new Object[names.size()];
      for (int i = 0; i < row.length; i++) {
        String v = values.get(names.get(i));
        row[i] = v == null || v.isEmpty() ? null : v;
      }
      return row;
    };
  }

  private FusionException failed(Exception e) {
    boolean malformed = e instanceof XMLStreamException x && !(x.getNestedException() instanceof IOException);
    return FusionException.of(malformed ? Kind.PROTOCOL : Kind.TRANSPORT, "reading the output of "
        + request.reportAbsolutePath() + " failed: " + e.getMessage(), e);
  }
}
