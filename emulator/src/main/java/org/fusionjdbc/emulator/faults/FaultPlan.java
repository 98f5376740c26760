package org.fusionjdbc.emulator.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mutable fault and load plan of a running emulator; tests change it between requests. Thread-safe.
 * Faults apply to REST requests ({@code /{root}/resources/...}) only, before authentication, as a
 * gateway would; the order of precedence is: concurrency cap, scheduled faults (by request sequence
 * number, then {@link #failNext}), then the random 429 and 503 rates (seeded, so runs repeat).
 */
public final class FaultPlan {
  private final long seed;
  private Random random;
  private long latencyMs;
  private long perRowMicros;
  private long offsetCostMicrosPerRow;
  private int totalResultsBias;
  private double throttleRate;
  private double unavailableRate;
  private int retryAfterSeconds = 1;
  private int maxConcurrent;
  private long slowBodyDelayMs = 20;
  private final Deque<Fault> next = new ArrayDeque<>();
  private final Map<Long, Fault> bySeq = new HashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  public FaultPlan(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Back to no faults and no latency (the random sequence restarts from the seed). */
  public synchronized FaultPlan reset() {
    random = new Random(seed);
    latencyMs = 0;
    perRowMicros = 0;
    offsetCostMicrosPerRow = 0;
    totalResultsBias = 0;
    throttleRate = 0;
    unavailableRate = 0;
    retryAfterSeconds = 1;
    maxConcurrent = 0;
    slowBodyDelayMs = 20;
    next.clear();
    bySeq.clear();
    return this;
  }

  /** Fixed delay before every REST response. */
  public synchronized FaultPlan latencyMs(long ms) {
    latencyMs = nonNegative(ms, "latencyMs");
    return this;
  }

  /** Extra delay per row returned. */
  public synchronized FaultPlan perRowMicros(long micros) {
    perRowMicros = nonNegative(micros, "perRowMicros");
    return this;
  }

  /** Extra delay per row skipped by {@code offset}: deep offsets are slow on real pods. */
  public synchronized FaultPlan offsetCostMicrosPerRow(long micros) {
    offsetCostMicrosPerRow = nonNegative(micros, "offsetCostMicrosPerRow");
    return this;
  }

  /**
   * Added to every totalResults (never below the rows already sent): a count taken before rows were deleted, or
   * inserted, while a client pages through the collection.
   */
  public synchronized FaultPlan totalResultsBias(int rows) {
    totalResultsBias = rows;
    return this;
  }

  public synchronized int totalResultsBias() {
    return totalResultsBias;
  }

  /** Fraction (0..1) of requests answered 429. */
  public synchronized FaultPlan throttleRate(double rate) {
    throttleRate = rate(rate, "throttleRate");
    return this;
  }

  /** Fraction (0..1) of requests answered 503. */
  public synchronized FaultPlan unavailableRate(double rate) {
    unavailableRate = rate(rate, "unavailableRate");
    return this;
  }

  public synchronized FaultPlan retryAfterSeconds(int seconds) {
    retryAfterSeconds = (int) nonNegative(seconds, "retryAfterSeconds");
    return this;
  }

  /** Requests in flight beyond this get 429 with {@code Retry-After: 1}; 0 = no cap. */
  public synchronized FaultPlan maxConcurrent(int max) {
    maxConcurrent = (int) nonNegative(max, "maxConcurrent");
    return this;
  }

  /** Pause between 512-byte pieces for {@link Fault#SLOW_BODY}. */
  public synchronized FaultPlan slowBodyDelayMs(long ms) {
    slowBodyDelayMs = nonNegative(ms, "slowBodyDelayMs");
    return this;
  }

  /** The next {@code count} REST requests get {@code fault}. */
  public synchronized FaultPlan failNext(Fault fault, int count) {
    for (int i = 0; i < count; i++) {
      next.addLast(fault);
    }
    return this;
  }

  /** The requests with these journal sequence numbers get {@code fault}. */
  public synchronized FaultPlan failOn(Fault fault, long... seqs) {
    for (long s : seqs) {
      bySeq.put(s, fault);
    }
    return this;
  }

  public synchronized long latencyMs() {
    return latencyMs;
  }

  public synchronized long perRowMicros() {
    return perRowMicros;
  }

  public synchronized long offsetCostMicrosPerRow() {
    return offsetCostMicrosPerRow;
  }

  public synchronized int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public synchronized long slowBodyDelayMs() {
    return slowBodyDelayMs;
  }

  /**
   * Admits a request; the caller must call {@link #release()} when {@code admitted} is true.
   *
   * @return the fault to apply (null for none) and whether the request counts as in flight
   */
  public Decision admit(long seq) {
    int now = inFlight.incrementAndGet();
    synchronized (this) {
      if (maxConcurrent > 0 && now > maxConcurrent) {
        inFlight.decrementAndGet();
        return new Decision(Fault.THROTTLE_429, false, "concurrency cap " + maxConcurrent);
      }
      Fault f = bySeq.remove(seq);
      if (f == null) {
        f = next.pollFirst();
      }
      if (f == null && throttleRate > 0 && random.nextDouble() < throttleRate) {
        f = Fault.THROTTLE_429;
      }
      if (f == null && unavailableRate > 0 && random.nextDouble() < unavailableRate) {
        f = Fault.UNAVAILABLE_503;
      }
      return new Decision(f, true, f == null ? null : f.name());
    }
  }

  public void release() {
    inFlight.decrementAndGet();
  }

  /** What {@link #admit} decided. */
  public record Decision(Fault fault, boolean admitted, String label) {}

  private static long nonNegative(long v, String name) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
    return v;
  }

  private static double rate(double v, String name) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
    return v;
  }
}
