package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of the element the StAX reader stands in, as ASCII bytes, pulled event by event through a fixed
 * buffer: the element's text is never assembled as one String (a report can be hundreds of megabytes of
 * base64). Ends at the element's end tag and then lets {@code onEnd} read the rest of the document.
 */
final class ElementTextStream extends InputStream {
  /** Runs once after the element's end tag, with the reader standing on it. */
  interface EndHandler {
    void onEnd(XMLStreamReader xml) throws XMLStreamException;
  }

  private final XMLStreamReader xml;
  private final EndHandler onEnd;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private int offsetInEvent = -1; // -1: no text event being copied
  private boolean ended;
  private long events;
  private int longestEvent;

  ElementTextStream(XMLStreamReader xml, EndHandler onEnd) {
    this.xml = xml;
    this.onEnd = onEnd;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int n) throws IOException {
    if (n == 0) {
      return 0;
    }
    while (pos == len) {
      if (!fill()) {
        return -1;
      }
    }
    int count = Math.min(n, len - pos);
    for (int i = 0; i < count; i++) {
      char c = buf[pos++];
      if (c > 127) {
        throw new IOException("reportBytes holds a non-base64 character U+" + Integer.toHexString(c));
      }
      b[off + i] = (byte) c;
    }
    return count;
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    try {
      while (true) {
        if (offsetInEvent >= 0) {
          int copied = xml.getTextCharacters(offsetInEvent, buf, 0, buf.length);
          if (copied > 0) {
            offsetInEvent += copied;
            pos = 0;
            len = copied;
            return true;
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
            return false;
          }
          default -> throw new IOException("unexpected XML inside reportBytes (event " + event
              + "); the runReport response is not what BI Publisher sends");
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("the runReport response is not well-formed XML: " + e.getMessage(), e);
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
}
