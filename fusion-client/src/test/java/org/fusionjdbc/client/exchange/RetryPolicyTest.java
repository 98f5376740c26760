package org.fusionjdbc.client.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy pod = RetryPolicy.forPod(3, Duration.ofMillis(10), Duration.ofSeconds(30));

  @Test
  void retryAfterAsHttpDate() {
    var header = new BasicHeader("Retry-After", DateUtils.formatStandardDate(Instant.now().plusSeconds(5)));
    assertThat(pod.retryAfter(header)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
  }

  @Test
  void retryAfterInSeconds() {
    assertThat(pod.retryAfter(new BasicHeader("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(pod.retryAfter(new BasicHeader("Retry-After", "soon"))).isNull();
    assertThat(pod.retryAfter(null)).isNull();
  }

  @Test
  void backoffIsEqualJitterCappedAtThirtySeconds() {
    for (int retry = 0; retry < 15; retry++) {
      long fullMs = Math.min(10L << Math.min(retry, 10), 30_000L);
      assertThat(pod.backoff(retry).toMillis()).isBetween(fullMs / 2, fullMs);
    }
  }
}
