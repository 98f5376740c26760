package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.fusionjdbc.client.http.CountingInputStream;

/**
 * The output of one runReport call, streamed: {@link #stream()} decodes {@code reportBytes} from base64 while
 * the response arrives, so memory stays at a few buffers whatever the report's size. Holds an HTTP connection
 * until {@link #close()}; a failure while reading surfaces as an IOException from the
 * stream (the report cannot be re-run transparently once bytes were handed out). Not thread-safe.
 */
public final class ReportResult implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.bip");

  private final ClassicHttpResponse response;
  private final XMLStreamReader xml;
  private final ElementTextReader text;
  private final CountingInputStream decoded;
  private final String display;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile String contentType;
  private volatile boolean complete;

  ReportResult(ClassicHttpResponse response, XMLStreamReader xml, String display) {
    this.response = response;
    this.xml = xml;
    this.display = display;
    this.text = new ElementTextReader(xml, "reportBytes", x -> {
      contentType = SoapResponseReader.rest(x);
      complete = true;
    });
    InputStream base64 = Base64.getMimeDecoder().wrap(new ElementTextStream(text)); // MIME: tolerates the line breaks BIP may insert
    this.decoded = new CountingInputStream(base64) {
      @Override
      public void close() {
        ReportResult.this.close();
      }
    };
  }

  /** The decoded report (XML, CSV... as requested); closing it closes this result. */
  public InputStream stream() {
    return decoded;
  }

  /** {@code reportContentType} from the response, known once the stream has been read to its end. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** Whether the whole report was read (the response parsed to its end). */
  public boolean complete() {
    return complete;
  }

  /** Decoded bytes handed out so far. */
  public long bytesRead() {
    return decoded.count();
  }

  /** Text events of reportBytes seen so far: more than one proves the text was never one String. */
  long textEvents() {
    return text.events();
  }

  int longestTextEvent() {
    return text.longestEvent();
  }

  /** Releases the connection (discarded when the report was not read to its end); idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      xml.close();
    } catch (XMLStreamException e) {
      LOG.log(Level.FINE, "closing the XML reader failed", e);
    }
    try {
      if (complete) {
        try {
          EntityUtils.consume(response.getEntity()); // drains the last bytes so the connection is reused
        } catch (IOException e) {
          LOG.log(Level.FINE, "draining the BI Publisher response failed", e);
        }
      }
      response.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the BI Publisher response failed", e);
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(display + ": " + decoded.count() + " report bytes " + (complete ? "streamed" : "read before close"));
    }
  }
}
