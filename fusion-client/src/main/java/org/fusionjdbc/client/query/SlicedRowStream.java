package org.fusionjdbc.client.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * A large unbounded scan by a single integer key, read by up to {@code parallelism} concurrent requests. The first
 * page is read as usual and nothing more is sent until the caller reads past it, so a preview costs one request.
 * Then one limit-1 request counts the rest (totalResults), and {@link ChunkedScan} reads it as many short chunks of
 * consecutive keys, the chunks nearest the caller's position first, within a bounded window of pages: when the
 * caller asked for an order, chunks are emitted one after another in key order while the next ones are fetched
 * ahead; otherwise pages are emitted as they arrive. Chunks are bounded by keys, so rows written meanwhile are read
 * exactly once; the last chunk is open-ended. Without a count the key span is cut into equal value ranges.
 */
public final class SlicedRowStream extends StreamedRows {
  private final HttpTransport transport;
  private final String path;
  private final ScanPlan plan;
  private final AttributeDescription key;
  private final ExecutorService executor;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong rowsFetched = new AtomicLong();
  private final List<Future<?>> workerFutures = new ArrayList<>();
  /** The rest of the scan once the caller read past the first page; null before. */
  private ChunkedScan chunks;
  private boolean started;
  /** The first page's facts while the rest is not planned yet (the caller has not read past that page). */
  private FirstPage pending;
  private Iterator<Object[]> current = List.<Object[]>of().iterator();

  private SlicedRowStream(HttpTransport transport, String path, ScanPlan plan, AttributeDescription key,
      ExecutorService executor) {
    super(plan.spec().fields().size());
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
  protected Object[] nextRow() {
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
        return null;
      }
    }
    return current.next();
  }

  /** Moves {@code current} to the next page of rows; false at the end. */
  private boolean nextBatch() {
    List<Object[]> batch = chunks == null ? null : chunks.nextPage();
    if (batch == null) {
      return false;
    }
    current = batch.iterator();
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
    if (!first.done() && !rows.isEmpty()) { // (an empty page ends a scan or fails it in the cursor)
      pending = new FirstPage(first, rows.get(rows.size() - 1));
    }
  }

  /** What the first page told: enough to plan the rest once the caller wants it. */
  private record FirstPage(PageCursor cursor, Object[] lastRow) {
  }

  /**
   * Plans and starts the rest of the scan: its size comes from one limit-1 request, and {@link ChunkedScan} reads it
   * with up to {@code parallelism} requests at once. A remainder of two pages or less is one chunk, read ahead of
   * the caller by one background request.
   */
  private void split(FirstPage fp) {
    FusionClientConfig c = transport.config();
    boolean desc = plan.keyset().get().descending();
    BigInteger last = SliceCuts.integer(fp.lastRow()[plan.keyPositions().get(0)]);
    SliceCuts cutter = new SliceCuts(plan.spec(), plan.dialect(), key.name(), desc, last, this::probe);
    Long remaining = cutter.remaining();
    List<BigInteger> starts = null;
    if (remaining == null) { // no count: cut the key span into equal value ranges
      starts = new ArrayList<>();
      for (BigInteger cut : cutter.evenValues(c.parallelism())) {
        // a cut starts the range above it; in descending order a chunk starts at its highest key
        starts.add(desc ? cut.subtract(BigInteger.ONE) : cut);
      }
      if (desc) {
        Collections.reverse(starts);
      }
    }
    int workers = remaining != null && remaining <= 2L * c.pageSize() ? 1 : c.parallelism();
    chunks = new ChunkedScan(plan, key.name(), last, remaining == null ? 0 : remaining, starts, workers,
        (int) fp.cursor().pageSize(), ordered(), this::fetch, cancellation);
    for (int i = 0; i < workers; i++) {
      workerFutures.add(executor.submit(chunks::work));
    }
  }

  /** One planning request (the count), rows holding the key only. */
  private Page probe(List<Param> params) {
    requests.incrementAndGet();
    return transport.get(path, params, new PageParser(List.of(key.name())), cancellation);
  }

  private Page fetch(List<Param> params) {
    requests.incrementAndGet();
    Page page = transport.get(path, params, new PageParser(plan.layout()), cancellation);
    pages.incrementAndGet();
    rowsFetched.addAndGet(page.rows().size());
    return page;
  }

  @Override
  public ScanProgress progress() {
    return new ScanProgress(requests.get(), pages.get(), rowsFetched.get(), rowsReturned(), elapsed());
  }

  @Override
  protected void release() {
    if (chunks != null) {
      chunks.stop();
    }
    cancellation.cancel(); // aborts the workers' requests, returning connections to the pool
    for (Future<?> f : workerFutures) {
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
        // a worker stopped by close has nothing to tell the caller
      }
    }
  }
}
