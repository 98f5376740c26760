package org.fusionjdbc.client.http;

/** Reads a transport's state that only tests need, for tests outside this package. */
public final class TransportProbe {
  private TransportProbe() {
  }

  /** Requests the transport lets into flight at once now. */
  public static int concurrencyLimit(HttpTransport transport) {
    return transport.currentConcurrencyLimit();
  }
}
