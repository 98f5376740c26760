package org.fusionjdbc.emulator.bip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQL the proxy report executed, newest last, so tests can assert what the driver pushed down.
 * Keeps the last {@value #CAPACITY} runs. Thread-safe.
 */
public final class BipJournal {

  static final int CAPACITY = 10_000;

  /**
   * One run of the proxy report.
   *
   * @param sql the decoded SQL (null when the parameter could not be decoded)
   * @param rows rows returned (0 on failure)
   * @param outcome {@code OK}, an {@code ORA-nnnnn} code, or {@code FAULT} for a failure without one
   */
  public record Entry(Instant at, String principal, String sql, Duration elapsed, int rows,
      String outcome) {
    public Entry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(outcome, "outcome");
    }

    public boolean ok() {
      return "OK".equals(outcome);
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Entry e) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(e);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The SQL of every run, oldest first. */
  public synchronized List<String> sqls() {
    return entries.stream().map(Entry::sql).filter(Objects::nonNull).toList();
  }

  public synchronized Optional<Entry> last() {
    return Optional.ofNullable(entries.peekLast());
  }

  public synchronized void clear() {
    entries.clear();
  }
}
