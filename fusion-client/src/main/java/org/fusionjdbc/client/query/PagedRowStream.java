package org.fusionjdbc.client.query;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * Sequential pages of one scan, with the next page requested in the background while the caller reads
 * the current one (one request in flight). O(2 pages) memory; stops exactly at the limit.
 */
public final class PagedRowStream extends StreamedRows {
  private final HttpTransport transport;
  private final String path;
  private final ScanPlan plan;
  private final PageCursor cursor;
  private final PageParser parser;
  private final UnaryOperator<List<Param>> adjust;
  private final ExecutorService prefetcher;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rowsFetched = new AtomicLong();
  private long pages;
  private Future<Page> pending;
  private Iterator<Object[]> current = List.<Object[]>of().iterator();

  /**
   * @param path       encoded collection path ({@code /fscmRestApi/resources/11.13.18.05/invoices})
   * @param prefetcher runs the next page's request; null for strictly sequential fetching
   */
  public PagedRowStream(HttpTransport transport, String path, ScanPlan plan, ExecutorService prefetcher) {
    this(transport, path, plan, new PageParser(plan.layout()), plan.spec().fields().size(), p -> p, prefetcher);
  }

  /** With a parser of rows {@code width} wide and a last word on each request's parameters (expand...). */
  PagedRowStream(HttpTransport transport, String path, ScanPlan plan, PageParser parser, int width,
      UnaryOperator<List<Param>> adjust, ExecutorService prefetcher) {
    super(width);
    this.transport = Objects.requireNonNull(transport, "transport");
    this.path = Objects.requireNonNull(path, "path");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.cursor = new PageCursor(plan, transport.config().firstPageSize(), transport.config().pageSize());
    this.parser = Objects.requireNonNull(parser, "parser");
    this.adjust = Objects.requireNonNull(adjust, "adjust");
    this.prefetcher = prefetcher;
  }

  @Override
  public List<String> fields() {
    return plan.spec().fields();
  }

  @Override
  protected Object[] nextRow() {
    while (!current.hasNext()) {
      if (cursor.done() && pending == null) {
        return null;
      }
      Page page = takePage();
      pages++;
      rowsFetched.addAndGet(page.rows().size());
      List<Object[]> rows = cursor.advance(page);
      if (!cursor.done()) {
        startNext();
      }
      current = rows.iterator();
    }
    return current.next();
  }

  private Page takePage() {
    if (pending == null) {
      return fetch(adjust.apply(cursor.nextParams()));
    }
    Future<Page> f = pending;
    pending = null;
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw FusionException.of(FusionException.Kind.TRANSPORT, "page request failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while waiting for a page", e);
    } catch (CancellationException e) {
      throw FusionException.of(FusionException.Kind.CANCELLED, "the scan was cancelled", e);
    }
  }

  private void startNext() {
    if (prefetcher == null) {
      return; // takePage() asks the cursor when the caller gets there
    }
    List<Param> params = adjust.apply(cursor.nextParams());
    try {
      pending = prefetcher.submit(() -> fetch(params));
    } catch (RejectedExecutionException e) {
      throw FusionException.of(FusionException.Kind.CANCELLED, "the client is closed", e);
    }
  }

  private Page fetch(List<Param> params) {
    requests.incrementAndGet();
    return transport.get(path, params, parser, cancellation);
  }

  @Override
  public ScanProgress progress() {
    return new ScanProgress(requests.get(), pages, rowsFetched.get(), rowsReturned(), elapsed());
  }

  @Override
  protected void release() {
    current = List.<Object[]>of().iterator();
    Future<Page> f = pending;
    pending = null;
    if (f != null && !f.isDone()) {
      cancellation.cancel(); // aborts the prefetch so its connection goes back to the pool now
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | CancellationException | TimeoutException e) {
        // the aborted prefetch's failure is expected and of no interest to a caller who closed
      }
    }
  }
}
