package org.fusionjdbc.client.bip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One runReport call: the catalog path of the report (with its {@code .xdo} suffix), its parameters (name to
 * values, in order) and the output format ({@code xml}, {@code csv}...). Immutable.
 */
public record ReportRequest(String reportAbsolutePath, Map<String, List<String>> parameters, String attributeFormat,
    boolean byPassCache) {

  public ReportRequest {
    Objects.requireNonNull(reportAbsolutePath, "reportAbsolutePath");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(attributeFormat, "attributeFormat");
    if (!reportAbsolutePath.startsWith("/") || !reportAbsolutePath.endsWith(".xdo")) {
      throw new IllegalArgumentException("the report path must be an absolute catalog path ending in .xdo, "
          + "e.g. /Custom/Finance/Aging.xdo: " + reportAbsolutePath);
    }
    if (attributeFormat.isBlank()) {
      throw new IllegalArgumentException("attributeFormat must not be blank (xml, csv ...)");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parameters.forEach((name, values) -> {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a report parameter needs a name");
      }
      Objects.requireNonNull(values, () -> "values of parameter " + name);
      values.forEach(v -> Objects.requireNonNull(v, () -> "a null value of parameter " + name));
      copy.put(name, List.copyOf(values));
    });
    parameters = Collections.unmodifiableMap(copy);
  }

  /** XML output, cache bypassed, no parameters. */
  public static ReportRequest of(String reportAbsolutePath) {
    return new ReportRequest(reportAbsolutePath, Map.of(), "xml", true);
  }

  /** A copy with one more parameter. */
  public ReportRequest withParameter(String name, String... values) {
    Map<String, List<String>> p = new LinkedHashMap<>(parameters);
    p.put(name, List.of(values));
    return new ReportRequest(reportAbsolutePath, p, attributeFormat, byPassCache);
  }

  public ReportRequest withFormat(String format) {
    return new ReportRequest(reportAbsolutePath, parameters, format, byPassCache);
  }
}
