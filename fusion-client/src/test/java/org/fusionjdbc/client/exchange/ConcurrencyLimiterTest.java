package org.fusionjdbc.client.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

  /** Fills the limit, answers every request with success, releases: one window of a busy client. */
  private static void busyWindow(ConcurrencyLimiter l) {
    Cancellation c = new Cancellation();
    int n = l.currentLimit();
    long[] grants = new long[n];
    for (int i = 0; i < n; i++) {
      grants[i] = l.acquire(c);
    }
    for (int i = 0; i < n; i++) {
      l.onSuccess(grants[i]);
    }
    for (int i = 0; i < n; i++) {
      l.release();
    }
  }

  @Test
  void halvesOnThrottlingAndGrowsBack() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(8);
    l.onThrottled();
    assertThat(l.currentLimit()).isEqualTo(4);
    l.onThrottled();
    l.onThrottled();
    l.onThrottled();
    assertThat(l.currentLimit()).isEqualTo(1);
    for (int i = 0; i < 1_000; i++) {
      busyWindow(l);
    }
    assertThat(l.currentLimit()).isEqualTo(8);
  }

  @Test
  void refusalsOfOneBurstHalveOnce() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(8);
    Cancellation c = new Cancellation();
    long[] granted = new long[8];
    for (int i = 0; i < 8; i++) {
      granted[i] = l.acquire(c);
    }
    for (int i = 4; i < 8; i++) { // the pod took 4 and refused the rest
      l.onThrottled(granted[i]);
    }
    assertThat(l.currentLimit()).isEqualTo(4);
    for (int i = 0; i < 8; i++) {
      l.release();
    }
    l.onThrottled(l.acquire(c)); // a request granted after the decrease that is refused again does count
    assertThat(l.currentLimit()).isEqualTo(2);
  }

  /**
   * A pod that refuses beyond 4 in flight, and a client that keeps its limit busy: after the first burst the limit
   * settles at the pod's level and the pod is probed rarely. Counted per request, no clock involved.
   */
  @Test
  void settlesBelowAFixedCapWithFewRefusals() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(9);
    Cancellation c = new Cancellation();
    int cap = 4;
    int refused = 0;
    int requests = 0;
    long slotsUsed = 0;
    for (int round = 0; round < 300; round++) {
      int n = l.currentLimit();
      long[] granted = new long[n];
      for (int i = 0; i < n; i++) {
        granted[i] = l.acquire(c);
      }
      for (int i = 0; i < n; i++) {
        requests++;
        if (i >= cap) {
          refused++;
          l.onThrottled(granted[i]);
        } else {
          slotsUsed++;
          l.onSuccess(granted[i]);
        }
      }
      for (int i = 0; i < n; i++) {
        l.release();
      }
    }
    assertThat((double) refused / requests).isLessThan(0.05);
    assertThat((double) slotsUsed / 300).isGreaterThan(3.6); // of the 4 the pod allows
  }

  @Test
  void startsLowAndDoublesUntilTheFirstRefusal() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(9, 4);
    assertThat(l.currentLimit()).isEqualTo(4);
    Cancellation c = new Cancellation();
    for (int i = 0; i < 10; i++) { // one request at a time: the limit held nothing back
      l.onSuccess(l.acquire(c));
      l.release();
    }
    assertThat(l.currentLimit()).isEqualTo(4);
    busyWindow(l);
    assertThat(l.currentLimit()).isEqualTo(8);
    l.onThrottled();
    assertThat(l.currentLimit()).isEqualTo(4);
    busyWindow(l);
    assertThat(l.currentLimit()).isEqualTo(4); // after a refusal: about one slot per window, slower near its level
  }

  @Test
  void blocksBeyondTheLimitUntilReleased() throws Exception {
    ConcurrencyLimiter l = new ConcurrencyLimiter(1);
    Cancellation c = new Cancellation();
    l.acquire(c);
    Thread waiter = new Thread(() -> {
      l.acquire(c);
      l.release();
    });
    waiter.start();
    waiter.join(200);
    assertThat(waiter.isAlive()).isTrue();
    l.release();
    waiter.join(5000);
    assertThat(waiter.isAlive()).isFalse();
  }
}
