package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * The rest of a sliced scan after its first page: many short chunks of consecutive keys, read by a few workers that
 * always serve the chunks nearest the caller's position first, within a window of buffered pages.
 *
 * <p>Chunk j starts at the key at rank about {@code j × chunkRows} of the remaining rows. Its first request, the
 * <em>opening</em> page, finds that key and the rows after it at once: {@code key >= s} (the start of an earlier chunk
 * already known; {@code key > last} from the first page for the first chunks) with {@code offset} the rows between (a
 * few chunks at most, so the offset stays shallow: a database skips them in its key index). The first row of that page
 * is where chunk j starts and where chunk j-1 ends. A chunk then keyset-pages {@code key > last and key < next chunk's
 * start}; one request per chunk at a time. Exactness does not depend on the offsets: ranks only place the cuts, the
 * chunks are bounded by keys, each start clamped to the one before, and an opening page that finds no rows (or the
 * collection's end) ends the scan there, the chunk before it open-ended. Chunks can also be given their starts in
 * advance.
 *
 * <p>Workers pick the lowest chunk that can take a request. At most {@code window} fetched pages wait for the
 * caller, except that in key order the chunk the caller reads and the one after it may always send (an unordered
 * caller can always take some page that is waiting, so it needs no such exception): an ordered scan emits chunk
 * after chunk, with the next chunks fetched ahead of the caller meanwhile; an unordered one emits pages as they
 * arrive. Either way memory is bounded by {@code window} plus one page per worker.
 *
 * <p>A chunk whose opening page is late (its request waits out a 429's Retry-After, say) would hold up every chunk
 * after it, since none can be bounded until its start is known. Once it is {@link #LATE_FACTOR} times later than a
 * typical page and a chunk after it (and after any other late ones) knows its start, it is absorbed: the chunk before
 * reads its rows, and its opening page is dropped when it comes (or its failure, if it fails).
 */
final class ChunkedScan {
  /**
   * Pages per chunk, roughly: few, so every worker's chunk fits in the window ahead of the caller and the scan's
   * last chunks (each read one page after another) end close together.
   */
  static final int CHUNK_PAGES = 2;
  /** Pages that may wait for the caller, per worker. */
  static final int WINDOW_PAGES_PER_WORKER = 5;
  /** How many typical page times an opening page may take before its chunk is absorbed by the one before. */
  static final int LATE_FACTOR = 3;
  /** An opening page is never late before this: ordinary jitter on a fast pod is no reason to drop a request. */
  static final long LATE_FLOOR_NANOS = 250_000_000L;

  private final ScanPlan plan;
  private final String key;
  private final int keyAt;
  private final boolean desc;
  private final boolean ordered;
  private final BigInteger last;
  private final long chunkRows;
  private final int workers;
  private final int window;
  private final int pageSize;
  private final Function<List<Param>, Page> fetch;
  private final Cancellation cancellation;

  private final List<Chunk> chunks = new ArrayList<>();
  /** Pages of an unordered scan, in arrival order. */
  private final ArrayDeque<List<Object[]>> arrived = new ArrayDeque<>();
  /** Chunks that exist: the planned count, lowered when an opening page finds the end. */
  private int end;
  /** Chunks {@code [0, resolved)} know where they start. */
  private int resolved;
  /** The lowest chunk the caller has not read to its end. */
  private int head;
  /** Pages fetched and not yet handed to the caller (or found empty). */
  private int buffered;
  private RuntimeException failure;
  private boolean stopped;
  /** A moving average of how long a request takes; 0 before the first answer. */
  private long typicalNanos;

  /**
   * @param last      the first page's last key: chunk 0 starts after it
   * @param remaining about how many rows follow the first page (sizes the chunks)
   * @param starts    where chunks 1, 2... start (inclusive, in scan order), or null to find them by opening pages
   * @param fetch     sends one page request of the scan's resource (rows laid out as the plan's layout)
   */
  ChunkedScan(ScanPlan plan, String key, BigInteger last, long remaining, List<BigInteger> starts, int workers,
      int pageSize, boolean ordered, Function<List<Param>, Page> fetch, Cancellation cancellation) {
    this.plan = plan;
    this.key = key;
    this.keyAt = plan.keyPositions().get(0);
    this.desc = plan.keyset().orElseThrow().descending();
    this.ordered = ordered;
    this.last = last;
    this.workers = workers;
    this.window = workers * WINDOW_PAGES_PER_WORKER;
    this.pageSize = pageSize;
    this.fetch = fetch;
    this.cancellation = cancellation;
    // at least one chunk per worker when there are rows for it, at most CHUNK_PAGES pages a chunk
    long perWorker = (remaining + workers - 1) / workers;
    this.chunkRows = Math.max(pageSize, Math.min((long) CHUNK_PAGES * pageSize, perWorker));
    chunks.add(new Chunk());
    synchronized (this) {
      if (starts == null) {
        end = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + chunkRows - 1) / chunkRows));
        resolve();
        return;
      }
      end = starts.size() + 1;
      for (BigInteger s : starts) {
        chunk(chunks.size()).start = s;
      }
      resolved = end;
      chunks.get(0).openingSent = true; // it starts right after the first page: nothing to find
      for (int i = 0; i < end; i++) {
        bound(i, i + 1 < end ? chunks.get(i + 1).start : null);
      }
    }
  }

  /** The loop of one worker: requests until the scan is read, stopped or failed. */
  void work() {
    try {
      Task t;
      while ((t = nextTask()) != null) {
        Page page;
        try {
          page = fetch.apply(t.params());
        } catch (RuntimeException e) {
          if (dropAbsorbed(t)) {
            continue; // the chunk before read its rows: nobody waits for this page any more
          }
          throw e;
        }
        complete(t, page);
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /** Whether {@code t}'s chunk was absorbed, freeing it if so. */
  private synchronized boolean dropAbsorbed(Task t) {
    Chunk c = chunks.get(t.chunk());
    if (!c.absorbed) {
      return false;
    }
    c.busy = false;
    notifyAll();
    return true;
  }

  /** The next page for the caller, in key order when ordered; null at the end. Throws a worker's failure. */
  synchronized List<Object[]> nextPage() {
    while (true) {
      if (failure != null) {
        throw failure;
      }
      advanceHead();
      if (ordered && head < end && !chunks.get(head).pages.isEmpty()) {
        buffered--;
        notifyAll();
        return chunks.get(head).pages.poll();
      }
      if (!ordered && !arrived.isEmpty()) {
        buffered--;
        notifyAll();
        return arrived.poll();
      }
      if (head >= end) {
        return null;
      }
      await();
    }
  }

  /** Stops the workers (they exit at their next turn; the caller aborts their requests by cancelling). */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  private record Task(int chunk, boolean opening, List<Param> params, long sentNanos) {
  }

  private synchronized Task nextTask() {
    while (true) {
      if (stopped || failure != null) {
        return null;
      }
      advanceHead();
      if (head >= end) {
        return null;
      }
      absorbLateOpening(System.nanoTime());
      for (int i = head; i < end; i++) {
        // the chunk an ordered caller reads, and the one whose opening page ends it, must never wait for the window
        boolean free = buffered < window || ordered && i <= head + 1;
        Chunk c = chunk(i);
        if (c.done || c.busy || !free) {
          if (!free) {
            break; // later chunks are not free either
          }
          continue;
        }
        if (c.cursor != null) {
          c.busy = true;
          return new Task(i, false, c.cursor.nextParams(), System.nanoTime());
        }
        if (i >= resolved && !c.openingSent) {
          int anchor = resolved - 1; // the latest chunk whose start is known (-1: after the first page)
          if (i - anchor > workers + 1) {
            break; // keeps opening offsets shallow
          }
          c.openingSent = true;
          c.busy = true;
          c.openingSentNanos = System.nanoTime();
          return new Task(i, true, openingParams(anchor, i), c.openingSentNanos);
        }
      }
      await();
    }
  }

  private synchronized void complete(Task t, Page page) {
    Chunk c = chunks.get(t.chunk());
    c.busy = false;
    notifyAll();
    long took = System.nanoTime() - t.sentNanos();
    typicalNanos = typicalNanos == 0 ? took : (typicalNanos * 7 + took) / 8;
    if (t.chunk() >= end || stopped || c.absorbed) {
      return; // the scan ended before this chunk, or the chunk before it read its rows
    }
    buffered++;
    if (t.opening()) {
      c.opening = page;
      resolve();
    } else {
      List<Object[]> rows = c.cursor.advance(page);
      if (c.cursor.done()) {
        c.done = true;
        c.cursor = null;
      }
      deliver(t.chunk(), rows);
    }
  }

  private synchronized void fail(RuntimeException e) {
    if (failure == null && !stopped) {
      failure = e;
    }
    notifyAll();
  }

  /**
   * Gives up waiting for the opening pages of the next chunks to resolve when they are late and a chunk after them knows
   * its start (see class comment).
   */
  private void absorbLateOpening(long now) {
    if (resolved == 0 || typicalNanos == 0) {
      return; // the first chunk has no chunk before it to read its rows
    }
    long late = Math.max(LATE_FLOOR_NANOS, LATE_FACTOR * typicalNanos);
    int next = resolved;
    while (next < end && lateOpening(chunk(next), now, late)) {
      next++;
    }
    if (next == resolved || next >= end || chunk(next).opening == null || chunk(next).opening.rows().isEmpty()) {
      return;
    }
    for (int i = resolved; i < next; i++) {
      chunks.get(i).absorbed = true;
      chunks.get(i).done = true;
    }
    resolve();
  }

  private static boolean lateOpening(Chunk c, long now, long late) {
    return c.openingSent && c.opening == null && now - c.openingSentNanos > late;
  }

  /** Takes arrived opening pages in chunk order: each fixes where its chunk starts and where the one before ends. */
  private void resolve() {
    while (resolved < end) {
      Chunk c = chunk(resolved);
      if (c.absorbed) {
        resolved++;
        continue;
      }
      if (c.opening == null) {
        return;
      }
      Page page = c.opening;
      c.opening = null;
      List<Object[]> rows = page.rows();
      if (rows.isEmpty()) {
        buffered--;
        truncate(resolved); // no rows from here on: the chunk before reads to the end
        break;
      }
      BigInteger start = keyOf(rows.get(0));
      int previous = resolved - 1; // the chunk before it that reads rows (absorbed ones read none)
      while (previous >= 0 && chunks.get(previous).absorbed) {
        previous--;
      }
      BigInteger floor = previous < 0 ? null : chunks.get(previous).start;
      if (floor != null && before(start, floor)) {
        start = floor; // rows changed between two openings: never let chunks overlap
      }
      c.start = start;
      int from = 0;
      while (from < rows.size() && before(keyOf(rows.get(from)), start)) {
        from++;
      }
      c.held = rows.subList(from, rows.size());
      c.heldMore = page.hasMore() != null ? page.hasMore() : true;
      for (int absorbed = previous + 1; absorbed < resolved; absorbed++) {
        chunks.get(absorbed).start = start; // empty now, but still an anchor for later openings
      }
      if (previous >= 0) {
        bound(previous, start);
      }
      resolved++;
      if (!c.heldMore) {
        truncate(resolved); // the collection ends in this chunk
      }
    }
    if (resolved == end && end > 0 && !chunks.get(end - 1).bounded) {
      bound(end - 1, null);
    }
  }

  /** Fixes chunk i's far end ({@code upper}, exclusive; null for none): its held rows go out, its paging can start. */
  private void bound(int i, BigInteger upper) {
    Chunk c = chunks.get(i);
    c.bounded = true;
    BigInteger after = last;
    boolean afterInclusive = false;
    if (c.held != null) {
      List<Object[]> rows = c.held;
      c.held = null;
      int to = rows.size();
      while (upper != null && to > 0 && !before(keyOf(rows.get(to - 1)), upper)) {
        to--;
      }
      boolean reachedUpper = to < rows.size();
      deliver(i, rows.subList(0, to));
      if (reachedUpper || !c.heldMore) {
        c.done = true;
        return;
      }
      if (to > 0) {
        after = keyOf(rows.get(to - 1));
      } else {
        after = c.start;
        afterInclusive = true;
      }
    } else if (c.start != null) {
      after = c.start;
      afterInclusive = true;
    }
    List<QExpr> terms = new ArrayList<>();
    plan.spec().filter().ifPresent(terms::add);
    terms.add(compare(afterInclusive ? fromOp() : afterOp(), after));
    if (upper != null) {
      terms.add(compare(desc ? QExpr.Op.GT : QExpr.Op.LT, upper));
    }
    c.cursor = new PageCursor(subPlan(terms, 0), pageSize, pageSize);
  }

  /**
   * A request for chunk i's first page: the rows from the start of chunk {@code anchor} (after the first page when
   * -1), past as many chunks' rows as lie between.
   */
  private List<Param> openingParams(int anchor, int i) {
    List<QExpr> terms = new ArrayList<>();
    plan.spec().filter().ifPresent(terms::add);
    BigInteger from = anchor < 0 ? null : chunks.get(anchor).start;
    terms.add(from == null ? compare(afterOp(), last) : compare(fromOp(), from));
    long offset = (i - Math.max(anchor, 0)) * chunkRows;
    return new PageCursor(subPlan(terms, offset), pageSize, pageSize).nextParams();
  }

  private ScanPlan subPlan(List<QExpr> terms, long offset) {
    QuerySpec spec = plan.spec().toBuilder().filter(QExpr.and(terms)).offset(offset).build();
    return plan.withSpec(spec);
  }

  private void deliver(int i, List<Object[]> rows) {
    if (rows.isEmpty()) {
      buffered--;
    } else if (ordered) {
      chunks.get(i).pages.add(rows);
    } else {
      arrived.add(rows);
    }
    notifyAll();
  }

  /** Chunks from {@code newEnd} on do not exist: what they fetched is dropped. */
  private void truncate(int newEnd) {
    for (int i = newEnd; i < chunks.size(); i++) {
      if (chunks.get(i).opening != null) {
        chunks.get(i).opening = null;
        buffered--;
      }
    }
    end = Math.min(end, newEnd);
  }

  private void advanceHead() {
    while (head < end) {
      Chunk c = chunks.get(head);
      if (!c.done || !c.pages.isEmpty()) {
        return;
      }
      head++;
    }
  }

  private Chunk chunk(int i) {
    while (chunks.size() <= i) {
      chunks.add(new Chunk());
    }
    return chunks.get(i);
  }

  private void await() {
    cancellation.check();
    try {
      wait(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      throw org.fusionjdbc.client.error.FusionException.of(
          org.fusionjdbc.client.error.FusionException.Kind.CANCELLED, "interrupted while waiting for rows", e);
    }
    cancellation.check();
  }

  /** Whether key {@code a} comes before {@code b} in the scan's order. */
  private boolean before(BigInteger a, BigInteger b) {
    return desc ? a.compareTo(b) > 0 : a.compareTo(b) < 0;
  }

  private QExpr.Op afterOp() {
    return desc ? QExpr.Op.LT : QExpr.Op.GT;
  }

  private QExpr.Op fromOp() {
    return desc ? QExpr.Op.LE : QExpr.Op.GE;
  }

  private QExpr compare(QExpr.Op op, BigInteger v) {
    return QExpr.compare(key, op, QValue.of(new BigDecimal(v)));
  }

  private BigInteger keyOf(Object[] row) {
    return SliceCuts.integer(row[keyAt]);
  }

  /** One chunk's state; guarded by the scan's lock. */
  private static final class Chunk {
    /** Where it starts (inclusive); null until known, and for chunk 0 of given starts (it starts after `last`). */
    BigInteger start;
    /** Its opening page, arrived before the chunks below it knew their starts. */
    Page opening;
    /** Its opening page's rows from {@link #start}, waiting for the next chunk's start to cut them at. */
    List<Object[]> held;
    boolean heldMore;
    boolean openingSent;
    long openingSentNanos;
    /** Its opening page was late: the chunk before reads its rows (see class comment). */
    boolean absorbed;
    /** Its far end is known. */
    boolean bounded;
    /** Keyset paging of the rest, once both ends are known; null before and after. */
    PageCursor cursor;
    boolean busy;
    /** Nothing more to request. */
    boolean done;
    /** Fetched pages of an ordered scan, not yet read. */
    final ArrayDeque<List<Object[]>> pages = new ArrayDeque<>();
  }
}
