package org.fusionjdbc.client.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;

/**
 * How often and how long an {@link HttpExchange} retries: attempts after the first, the base and cap of the
 * equal-jitter backoff, the longest single wait it accepts (a server asking for more gets its error now), the
 * total time budget, and the clock Retry-After dates are read against.
 *
 * @param longestWait {@code null} when only the budget limits a wait
 * @param budget {@code null} when only the number of attempts limits the retries
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxBackoff, Duration longestWait,
    Duration budget, Clock clock) {
  /** The cap of a backoff delay for requests to the pod. */
  static final Duration POD_MAX_BACKOFF = Duration.ofSeconds(30);

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(clock, "clock");
  }

  /** The pod's policy: {@code maxRetries} within {@code budget}, backoff from {@code baseDelay} capped at 30 s. */
  public static RetryPolicy forPod(int maxRetries, Duration baseDelay, Duration budget) {
    return new RetryPolicy(maxRetries, baseDelay, POD_MAX_BACKOFF, null, budget, Clock.systemUTC());
  }

  /** The delay before retry number {@code retry} (0 for the first): "equal jitter", half fixed, half random. */
  Duration backoff(int retry) {
    long base = baseDelay.toMillis() << Math.min(retry, 10);
    long capped = Math.min(base, maxBackoff.toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /** A Retry-After header (delta-seconds or HTTP date) as a wait from now; {@code null} when absent or unreadable. */
  Duration retryAfter(Header header) {
    if (header == null || header.getValue() == null || header.getValue().isBlank()) {
      return null;
    }
    String v = header.getValue().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      Instant when = DateUtils.parseStandardDate(v);
      if (when == null) {
        return null;
      }
      Duration wait = Duration.between(clock.instant(), when);
      return wait.isNegative() ? Duration.ZERO : wait;
    }
  }
}
