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
import org.fusionjdbc.client.FusionClientConfig;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.Cancellation;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * A large unbounded scan by a single integer key, split into up to {@code parallelism} disjoint key ranges
 * fetched concurrently, each keyset-paged. Rows are emitted slice by slice, so key order holds; each slice
 * buffers at most {@link #BUFFERED_PAGES} pages. The bounds come from two limit-1 requests (key asc with
 * totalResults, key desc); a small result (at most two pages) is read sequentially instead. Slice i is
 * {@code key >= lo(i) and key < lo(i+1)}, the first unbounded below and the last above, so rows written
 * outside the sampled bounds are still read, exactly once.
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
  private RowStream single;
  private boolean started;
  private boolean closed;
  private int sliceIndex;
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
    if (single != null) {
      boolean more = single.next();
      row = more ? single.row() : null;
      rowsReturned += more ? 1 : 0;
      return more;
    }
    while (!current.hasNext()) {
      if (sliceIndex >= slices.size()) {
        row = null;
        return false;
      }
      List<Object[]> batch = slices.get(sliceIndex).take();
      if (batch == END) {
        sliceIndex++;
      } else {
        current = batch.iterator();
      }
    }
    Object[] r = current.next();
    row = r.length == plan.spec().fields().size() ? r : java.util.Arrays.copyOf(r, plan.spec().fields().size());
    rowsReturned++;
    return true;
  }

  private void start() {
    int at = plan.keyPositions().get(0);
    String k = key.name();
    Page low = bound(k + ":asc", true);
    if (low.rows().isEmpty()) {
      slices.clear();
      return;
    }
    Page high = bound(k + ":desc", false);
    BigInteger min = integer(low.rows().get(0)[at]);
    BigInteger max = high.rows().isEmpty() ? min : integer(high.rows().get(0)[at]);
    long total = low.totalResults() == null ? Long.MAX_VALUE : low.totalResults();
    BigInteger span = max.subtract(min).add(BigInteger.ONE);
    int n = (int) Math.min(transport.config().parallelism(), Math.max(1, span.min(BigInteger.valueOf(1 << 20))
        .longValue()));
    if (total <= 2L * transport.config().pageSize() || n < 2) {
      single = new PagedRowStream(transport, path, plan, executor);
      return;
    }
    List<BigInteger> lows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lows.add(min.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n))));
    }
    for (int i = 0; i < n; i++) {
      List<QExpr> terms = new ArrayList<>();
      plan.spec().filter().ifPresent(terms::add);
      if (i > 0) {
        terms.add(QExpr.compare(k, QExpr.Op.GE, QValue.of(new BigDecimal(lows.get(i)))));
      }
      if (i < n - 1) {
        terms.add(QExpr.compare(k, QExpr.Op.LT, QValue.of(new BigDecimal(lows.get(i + 1)))));
      }
      QuerySpec sliceSpec = plan.spec().toBuilder().filter(QExpr.and(terms)).build();
      ScanPlan slicePlan = new ScanPlan(sliceSpec, plan.layout(), plan.orderBy(), plan.keyPositions(), plan.keyset(),
          plan.dialect());
      slices.add(new Slice(slicePlan));
    }
    if (plan.keyset().get().descending()) {
      Collections.reverse(slices);
    }
    slices.forEach(s -> s.future = executor.submit(s::run));
  }

  private Page bound(String orderBy, boolean withTotal) {
    List<Param> params = new ArrayList<>();
    plan.spec().filter().ifPresent(f -> params.add(new Param("q", f.render(plan.dialect()))));
    params.add(new Param("fields", plan.fieldsParam()));
    params.add(new Param("orderBy", orderBy));
    params.add(new Param("limit", "1"));
    params.add(new Param("onlyData", "true"));
    if (withTotal) {
      params.add(new Param("totalResults", "true"));
    }
    requests.incrementAndGet();
    return transport.get(path, params, new PageParser(plan.layout()), cancellation);
  }

  private static BigInteger integer(Object v) {
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof BigDecimal d) {
      return d.toBigIntegerExact();
    }
    throw FusionException.of(FusionException.Kind.PROTOCOL, "an integer key came back as " + v);
  }

  /** One key range: a producer filling a small queue of pages. */
  private final class Slice {
    final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BUFFERED_PAGES + 1);
    final ScanPlan slicePlan;
    volatile Future<?> future;

    Slice(ScanPlan slicePlan) {
      this.slicePlan = slicePlan;
    }

    void run() {
      try {
        PageCursor cursor = new PageCursor(slicePlan, transport.config().pageSize(), transport.config().pageSize());
        PageParser parser = new PageParser(slicePlan.layout());
        while (!cursor.done()) {
          requests.incrementAndGet();
          Page page = transport.get(path, cursor.nextParams(), parser, cancellation);
          pages.incrementAndGet();
          rowsFetched.addAndGet(page.rows().size());
          put(cursor.advance(page));
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
    if (single != null) {
      ScanProgress p = single.progress();
      return new ScanProgress(p.requests() + requests.get(), p.pages(), p.rowsFetched(), rowsReturned,
          Duration.ofNanos(System.nanoTime() - startNanos));
    }
    return new ScanProgress(requests.get(), pages.get(), rowsFetched.get(), rowsReturned,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  @Override
  public void cancel() {
    cancellation.cancel();
    if (single != null) {
      single.cancel();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    row = null;
    if (single != null) {
      single.close();
    }
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
