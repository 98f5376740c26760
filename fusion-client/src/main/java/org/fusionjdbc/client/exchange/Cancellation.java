package org.fusionjdbc.client.exchange;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.concurrent.Cancellable;
import org.fusionjdbc.client.error.FusionException;

/**
 * A cancel switch shared by one scan and the requests it issues: {@link #cancel()} from any thread aborts the
 * requests in flight and makes every later request of the scan fail with CANCELLED.
 */
public final class Cancellation {
  private volatile boolean cancelled;
  private final Set<Cancellable> inFlight = ConcurrentHashMap.newKeySet(); // several with parallel slices
  private final Object sleepLock = new Object();

  public void cancel() {
    cancelled = true;
    inFlight.forEach(Cancellable::cancel);
    synchronized (sleepLock) {
      sleepLock.notifyAll();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws CANCELLED when cancelled. */
  public void check() {
    if (cancelled) {
      throw FusionException.of(FusionException.Kind.CANCELLED, "the scan was cancelled");
    }
  }

  void begin(Cancellable request) {
    inFlight.add(request);
    if (cancelled) {
      request.cancel();
    }
  }

  void end(Cancellable request) {
    inFlight.remove(request);
  }

  /** Sleeps for a backoff delay, waking early on cancel. */
  void sleep(long millis) {
    long until = System.nanoTime() + millis * 1_000_000L;
    synchronized (sleepLock) {
      long left;
      while (!cancelled && (left = until - System.nanoTime()) > 0) {
        try {
          sleepLock.wait(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while waiting to retry", e);
        }
      }
    }
    check();
  }
}
