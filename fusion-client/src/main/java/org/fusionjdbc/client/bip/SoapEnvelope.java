package org.fusionjdbc.client.bip;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fusionjdbc.client.config.SoapVersion;

/**
 * Writes the runReport envelope of contract §7.2. Text goes through the XML writer, which escapes it, so a
 * parameter value (SQL with quotes, {@code <}, {@code &}, {@code ]]>}) can never break the envelope.
 */
final class SoapEnvelope {
  static final String PUB = "http://xmlns.oracle.com/oxp/service/PublicReportService";
  private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

  private SoapEnvelope() {
  }

  static byte[] runReport(SoapVersion version, ReportRequest request) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try {
      XMLStreamWriter w = OUT.createXMLStreamWriter(bytes, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("soap", "Envelope", version.namespace());
      w.writeNamespace("soap", version.namespace());
      w.writeNamespace("pub", PUB);
      w.writeEmptyElement("soap", "Header", version.namespace());
      w.writeStartElement("soap", "Body", version.namespace());
      w.writeStartElement("pub", "runReport", PUB);
      w.writeStartElement("pub", "reportRequest", PUB);
      text(w, "attributeFormat", request.attributeFormat());
      text(w, "byPassCache", Boolean.toString(request.byPassCache()));
      text(w, "flattenXML", "false");
      text(w, "reportAbsolutePath", request.reportAbsolutePath());
      text(w, "sizeOfDataChunkDownload", "-1"); // everything inline: chunked download is [U] on Fusion
      if (!request.parameters().isEmpty()) {
        w.writeStartElement("pub", "parameterNameValues", PUB);
        for (Map.Entry<String, List<String>> p : request.parameters().entrySet()) {
          w.writeStartElement("pub", "item", PUB);
          text(w, "name", p.getKey());
          w.writeStartElement("pub", "values", PUB);
          for (String v : p.getValue()) {
            text(w, "item", v);
          }
          w.writeEndElement();
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the SOAP envelope", e);
    }
    return bytes.toByteArray();
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement("pub", name, PUB);
    w.writeCharacters(value);
    w.writeEndElement();
  }
}
