package org.fusionjdbc.calcite.bip;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ReportRequest;
import org.fusionjdbc.client.bip.ReportResult;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/** Rows of a report's CSV output, streamed; the header line is skipped, empty fields are NULL. */
final class ReportRows implements RowSource {
  private final BipClient client;
  private final ReportRequest request;
  private final int width;

  ReportRows(BipClient client, ReportRequest request, int width) {
    this.client = client;
    this.request = request;
    this.width = width;
  }

  @Override
  public Enumerable<Object[]> rows() {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        ReportResult result = client.runReport(request);
        CsvReader csv = new CsvReader(new InputStreamReader(result.stream(), StandardCharsets.UTF_8));
        try {
          csv.next(); // header
        } catch (IOException e) {
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
            List<String> fields;
            try {
              fields = csv.next();
            } catch (IOException e) {
              result.close();
              throw failed(e);
            }
            if (fields == null) {
              return false;
            }
            if (fields.size() > width) {
              throw FusionException.of(Kind.PROTOCOL, "a row of " + request.reportAbsolutePath() + " has "
                  + fields.size() + " fields, the header " + width);
            }
            Object[] row = new Object[width];
            for (int i = 0; i < fields.size(); i++) {
              row[i] = fields.get(i).isEmpty() ? null : fields.get(i);
            }
            current = row;
            return true;
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

  private FusionException failed(IOException e) {
    return FusionException.of(Kind.TRANSPORT, "reading the output of " + request.reportAbsolutePath()
        + " failed: " + e.getMessage(), e);
  }
}
