package org.fusionjdbc.bench;

/** Elapsed wall-clock milliseconds (measured only; nothing in the harness asserts on it). */
final class Clock {
  private final long start = System.nanoTime();

  double ms() {
    return (System.nanoTime() - start) / 1e6;
  }
}
