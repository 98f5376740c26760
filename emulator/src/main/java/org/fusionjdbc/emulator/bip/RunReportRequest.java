package org.fusionjdbc.emulator.bip;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A parsed SOAP request: the envelope version, the operation, and for runReport the fields of
 * reportRequest. Elements are matched by local name, so any prefix works; parameters are read both as
 * {@code parameterNameValues/item} (ExternalReportWSSService) and
 * {@code parameterNameValues/listOfParamNameValues/item} (v2 ReportService).
 */
record RunReportRequest(SoapProtocol version, String operation, String reportPath, String format,
    Map<String, List<String>> parameters) {

  static final String PUBLIC_REPORT_NS = "http://xmlns.oracle.com/oxp/service/PublicReportService";

  private static final XMLInputFactory FACTORY = secureFactory();

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Thrown for a body that is not a SOAP envelope we understand. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final SoapProtocol version;
    final boolean versionMismatch;

    BadRequest(SoapProtocol version, boolean versionMismatch, String message) {
      super(message, null, false, false);
      this.version = version;
      this.versionMismatch = versionMismatch;
    }
  }

  static RunReportRequest parse(InputStream body) throws BadRequest {
    SoapProtocol version = null;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(body, "UTF-8");
      try {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
          // skip prolog
        }
        if (!r.isStartElement() || !"Envelope".equals(r.getLocalName())) {
          throw new BadRequest(null, false, "the request body is not a SOAP envelope");
        }
        version = SoapProtocol.ofNamespace(r.getNamespaceURI());
        if (version == null) {
          throw new BadRequest(null, true, "unknown SOAP envelope namespace " + r.getNamespaceURI());
        }
        return readBody(r, version);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new BadRequest(version, false, "the request is not well-formed XML: " + e.getMessage());
    }
  }

  private static RunReportRequest readBody(XMLStreamReader r, SoapProtocol version)
      throws XMLStreamException, BadRequest {
    Deque<String> path = new ArrayDeque<>(); // local names below Envelope, innermost first
    String operation = null;
    String reportPath = null;
    String format = null;
    Map<String, List<String>> params = new LinkedHashMap<>();
    String currentParam = null;
    List<String> pendingValues = new ArrayList<>();
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        if (path.size() == 1 && "Body".equals(path.peekFirst()) && operation == null) {
          if (!PUBLIC_REPORT_NS.equals(r.getNamespaceURI()) && !r.getNamespaceURI().startsWith(
              "http://xmlns.oracle.com/oxp/service/")) {
            throw new BadRequest(version, false, "unknown operation namespace " + r.getNamespaceURI());
          }
          operation = name;
        }
        boolean inParams = path.contains("parameterNameValues");
        if (inParams && "item".equals(name) && isParameterList(path.peekFirst())) {
          currentParam = null; // a new name/values pair starts
          pendingValues.clear();
        }
        if (inParams && "name".equals(name) && "item".equals(path.peekFirst())) {
          currentParam = r.getElementText();
          params.computeIfAbsent(currentParam, k -> new ArrayList<>()).addAll(pendingValues);
          pendingValues.clear();
          continue; // getElementText consumed the end tag
        }
        if (inParams && "item".equals(name) && "values".equals(path.peekFirst())) {
          String value = r.getElementText();
          if (currentParam != null) {
            params.get(currentParam).add(value);
          } else {
            pendingValues.add(value); // values listed before the name
          }
          continue;
        }
        if ("reportRequest".equals(path.peekFirst())) {
          if ("reportAbsolutePath".equals(name)) {
            reportPath = r.getElementText().strip();
            continue;
          }
          if ("attributeFormat".equals(name)) {
            format = r.getElementText().strip();
            continue;
          }
        }
        path.push(name);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (path.isEmpty()) {
          break; // end of Envelope
        }
        path.pop();
      }
    }
    if (operation == null) {
      throw new BadRequest(version, false, "the SOAP Body names no operation");
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    params.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new RunReportRequest(version, operation, reportPath, format, Map.copyOf(frozen));
  }

  private static boolean isParameterList(String parent) {
    return "parameterNameValues".equals(parent) || "listOfParamNameValues".equals(parent);
  }
}
