package org.fusionjdbc.client.exchange;

import org.fusionjdbc.client.error.FusionException;

/**
 * Requests in flight per client (one pod), shared by every scan of one FusionClient; AIMD with a memory.
 *
 * <p>A 429/503 halves the limit, once per burst: refusals of requests sent before that decrease answered the old
 * level and are not counted again (each acquire carries the epoch it was granted in). The number of requests in
 * flight when the pod refused is remembered as its ceiling. Successes add back about one slot per window of
 * requests up to one below that ceiling, and {@link #PROBE_SLOWDOWN} times slower from there, so a pod that
 * throttles at a fixed level is probed rarely (a refusal costs the refused request its Retry-After wait) while a pod
 * that frees capacity still gets used again.
 *
 * <p>A client starts at {@link #START} requests in flight (the default parallelism) and, until the pod first refuses
 * one, adds a slot per success (doubling per window, as TCP's slow start). The limit grows only while it is what
 * holds requests back (a success while fewer are in flight says nothing about the next level): a connection's
 * sequential requests (describe, small queries) leave it where it is, so a parallelism above what the pod allows
 * costs a refusal once the limit is reached, not a burst of them on a scan's first parallel requests.
 */
final class ConcurrencyLimiter {
  /** How much slower the limit grows where the next slot would reach the level the pod last refused. */
  static final int PROBE_SLOWDOWN = 16;
  /** Requests in flight a new client may start with. */
  static final int START = 4;
  private final int max;
  private double limit;
  private int inUse;
  /** In-flight requests when the pod last refused one; above {@code max} while it never has. */
  private int ceiling;
  private long epoch;
  /** How often an acquire filled the limit. */
  private int fills;
  private boolean slowStart;

  /** A limiter at {@code max} from the start. */
  ConcurrencyLimiter(int max) {
    this(max, max);
  }

  /** A limiter at {@code start}, growing by one slot per success up to {@code max} until the first refusal. */
  ConcurrencyLimiter(int max, int start) {
    if (max < 1 || start < 1) {
      throw new IllegalArgumentException("max and start must be >= 1: " + max + ", " + start);
    }
    this.max = max;
    this.limit = Math.min(max, start);
    this.ceiling = max + 1;
    this.slowStart = limit < max;
  }

  /**
   * Waits for a slot. Returns the grant to hand to {@link #onSuccess(long)} or {@link #onThrottled(long)}: the epoch
   * it was granted in, and how often the limit had been full by then (a request during which the limit filled up
   * shows whether the pod takes that many; one that never met a full limit does not).
   */
  synchronized long acquire(Cancellation cancel) {
    while (inUse >= (int) limit) {
      cancel.check();
      try {
        wait(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while waiting for a request slot", e);
      }
    }
    long grant = epoch << 32 | (fills & 0xFFFF_FFFFL);
    inUse++;
    if (inUse >= (int) limit) {
      fills++;
    }
    return grant;
  }

  synchronized void release() {
    inUse--;
    notifyAll();
  }

  /** A refusal of a request granted now. */
  synchronized void onThrottled() {
    onThrottled(epoch << 32);
  }

  /** A refusal (429/503) of the request {@code grant} let through; called before its slot is released. */
  synchronized void onThrottled(long grant) {
    if (grant >>> 32 != epoch) {
      return; // sent before the last decrease, which already answered this burst
    }
    epoch++;
    slowStart = false;
    ceiling = Math.max(1, Math.min(inUse, (int) limit));
    limit = Math.max(1, limit / 2);
  }

  /** A 2xx answer to a request that met a full limit. */
  synchronized void onSuccess() {
    grow();
  }

  /** A 2xx answer to the request {@code grant} let through. */
  synchronized void onSuccess(long grant) {
    if (fills != (int) grant) {
      grow();
    } // else the limit held nothing back while it ran: this success does not show the pod takes more
  }

  private void grow() {
    if (limit >= max) {
      return;
    }
    double step = slowStart ? 1 : 1.0 / limit;
    if (!slowStart && (int) limit + 1 >= ceiling) {
      step /= PROBE_SLOWDOWN;
    }
    limit = Math.min(max, limit + step);
    if ((int) limit >= ceiling) {
      ceiling = (int) limit + 1; // the pod took the level it refused before: the next one is the new probe
    }
    notifyAll();
  }

  synchronized int currentLimit() {
    return (int) limit;
  }
}
