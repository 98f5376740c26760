package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * A large unbounded scan by a single integer key, split into up to {@code parallelism} disjoint key ranges
 * fetched concurrently, each keyset-paged. When the caller asked for an order, rows are emitted slice by slice, so
 * key order holds; otherwise pages are emitted as they arrive from any slice, so every slice keeps a request in
 * flight and page latency is hidden. Either way each slice buffers at most {@link #BUFFERED_PAGES} pages. The first
 * page is read as usual and nothing more is sent until the caller reads past it, so a preview costs one request.
 * Then one limit-1 request counts the rest (totalResults) and, if more than two pages remain, the keys after the
 * first page are cut where the data is
 * ({@link SliceCuts}: at the remaining rows' quantiles): slice i is {@code key >= cut(i-1) and key < cut(i)}, the
 * outermost ones open-ended (bounded only by the first page's last key), so rows written meanwhile are still read,
 * exactly once. Otherwise the rest is read by one background producer, which also keeps pages flowing ahead of the
 * caller.
 */
public final class SlicedRowStream implements RowStream {
  static final int BUFFERED_PAGES = 2;
  private static final List<Object[]> END = new ArrayList<>(0); // compared by identity

  private final HttpTransport transport;
  private final String path;
  private final ScanPlan plan;
  private final AttributeDescription key;
  private final ExecutorService executor;
  private final Cancellation cancellation = new Cancellation();
  private final long startNanos = System.nanoTime();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong rowsFetched = new AtomicLong();
  private final List<Slice> slices = new ArrayList<>();
  private boolean started;
  /** The first page's facts while the rest is not planned yet (the caller has not read past that page). */
  private FirstPage pending;
  private boolean closed;
  private int sliceIndex;
  private int slicesEnded;
  private Iterator<Object[]> current = List.<Object[]>of().iterator();
  private Object[] row;
  private long rowsReturned;

  private SlicedRowStream(HttpTransport transport, String path, ScanPlan plan, AttributeDescription key,
      ExecutorService executor) {
    this.transport = transport;
    this.path = path;
    this.plan = plan;
    this.key = key;
    this.executor = executor;
  }

  /** A sliced stream when the scan qualifies (see class comment), else empty. */
  public static Optional<RowStream> of(HttpTransport transport, String path, ScanPlan plan,
      Optional<AttributeDescription> singleKey, ExecutorService executor) {
    FusionClientConfig c = transport.config();
    QuerySpec s = plan.spec();
    boolean fits = c.parallelism() > 1 && s.limit().isEmpty() && s.offset() == 0 && plan.keyset().isPresent()
        && singleKey.isPresent() && singleKey.get().type() == AttributeType.INTEGER;
    return fits ? Optional.of(new SlicedRowStream(transport, path, plan, singleKey.get(), executor))
        : Optional.empty();
  }

  @Override
  public List<String> fields() {
    return plan.spec().fields();
  }

  @Override
  public boolean next() {
    if (closed) {
      return false;
    }
    cancellation.check();
    if (!started) {
      started = true;
      start();
    }
    while (!current.hasNext()) {
      if (pending != null) {
        FirstPage fp = pending;
        pending = null;
        split(fp);
        continue;
      }
      if (!nextBatch()) {
        row = null;
        return false;
      }
    }
    Object[] r = current.next();
    row = r.length == plan.spec().fields().size() ? r : java.util.Arrays.copyOf(r, plan.spec().fields().size());
    rowsReturned++;
    return true;
  }

  /** Moves {@code current} to the next page of rows; false when every slice has ended. */
  private boolean nextBatch() {
    if (ordered()) {
      if (sliceIndex >= slices.size()) {
        return false;
      }
      List<Object[]> batch = slices.get(sliceIndex).take();
      if (batch == END) {
        sliceIndex++;
      } else {
        current = batch.iterator();
      }
      return true;
    }
    if (slices.isEmpty() || slicesEnded >= slices.size()) {
      return false;
    }
    List<Object[]> batch = slices.get(0).take(); // the queue all slices share
    if (batch == END) {
      slicesEnded++;
    } else {
      current = batch.iterator();
    }
    return true;
  }

  /** Whether the caller's spec orders the rows (the key order of paging alone is not a promise to the caller). */
  private boolean ordered() {
    return !plan.spec().orderBy().isEmpty();
  }

  /**
   * The first page is an ordinary keyset page, so the first row comes as fast as without slicing and a small result
   * costs one request. Nothing else is sent until the caller reads past that page ({@link #split}): a tool that
   * previews a table and closes pays for one request.
   */
  private void start() {
    FusionClientConfig c = transport.config();
    PageCursor first = new PageCursor(plan, c.firstPageSize(), c.pageSize());
    List<Object[]> rows = first.advance(fetch(first.nextParams()));
    current = rows.iterator();
    if (!first.done()) {
      pending = new FirstPage(first, rows.isEmpty() ? null : rows.get(rows.size() - 1));
    }
  }

  /** What the first page told: enough to plan the rest once the caller wants it. */
  private record FirstPage(PageCursor cursor, Object[] lastRow) {
  }

  /**
   * Plans and starts the rest of the scan. Only a large remainder is split: its far end comes from one limit-1
   * request in the opposite order.
   */
  private void split(FirstPage fp) {
    FusionClientConfig c = transport.config();
    PageCursor first = fp.cursor();
    if (fp.lastRow() == null) {
      startSlices(List.of(new Slice(first)));
      return;
    }
    boolean desc = plan.keyset().get().descending();
    String k = key.name();
    BigInteger last = SliceCuts.integer(fp.lastRow()[plan.keyPositions().get(0)]);
    SliceCuts cutter = new SliceCuts(plan.spec(), plan.dialect(), k, desc, last, this::probe);
    Long remaining = cutter.remaining();
    if (remaining != null && remaining <= 2L * c.pageSize()) {
      startSlices(List.of(new Slice(first)));
      return;
    }
    List<BigInteger> cuts = remaining == null ? cutter.evenValues(c.parallelism())
        : cutter.quantiles(remaining, c.parallelism(), executor);
    if (cuts.isEmpty()) {
      startSlices(List.of(new Slice(first)));
      return;
    }
    int n = cuts.size() + 1;
    List<Slice> parts = new ArrayList<>();
    BlockingQueue<Object> shared = ordered() ? null : new ArrayBlockingQueue<>(BUFFERED_PAGES * n + 1);
    for (int i = 0; i < n; i++) { // slice i: [cut i-1, cut i), the outermost bounded by the first page's last key
      List<QExpr> terms = new ArrayList<>();
      plan.spec().filter().ifPresent(terms::add);
      if (i == 0 && !desc) {
        terms.add(QExpr.compare(k, QExpr.Op.GT, QValue.of(new BigDecimal(last))));
      } else if (i > 0) {
        terms.add(QExpr.compare(k, QExpr.Op.GE, QValue.of(new BigDecimal(cuts.get(i - 1)))));
      }
      if (i < n - 1) {
        terms.add(QExpr.compare(k, QExpr.Op.LT, QValue.of(new BigDecimal(cuts.get(i)))));
      } else if (desc) {
        terms.add(QExpr.compare(k, QExpr.Op.LT, QValue.of(new BigDecimal(last))));
      }
      QuerySpec sliceSpec = plan.spec().toBuilder().filter(QExpr.and(terms)).build();
      ScanPlan slicePlan = new ScanPlan(sliceSpec, plan.layout(), plan.orderBy(), plan.keyPositions(), plan.keyset(),
          plan.dialect());
      parts.add(new Slice(new PageCursor(slicePlan, c.pageSize(), c.pageSize()), shared));
    }
    if (desc) {
      Collections.reverse(parts);
    }
    startSlices(parts);
  }

  /** One planning request (a cut probe), rows holding the key only. */
  private Page probe(List<Param> params) {
    requests.incrementAndGet();
    return transport.get(path, params, new PageParser(List.of(key.name())), cancellation);
  }

  private void startSlices(List<Slice> parts) {
    slices.addAll(parts);
    slices.forEach(s -> s.future = executor.submit(s::run));
  }

  private Page fetch(List<Param> params) {
    requests.incrementAndGet();
    Page page = transport.get(path, params, new PageParser(plan.layout()), cancellation);
    pages.incrementAndGet();
    rowsFetched.addAndGet(page.rows().size());
    return page;
  }

  /** One key range: a producer filling a small queue of pages. */
  private final class Slice {
    final BlockingQueue<Object> queue;
    final PageCursor cursor;
    volatile Future<?> future;

    Slice(PageCursor cursor) {
      this(cursor, null);
    }

    /** {@code shared}: the queue all slices of an unordered scan put their pages in; null for a queue of its own. */
    Slice(PageCursor cursor, BlockingQueue<Object> shared) {
      this.cursor = cursor;
      this.queue = shared != null ? shared : new ArrayBlockingQueue<>(BUFFERED_PAGES + 1);
    }

    void run() {
      try {
        while (!cursor.done()) {
          put(cursor.advance(fetch(cursor.nextParams())));
        }
        put(END);
      } catch (RuntimeException e) {
        queue.clear(); // the consumer must see the failure, not wait for rows that will not come
        queue.offer(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void put(Object item) throws InterruptedException {
      while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        cancellation.check();
      }
    }

    @SuppressWarnings("unchecked")
    List<Object[]> take() {
      try {
        Object item;
        while ((item = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
          cancellation.check();
        }
        if (item instanceof RuntimeException e) {
          throw e;
        }
        return (List<Object[]>) item;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while waiting for rows", e);
      }
    }
  }

  @Override
  public Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first");
    }
    return row;
  }

  @Override
  public ScanProgress progress() {
    return new ScanProgress(requests.get(), pages.get(), rowsFetched.get(), rowsReturned,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  @Override
  public void cancel() {
    cancellation.cancel();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    row = null;
    cancellation.cancel(); // stops producers and aborts their requests, returning connections to the pool
    for (Slice s : slices) {
      Future<?> f = s.future;
      if (f == null) {
        continue;
      }
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
        // a producer stopped by close has nothing to tell the caller
      }
    }
  }
}
