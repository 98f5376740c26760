package org.fusionjdbc.client.bip;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.http.HttpTransport;

/**
 * BI Publisher's ExternalReportWSSService over SOAP: {@code runReport} through the transport's
 * {@link org.fusionjdbc.client.exchange.HttpExchange}, so with the same Authorization header, retries, 401 renewal,
 * cancellation, concurrency limit and trace line as REST, plus a per-client limit on runs in flight (default 1).
 * Faults keep their ORA- code. Neither the token nor parameter values are logged. Thread-safe.
 */
public final class BipClient implements AutoCloseable {
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
    return runReport(request, new Cancellation());
  }

  /**
   * As {@link #runReport(ReportRequest)}, ended with CANCELLED by {@code cancel} from any thread while it waits
   * to retry or for BI Publisher's answer. Retries and the limit on requests in flight are the transport's,
   * shared with REST.
   */
  public ReportResult runReport(ReportRequest request, Cancellation cancel) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(cancel, "cancel");
    cancel.check();
    acquireSlot(request);
    try {
      RunReportCall call = new RunReportCall(transport.url(settings.servicePath(), List.of()),
          settings.servicePath(), settings.soapVersion(), request);
      return transport.exchange().execute(call, cancel);
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
