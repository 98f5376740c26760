package org.fusionjdbc.it;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Threads of a name, waited for: closing may finish asynchronously, for a few seconds at most. */
final class DriverThreads {
  private DriverThreads() {
  }

  /** The ids of the live threads now. */
  static Set<Long> ids() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getId)
        .collect(Collectors.toSet());
  }

  /**
   * Live threads not in {@code before} whose name passes {@code filter}, after waiting up to five seconds for them
   * to end.
   */
  static List<String> newSinceAfterWaiting(Set<Long> before, Predicate<String> filter) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> alive = alive(before, filter);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      alive = alive(before, filter);
    }
    return alive;
  }

  private static List<String> alive(Set<Long> before, Predicate<String> filter) {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(t -> !before.contains(t.getId())).map(Thread::getName).filter(filter).sorted().toList();
  }

  /** The driver's own threads (not the emulator's). */
  static boolean isDriverThread(String name) {
    return name.startsWith("fusion-") && !name.startsWith("fusion-emulator");
  }
}
