package org.fusionjdbc.client.query;

import java.time.Duration;
import java.util.Arrays;
import org.fusionjdbc.client.exchange.Cancellation;

/**
 * What every paged scan's {@link RowStream} does alike: the cancel switch its requests share, the current row cut
 * to the fields asked for (pages may carry the key as a tie-breaker beyond them), the rows handed out, and a close
 * that happens once. A subclass says only where the next row comes from and what closing releases.
 */
abstract class StreamedRows implements RowStream {
  /** Shared by the stream's requests: {@link #cancel()} aborts them from any thread. */
  protected final Cancellation cancellation = new Cancellation();
  private final long startNanos = System.nanoTime();
  private final int width;
  private Object[] row;
  private long rowsReturned;
  private boolean closed;

  /** @param width how many leading values of a fetched row the caller sees */
  StreamedRows(int width) {
    this.width = width;
  }

  /** The next fetched row (possibly wider than the stream's fields), or null at the end. */
  protected abstract Object[] nextRow();

  /** Releases requests in flight and their connections; called once, by the first {@link #close()}. */
  protected abstract void release();

  @Override
  public final boolean next() {
    if (closed) {
      return false;
    }
    cancellation.check();
    Object[] r = nextRow();
    if (r == null) {
      row = null;
      return false;
    }
    row = r.length == width ? r : Arrays.copyOf(r, width);
    rowsReturned++;
    return true;
  }

  @Override
  public final Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first");
    }
    return row;
  }

  @Override
  public void cancel() {
    cancellation.cancel();
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    row = null;
    release();
  }

  protected final long rowsReturned() {
    return rowsReturned;
  }

  protected final Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
