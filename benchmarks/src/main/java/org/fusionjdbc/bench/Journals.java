package org.fusionjdbc.bench;

import java.util.List;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;

/** Reading the emulator's journal after a query: it logs a request only after its body is sent. */
final class Journals {
  private Journals() {}

  /**
   * The entries once the journal has stopped growing for 100 ms (at most 5 s): the client may have read the last
   * body before the emulator logged it, and a prefetch may still be in flight.
   */
  static List<JournalEntry> settled(Journal journal) {
    int last = -1;
    int stable = 0;
    for (int i = 0; i < 250 && stable < 5; i++) {
      int size = journal.entries().size();
      stable = size == last ? stable + 1 : 0;
      last = size;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return journal.entries();
  }

  /** Settled entries of one resource's collection or items (describe excluded). */
  static List<JournalEntry> collection(Journal journal, String resource) {
    return settled(journal).stream().filter(e -> e.path().endsWith("/" + resource)).toList();
  }
}
