package org.fusionjdbc.client.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusionjdbc.client.exchange.ConcurrencyLimiter.Grant;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {
  private final Cancellation cancel = new Cancellation();

  /** Fills the limit, answers every request with success, releases: one window of a busy client. */
  private void busyWindow(ConcurrencyLimiter l) {
    Grant[] grants = fill(l);
    for (Grant g : grants) {
      l.onSuccess(g);
    }
    releaseAll(l, grants.length);
  }

  private Grant[] fill(ConcurrencyLimiter l) {
    Grant[] grants = new Grant[l.currentLimit()];
    for (int i = 0; i < grants.length; i++) {
      grants[i] = l.acquire(cancel);
    }
    return grants;
  }

  private static void releaseAll(ConcurrencyLimiter l, int n) {
    for (int i = 0; i < n; i++) {
      l.release();
    }
  }

  /** One request alone in flight, refused. */
  private void refuseOne(ConcurrencyLimiter l) {
    l.onThrottled(l.acquire(cancel));
    l.release();
  }

  @Test
  void halvesOnThrottlingAndGrowsBack() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(8);
    Grant[] grants = fill(l);
    l.onThrottled(grants[7]);
    releaseAll(l, 8);
    assertThat(l.currentLimit()).isEqualTo(4);
    refuseOne(l);
    assertThat(l.currentLimit()).isEqualTo(2);
    refuseOne(l);
    refuseOne(l);
    assertThat(l.currentLimit()).isEqualTo(1);
    for (int i = 0; i < 1_000; i++) {
      busyWindow(l);
    }
    assertThat(l.currentLimit()).isEqualTo(8);
  }

  @Test
  void refusalsOfOneBurstHalveOnce() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(8);
    Grant[] granted = fill(l);
    for (int i = 4; i < 8; i++) { // the pod took 4 and refused the rest
      l.onThrottled(granted[i]);
    }
    assertThat(l.currentLimit()).isEqualTo(4);
    releaseAll(l, 8);
    refuseOne(l); // a request granted after the decrease that is refused again does count
    assertThat(l.currentLimit()).isEqualTo(2);
  }

  /** The pod refuses beyond 4 of 8 in flight: its ceiling is 5, and a failed probe of 5 steps back to 4. */
  @Test
  void aFailedProbeOfTheKnownCeilingStepsBackWithoutHalving() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(9, 4);
    busyWindow(l); // slow start: 4 -> 8
    assertThat(l.currentLimit()).isEqualTo(8);
    Grant[] burst = fill(l);
    for (int i = 7; i >= 4; i--) {
      l.onThrottled(burst[i]);
    }
    for (int i = 0; i < 4; i++) {
      l.onSuccess(burst[i]);
    }
    releaseAll(l, 8);
    assertThat(l.currentLimit()).isEqualTo(4);
    int windows = 0;
    while (l.currentLimit() < 5) {
      busyWindow(l);
      windows++;
    }
    assertThat(windows).as("windows at 4 before probing 5").isGreaterThanOrEqualTo(ConcurrencyLimiter.PROBE_SLOWDOWN
        / 2);
    Grant[] probe = fill(l);
    l.onThrottled(probe[4]);
    releaseAll(l, 5);
    assertThat(l.currentLimit()).as("back below the ceiling, not halved").isEqualTo(4);
  }

  @Test
  void aWindowTakenAtTheCeilingMakesTheNextLevelTheProbe() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(9);
    Grant[] grants = fill(l);
    for (int i = 5; i < 9; i++) {
      l.onThrottled(grants[i]); // 9 in flight, 4 refused: the pod took 5, its ceiling is 6
    }
    releaseAll(l, 9);
    assertThat(l.currentLimit()).isEqualTo(4);
    while (l.currentLimit() < 6) {
      busyWindow(l);
    }
    busyWindow(l); // the pod takes 6
    while (l.currentLimit() < 7) {
      busyWindow(l);
    }
    Grant[] probe = fill(l);
    l.onThrottled(probe[6]);
    releaseAll(l, 7);
    assertThat(l.currentLimit()).as("a failed probe of 7 steps back to 6, the level taken").isEqualTo(6);
  }

  /**
   * A pod that refuses beyond 4 in flight, and a client that keeps its limit busy: after the first burst the limit
   * settles at the pod's level and the pod is probed rarely. Counted per request, no clock involved.
   */
  @Test
  void settlesAtAFixedCapWithFewRefusals() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(9, 4);
    int cap = 4;
    int refused = 0;
    int requests = 0;
    long slotsUsed = 0;
    for (int round = 0; round < 300; round++) {
      Grant[] granted = fill(l);
      for (int i = 0; i < granted.length; i++) {
        requests++;
        if (i >= cap) {
          refused++;
          l.onThrottled(granted[i]);
        } else {
          slotsUsed++;
          l.onSuccess(granted[i]);
        }
      }
      releaseAll(l, granted.length);
    }
    assertThat((double) refused / requests).isLessThan(0.03);
    assertThat((double) slotsUsed / 300).isGreaterThan(3.9); // of the 4 the pod allows
  }

  @Test
  void startsLowAndDoublesUntilTheFirstRefusal() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(9, 4);
    assertThat(l.currentLimit()).isEqualTo(4);
    for (int i = 0; i < 10; i++) { // one request at a time: the limit held nothing back
      l.onSuccess(l.acquire(cancel));
      l.release();
    }
    assertThat(l.currentLimit()).isEqualTo(4);
    busyWindow(l);
    assertThat(l.currentLimit()).isEqualTo(8);
    Grant[] grants = fill(l);
    l.onThrottled(grants[7]);
    releaseAll(l, 8);
    assertThat(l.currentLimit()).isEqualTo(4);
    busyWindow(l);
    assertThat(l.currentLimit()).isEqualTo(4); // after a refusal: about one slot per window, slower near its level
  }

  @Test
  void blocksBeyondTheLimitUntilReleased() throws Exception {
    ConcurrencyLimiter l = new ConcurrencyLimiter(1);
    l.acquire(cancel);
    Thread waiter = new Thread(() -> {
      l.acquire(cancel);
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
