package org.fusionjdbc.client.http;

import java.util.concurrent.atomic.AtomicInteger;
import org.fusionjdbc.client.auth.TokenSource;

/** A renewable token source for tests: token-1, and token-2 after an invalidation. */
public final class RenewableTestTokens implements TokenSource {
  public final AtomicInteger invalidations = new AtomicInteger();
  public volatile boolean closed;
  private volatile int generation = 1;

  @Override
  public String authorizationHeader() {
    return "Bearer secret-token-" + generation;
  }

  @Override
  public synchronized void invalidate(String rejectedHeader) {
    invalidations.incrementAndGet();
    if (rejectedHeader.equals(authorizationHeader())) {
      generation++;
    }
  }

  @Override
  public boolean renewable() {
    return true;
  }

  @Override
  public void close() {
    closed = true;
  }
}
