package org.fusionjdbc.client.exchange;

import org.fusionjdbc.client.error.FusionException;

/**
 * Requests in flight per client (one pod), shared by every scan of one FusionClient; AIMD with a memory.
 *
 * <p>A 429/503 halves the limit, once per burst: refusals of requests sent before that decrease answered the old level
 * and are not counted again (each grant carries the epoch it was granted in). The number of requests in flight when the
 * pod refused, less the others of the burst it refused, is remembered as its ceiling. Successes add back about one slot
 * per window of requests up to one below that ceiling, and {@link #PROBE_SLOWDOWN} times slower from there, so a pod
 * that throttles at a fixed level is probed rarely (a refusal costs the refused request its Retry-After wait) while a
 * pod that frees capacity still gets used again. Once the limit reaches the ceiling it probes that level: a refusal
 * then only steps back below it (the level under it was being taken, halving would give up capacity the pod grants),
 * and a window of successes sent at that level shows the pod takes it, making the next level the ceiling.
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
  /** The level the pod last refused: in flight at its refusal less the burst's other refusals; above max if none. */
  private int ceiling;
  private long epoch;
  /** How often an acquire filled the limit. */
  private int fills;
  private long granted;
  private boolean slowStart;
  /** The first grant sent at the ceiling's level, or -1 while the limit is below it. */
  private long probeFrom = -1;
  private int probeSuccesses;

  /**
   * What one acquire let through: the decrease epoch it was granted in, how often the limit had been full by then (a
   * request during which the limit filled up shows whether the pod takes that many; one that never met a full limit
   * does not), and its place among all grants.
   */
  record Grant(long epoch, int fills, long seq) {}

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

  /** Waits for a slot; hand the grant to {@link #onSuccess(Grant)} or {@link #onThrottled(Grant)}. */
  synchronized Grant acquire(Cancellation cancel) {
    while (inUse >= (int) limit) {
      cancel.check();
      try {
        wait(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while waiting for a request slot", e);
      }
    }
    Grant grant = new Grant(epoch, fills, granted++);
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

  /** A refusal (429/503) of the request {@code grant} let through; called before its slot is released. */
  synchronized void onThrottled(Grant grant) {
    if (grant.epoch() != epoch) {
      if (grant.epoch() == epoch - 1) {
        // in flight at the last decrease, which answered this burst; counted there, and refused too
        ceiling = Math.max(1, ceiling - 1);
      }
      return;
    }
    epoch++;
    slowStart = false;
    if (probeFrom >= 0) {
      limit = Math.max(1, ceiling - 1); // a failed probe of the level refused before
    } else {
      ceiling = Math.max(1, Math.min(inUse, (int) limit));
      limit = Math.max(1, limit / 2);
    }
    probeFrom = -1;
  }

  /** A 2xx answer to the request {@code grant} let through. */
  synchronized void onSuccess(Grant grant) {
    if (probeFrom >= 0 && grant.seq() >= probeFrom && ++probeSuccesses >= ceiling) {
      ceiling++; // a window sent at the ceiling's level was taken: the next level is the one to probe
      probeFrom = -1;
    }
    if (fills != grant.fills()) {
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
    if (probeFrom < 0 && (int) limit >= ceiling) {
      probeFrom = granted;
      probeSuccesses = 0;
    }
    notifyAll();
  }

  synchronized int currentLimit() {
    return (int) limit;
  }
}
