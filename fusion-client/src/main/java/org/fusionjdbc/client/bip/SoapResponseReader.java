package org.fusionjdbc.client.bip;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a runReport response with StAX up to the start of {@code reportBytes} (found by local name, any
 * prefix, as contract §7.3 advises) or parses a SOAP fault. DTDs and external entities are refused.
 */
final class SoapResponseReader {
  private static final XMLInputFactory IN = secureFactory();

  private SoapResponseReader() {
  }

  /** What the body starts with: the report (reader standing on {@code <reportBytes>}) or a fault. */
  sealed interface Outcome permits Report, Fault {
  }

  record Report(XMLStreamReader xml) implements Outcome {
  }

  record Fault(SoapFault fault) implements Outcome {
  }

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return IN.createXMLStreamReader(in);
  }

  /** A reader over XML text (a document carried as the text of another document's element). */
  static XMLStreamReader reader(java.io.Reader in) throws XMLStreamException {
    return IN.createXMLStreamReader(in);
  }

  /** Advances to {@code reportBytes} or a {@code Fault}; null when the document has neither. */
  static Outcome advance(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("reportBytes")) {
          return new Report(xml);
        }
        if (name.equals("Fault")) {
          return new Fault(fault(xml));
        }
      }
    }
    return null;
  }

  /** Parses the fault subtree the reader stands on; texts are capped so a huge fault cannot exhaust memory. */
  private static SoapFault fault(XMLStreamReader xml) throws XMLStreamException {
    String code = null;
    String reason = null;
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if ((name.equals("Value") && code == null) || name.equals("faultcode")) {
          code = cappedText(xml);
        } else if ((name.equals("Text") && reason == null) || name.equals("faultstring")) {
          reason = cappedText(xml);
        } else {
          depth++;
        }
      }
    }
    return new SoapFault(code, reason);
  }

  /** Text content of a simple element (reader ends on its end tag), at most 8000 characters. */
  private static String cappedText(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (xml.hasText() && event != XMLStreamConstants.COMMENT && sb.length() < 8000) {
        sb.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(xml.getTextLength(), 8000 - sb.length()));
      }
    }
    return sb.toString();
  }

  /** After reportBytes: reads the rest of the document and returns {@code reportContentType}, or null. */
  static String rest(XMLStreamReader xml) throws XMLStreamException {
    String contentType = null;
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("reportContentType")) {
        contentType = cappedText(xml).strip();
      }
    }
    return contentType == null || contentType.isEmpty() ? null : contentType;
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false); // text must arrive in pieces, never as one String
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }
}
