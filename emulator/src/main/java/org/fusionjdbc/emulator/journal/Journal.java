package org.fusionjdbc.emulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The request journal: a bounded, thread-safe list of the most recent requests (oldest dropped). */
public final class Journal {
  private final int capacity;
  private final Deque<JournalEntry> entries = new ArrayDeque<>();
  private long seq;

  public Journal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  /** The next sequence number (1-based, never reset by {@link #clear()}). */
  public synchronized long nextSeq() {
    return ++seq;
  }

  public synchronized void add(JournalEntry e) {
    entries.addLast(e);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  /** Snapshot in arrival order of completion. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }

  /** Entries whose path contains {@code fragment}, e.g. {@code "/invoices"}. */
  public List<JournalEntry> forPath(String fragment) {
    return filter(e -> e.path().contains(fragment));
  }

  /** Entries for a resource collection or item path ending in that resource name segment. */
  public List<JournalEntry> forResource(String resource) {
    return filter(e -> e.path().matches(".*/" + java.util.regex.Pattern.quote(resource) + "(/.*)?"));
  }

  public List<JournalEntry> filter(Predicate<JournalEntry> p) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries()) {
      if (p.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The most recent entry, or null. */
  public synchronized JournalEntry last() {
    return entries.peekLast();
  }
}
