package org.fusionjdbc.it.stress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured numbers behind docs/reliability.md: each suite prints one {@code [stress-figure]} line per scenario
 * (rows, requests, retries, renewals, duration) to stdout, which failsafe keeps in the build log. They are reported,
 * never asserted against a wall-clock threshold.
 */
final class Figures {
  private final String scenario;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();

  private Figures(String scenario) {
    this.scenario = scenario;
  }

  static Figures start(String scenario) {
    return new Figures(scenario);
  }

  Figures put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  long elapsedMs() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  void print() {
    StringBuilder sb = new StringBuilder("[stress-figure] ").append(scenario);
    values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    sb.append(" ms=").append(elapsedMs());
    System.out.println(sb);
  }
}
