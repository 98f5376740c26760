package org.fusionjdbc.client.http;

import org.fusionjdbc.client.error.FusionException;

/**
 * Requests in flight per client, AIMD: halves on 429/503 so a throttling pod gets breathing room, grows back
 * by about one slot per window of successful requests. Shared by every scan of one FusionClient.
 */
final class ConcurrencyLimiter {
  private final int max;
  private double limit;
  private int inUse;

  ConcurrencyLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1: " + max);
    }
    this.max = max;
    this.limit = max;
  }

  synchronized void acquire(Cancellation cancel) {
    while (inUse >= (int) limit) {
      cancel.check();
      try {
        wait(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while waiting for a request slot", e);
      }
    }
    inUse++;
  }

  synchronized void release() {
    inUse--;
    notifyAll();
  }

  synchronized void onThrottled() {
    limit = Math.max(1, limit / 2);
  }

  synchronized void onSuccess() {
    if (limit < max) {
      limit = Math.min(max, limit + 1.0 / limit);
      notifyAll();
    }
  }

  synchronized int currentLimit() {
    return (int) limit;
  }
}
