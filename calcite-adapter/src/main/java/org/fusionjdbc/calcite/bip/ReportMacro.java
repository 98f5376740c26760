package org.fusionjdbc.calcite.bip;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ProxyColumn;
import org.fusionjdbc.client.bip.ReportRequest;
import org.fusionjdbc.client.bip.ReportResult;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * {@code BIP.REPORT('/Custom/Finance/Aging.xdo', 'P_DATE', '2024-01-31', ...)}: an existing BI Publisher report
 * as a table, run with CSV output ({@code BIP.REPORT_XML}: data XML, see {@link XmlRows}); up to
 * {@value #MAX_PAIRS} parameter name/value pairs. Columns are the CSV header's names (for XML, every element
 * name a row has, in order of appearance), all VARCHAR; an empty field or absent element is NULL. The columns
 * are learnt at planning time by running the report once, cached per path and parameters; execution runs it
 * again and streams the rows.
 */
final class ReportMacro implements TableMacro {
  static final int MAX_PAIRS = 8;
  private static final int CACHED_SHAPES = 64;
  private final BipClient client;
  private final boolean xml;
  private final Map<ReportRequest, List<ProxyColumn>> shapes = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ReportRequest, List<ProxyColumn>> eldest) {
          return size() > CACHED_SHAPES;
        }
      });

  /** @param xml read data XML instead of CSV */
  ReportMacro(BipClient client, boolean xml) {
    this.client = Objects.requireNonNull(client, "client");
    this.xml = xml;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<String> names = new ArrayList<>();
    names.add("REPORT_PATH");
    for (int i = 1; i <= MAX_PAIRS; i++) {
      names.add("NAME" + i);
      names.add("VALUE" + i);
    }
    return Parameters.varchar(names, 1);
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    ReportRequest request = request(arguments.stream().map(Parameters::text).toList(), xml ? "xml" : "csv");
    List<ProxyColumn> columns = shapes.computeIfAbsent(request, xml ? this::xmlColumns : this::header);
    return new ResultTable(columns, new ReportRows(client, request, columns));
  }

  static ReportRequest request(List<? extends Object> args, String format) {
    if (args.isEmpty() || !(args.get(0) instanceof String path)) {
      throw FusionException.of(Kind.BAD_REQUEST, "REPORT takes the report's catalog path as a string, e.g. "
          + "BIP.REPORT('/Custom/Finance/Aging.xdo', 'P_DATE', '2024-01-31')");
    }
    ReportRequest r;
    try {
      r = ReportRequest.of(path).withFormat(format);
    } catch (IllegalArgumentException e) {
      throw FusionException.of(Kind.BAD_REQUEST, e.getMessage());
    }
    for (int i = 1; i < args.size(); i += 2) {
      Object name = args.get(i);
      Object value = i + 1 < args.size() ? args.get(i + 1) : null;
      if (name == null && value == null) {
        continue;
      }
      if (!(name instanceof String n) || n.isBlank()) {
        throw FusionException.of(Kind.BAD_REQUEST, "REPORT parameter value '" + value + "' has no name: pass "
            + "name, value pairs after the path");
      }
      if (value == null) {
        throw FusionException.of(Kind.BAD_REQUEST, "REPORT parameter " + n + " has no value");
      }
      r = r.withParameter(n, value.toString());
    }
    return r;
  }

  private List<ProxyColumn> xmlColumns(ReportRequest request) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    try (ReportResult result = client.runReport(request)) {
      XmlRows rows = new XmlRows(result.stream());
      for (Map<String, String> row = rows.next(); row != null; row = rows.next()) {
        names.addAll(row.keySet());
      }
      rows.close();
    } catch (javax.xml.stream.XMLStreamException e) {
      throw FusionException.of(Kind.PROTOCOL, "the XML output of " + request.reportAbsolutePath()
          + " is not well-formed: " + e.getMessage(), e);
    }
    if (names.isEmpty()) {
      throw FusionException.of(Kind.PROTOCOL, "the report " + request.reportAbsolutePath() + " returned no rows "
          + "to learn its columns from; run it with parameters that return data, or use BIP.REPORT (CSV)");
    }
    return names.stream().map(n -> new ProxyColumn(n, "VARCHAR2", 0, 0, 0, true)).toList();
  }

  private List<ProxyColumn> header(ReportRequest request) {
    try (ReportResult result = client.runReport(request);
         CsvReader csv = new CsvReader(new InputStreamReader(result.stream(), StandardCharsets.UTF_8))) {
      List<String> names = csv.next();
      if (names == null) {
        throw FusionException.of(Kind.PROTOCOL, "the report " + request.reportAbsolutePath() + " returned no "
            + "CSV header; does it have a data model whose output can be CSV?");
      }
      List<ProxyColumn> out = new ArrayList<>();
      for (String n : names) {
        out.add(new ProxyColumn(n.isBlank() ? "COLUMN" + (out.size() + 1) : n.strip(), "VARCHAR2", 0, 0, 0, true));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw FusionException.of(Kind.TRANSPORT, "reading the output of " + request.reportAbsolutePath()
          + " failed: " + e.getMessage(), e);
    }
  }
}
