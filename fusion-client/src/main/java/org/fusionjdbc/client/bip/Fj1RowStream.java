package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fusionjdbc.client.config.ProxyShape;

/**
 * Rows of one FJ1-shape proxy query, streamed from the report's data XML (first {@code FJ_RESULT} element) while
 * the SOAP response arrives: one row in memory at a time. Values are typed per {@link ProxyColumn#javaType()}
 * from the pod's own describe. Holds an HTTP connection until closed. Not thread-safe, except {@link #cancel()}.
 */
final class Fj1RowStream extends ReportRowStream {
  private XMLStreamReader data;
  private Fj1Reader fj1;

  Fj1RowStream(ReportResult report, String reportPath) {
    super(report, reportPath);
    try {
      InputStream xml = report.stream();
      data = SoapResponseReader.reader(xml);
      if (!toElement(data, "FJ_RESULT")) {
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
  public boolean next() {
    checkNotCancelled();
    if (done) {
      return false;
    }
    try {
      row = fj1.next();
    } catch (IOException e) {
      close();
      throw failedRead(readFailure(e), e);
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
  long rowCount() {
    return fj1 == null ? 0 : fj1.rows();
  }

  @Override
  String expectedReport() {
    return "the fusion-jdbc proxy report (FJ1)";
  }

  @Override
  List<XMLStreamReader> readers() {
    return Collections.singletonList(data);
  }
}
