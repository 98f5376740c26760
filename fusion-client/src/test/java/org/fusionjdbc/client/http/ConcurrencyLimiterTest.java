package org.fusionjdbc.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

  @Test
  void halvesOnThrottlingAndGrowsBackSlowly() {
    ConcurrencyLimiter l = new ConcurrencyLimiter(8);
    l.onThrottled();
    assertThat(l.currentLimit()).isEqualTo(4);
    l.onThrottled();
    l.onThrottled();
    l.onThrottled();
    assertThat(l.currentLimit()).isEqualTo(1);
    l.onSuccess();
    assertThat(l.currentLimit()).isEqualTo(2);
    for (int i = 0; i < 3; i++) {
      l.onSuccess();
    }
    assertThat(l.currentLimit()).isBetween(2, 4);
    for (int i = 0; i < 100; i++) {
      l.onSuccess();
    }
    assertThat(l.currentLimit()).isEqualTo(8);
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
