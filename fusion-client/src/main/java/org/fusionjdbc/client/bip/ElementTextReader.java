package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.Reader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of the element the StAX reader stands in, pulled event by event through a fixed buffer: the text
 * (a report can be hundreds of megabytes) is never assembled as one String, whatever size the parser's text
 * events have. Ends at the element's end tag and then lets {@code onEnd} read the rest of the document.
 */
final class ElementTextReader extends Reader {
  /** Runs once after the element's end tag, with the reader standing on it. */
  interface EndHandler {
    void onEnd(XMLStreamReader xml) throws XMLStreamException;
  }

  private final XMLStreamReader xml;
  private final String element;
  private final EndHandler onEnd;
  private int offsetInEvent = -1; // -1: no text event being copied
  private boolean ended;
  private long events;
  private int longestEvent;

  ElementTextReader(XMLStreamReader xml, String element, EndHandler onEnd) {
    this.xml = xml;
    this.element = element;
    this.onEnd = onEnd;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (ended) {
      return -1;
    }
    try {
      while (true) {
        if (offsetInEvent >= 0) {
          int copied = xml.getTextCharacters(offsetInEvent, buf, off, len);
          if (copied > 0) {
            offsetInEvent += copied;
            return copied;
          }
          offsetInEvent = -1;
        }
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            events++;
            longestEvent = Math.max(longestEvent, xml.getTextLength());
            offsetInEvent = 0;
          }
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
            // nothing to copy
          }
          case XMLStreamConstants.END_ELEMENT -> {
            ended = true;
            onEnd.onEnd(xml);
            return -1;
          }
          default -> throw new IOException("unexpected XML inside " + element + " (event " + event
              + "); the answer is not what BI Publisher sends");
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("the BI Publisher answer is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Text events seen so far (more than one proves the text arrived in pieces). */
  long events() {
    return events;
  }

  /** Characters of the longest single text event the XML parser handed over. */
  int longestEvent() {
    return longestEvent;
  }

  /** Does not close the XML reader: its owner does. */
  @Override
  public void close() {
  }
}
