package org.fusionjdbc.client.bip;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.auth.TokenSource;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.config.SoapVersion;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.http.HttpTransport;

/**
 * BI Publisher's ExternalReportWSSService over SOAP: {@code runReport} with the same Authorization header as
 * REST (Bearer JWT or Basic), the same retries (429/5xx honouring Retry-After, transient I/O, one
 * re-authentication after a 401) and a per-client limit on runs in flight (default 1). Faults keep their
 * ORA- code. One FINE trace line per attempt; neither the token nor parameter values are logged. Thread-safe.
 */
public final class BipClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.bip");
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final BipSettings settings;
  private final Semaphore slots;
  /** The proxy shape this client uses: the setting, or for AUTO what the first proxy run found out. */
  private final AtomicReference<ProxyShape> shape;

  private BipClient(HttpTransport transport, boolean ownsTransport, BipSettings settings) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ownsTransport = ownsTransport;
    this.slots = new Semaphore(settings.concurrency(), true);
    this.shape = new AtomicReference<>(settings.proxyShape());
  }

  /** A client with its own HTTP pool and token source; performs no network call. */
  public static BipClient open(FusionClientConfig config) {
    return open(config, BipSettings.defaults());
  }

  public static BipClient open(FusionClientConfig config, BipSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new BipClient(new HttpTransport(config), true, settings);
  }

  /** A client sharing a connection's transport (pool and token source); closing it leaves the transport open. */
  public static BipClient over(HttpTransport transport, BipSettings settings) {
    return new BipClient(transport, false, settings);
  }

  public BipSettings settings() {
    return settings;
  }

  /** FJ1 or XMLGEN once known; AUTO while no proxy run has decided it yet. */
  public ProxyShape shapeInUse() {
    return shape.get();
  }

  /** Remembers what an AUTO client found out; the first decision stands. */
  void decideShape(ProxyShape found) {
    shape.compareAndSet(ProxyShape.AUTO, found);
  }

  /** The proxy-report layer: Oracle SELECTs through the shipped proxy report. */
  public ProxyQuery proxy() {
    return new ProxyQuery(this);
  }

  /**
   * Runs a report and returns its output as a stream; the caller closes the result. Waits for a free slot
   * when {@code concurrency} calls are already running. A call holds its slot until BI Publisher starts
   * answering: with {@code reportBytes} inline the run is finished by then, so streaming the output does not
   * count, and a caller may read two results at once (a join of two scans) without deadlocking itself.
   */
  public ReportResult runReport(ReportRequest request) {
    Objects.requireNonNull(request, "request");
    acquireSlot(request);
    try {
      return call(request);
    } finally {
      slots.release();
    }
  }

  private void acquireSlot(ReportRequest request) {
    try {
      if (!slots.tryAcquire(settings.slotTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw FusionException.of(Kind.TIMEOUT, settings.concurrency() + " BI Publisher call(s) already in flight "
            + "for longer than " + settings.slotTimeout() + " while waiting to run " + request.reportAbsolutePath()
            + "; retry when they are done or raise the BI Publisher concurrency");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FusionException.of(Kind.CANCELLED, "interrupted while waiting for a BI Publisher slot", e);
    }
  }

  private ReportResult call(ReportRequest request) {
    FusionClientConfig config = transport.config();
    TokenSource tokens = transport.tokenSource();
    byte[] envelope = SoapEnvelope.runReport(settings.soapVersion(), request);
    String url = transport.url(settings.servicePath(), List.of());
    String display = "POST " + settings.servicePath() + " runReport " + request.reportAbsolutePath();
    long deadline = System.nanoTime() + config.retryBudget().toNanos();
    boolean reauthenticated = false;
    for (int attempt = 0; ; attempt++) {
      String authorization = tokens.authorizationHeader();
      HttpPost post = new HttpPost(url);
      post.setHeader("Authorization", authorization);
      post.setHeader("Accept", "application/soap+xml, text/xml");
      if (settings.soapVersion() == SoapVersion.SOAP_1_1) {
        post.setHeader("SOAPAction", "\"\"");
      }
      post.setEntity(new ByteArrayEntity(envelope, ContentType.parse(settings.soapVersion().contentType())));
      long start = System.nanoTime();
      FusionException failure;
      Duration retryAfter = null;
      ClassicHttpResponse response = null;
      boolean handedOver = false;
      try {
        response = transport.executeOpen(post);
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        String contentType = entity == null ? null : entity.getContentType();
        if (status == 401 && !reauthenticated) {
          trace(display, status, start);
          tokens.invalidate(authorization); // a token renewed meanwhile is kept; one retry, never a loop
          reauthenticated = true;
          attempt--;
          continue;
        }
        if (status >= 200 && status < 300 && entity != null) {
          BufferedInputStream in = new BufferedInputStream(entity.getContent(), 8192);
          if (BipErrors.looksHtml(contentType, peek(in))) {
            trace(display, status, start);
            throw BipErrors.htmlOnSuccess(status, display);
          }
          XMLStreamReader xml = SoapResponseReader.reader(in);
          SoapResponseReader.Outcome outcome = SoapResponseReader.advance(xml);
          trace(display, status, start);
          if (outcome instanceof SoapResponseReader.Report) {
            ReportResult result = new ReportResult(response, xml, display);
            handedOver = true;
            return result;
          }
          if (outcome instanceof SoapResponseReader.Fault f) {
            throw BipErrors.fault(status, f.fault(), display);
          }
          throw FusionException.builder(Kind.PROTOCOL, "the answer to " + display + " has no reportBytes element; "
              + "check that the service path names ExternalReportWSSService").httpStatus(status).build();
        }
        String body = readCapped(entity);
        trace(display, status, start);
        failure = BipErrors.status(status, contentType, body, display);
        retryAfter = retryAfter(response.getFirstHeader("Retry-After"));
      } catch (FusionException e) {
        throw e;
      } catch (XMLStreamException e) {
        if (e.getNestedException() instanceof IOException io) {
          failure = BipErrors.io(io, display);
        } else {
          throw FusionException.builder(Kind.PROTOCOL, "malformed XML from " + display + ": " + e.getMessage())
              .cause(e).build();
        }
      } catch (IOException e) {
        failure = BipErrors.io(e, display);
      } finally {
        if (!handedOver) {
          closeQuietly(response);
        }
      }
      if (!failure.retryable() || attempt >= config.maxRetries()) {
        throw attempt == 0 || !failure.retryable() ? failure : BipErrors.exhausted(failure, attempt + 1);
      }
      long delayMs = retryAfter != null ? retryAfter.toMillis() : backoffMillis(config, attempt);
      if (System.nanoTime() + delayMs * 1_000_000L > deadline) {
        throw BipErrors.exhausted(failure, attempt + 1);
      }
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("retrying " + display + " in " + delayMs + " ms after: " + failure.getMessage());
      }
      sleep(delayMs);
    }
  }

  /** The first bytes of the body, without consuming them. */
  private static String peek(BufferedInputStream in) throws IOException {
    in.mark(512);
    byte[] head = in.readNBytes(512);
    in.reset();
    return new String(head, StandardCharsets.UTF_8);
  }

  private static String readCapped(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, Math.max(0, Math.min(n, MAX_ERROR_BODY - out.size())));
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static Duration retryAfter(Header header) {
    if (header == null || header.getValue() == null) {
      return null;
    }
    String v = header.getValue().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      Instant when = DateUtils.parseStandardDate(v);
      return when == null ? null : Duration.ofMillis(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()));
    }
  }

  private static long backoffMillis(FusionClientConfig config, int attempt) {
    long base = config.retryBaseDelay().toMillis() << Math.min(attempt, 10);
    long capped = Math.min(base, 30_000L);
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1); // "equal jitter"
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FusionException.of(Kind.CANCELLED, "interrupted while waiting to retry a BI Publisher call", e);
    }
  }

  private static void trace(String display, int status, long startNanos) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(display + " -> " + status + " in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response != null) {
      try {
        response.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing a BI Publisher response failed", e);
      }
    }
  }

  /** Calls waiting for a slot (for tests and diagnostics). */
  int waitingCalls() {
    return slots.getQueueLength();
  }

  /** Closes the transport when this client opened it; results still open keep their connection until closed. */
  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }
}
