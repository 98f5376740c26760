package org.fusionjdbc.calcite;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.query.RowStream;

/**
 * Streams rows from a {@link RowStream}: the first request goes out on the first {@link #moveNext()},
 * the cancel flag is checked before every row, and {@link #close()} releases the stream.
 */
final class FusionEnumerator implements Enumerator<Object> {
  private final Supplier<RowStream> opener;
  private final List<FusionColumn> columns;
  private final RowConverter converter;
  private final AtomicBoolean cancel;
  private final boolean scalar;
  private final long deadlineNanos;
  /** The statement's context, null when the connection's driver supplies none. */
  private final StatementContext statement;
  private RowStream stream;
  private RunningScan scan;
  private Object current;
  private int[] positions;

  FusionEnumerator(Supplier<RowStream> opener, List<FusionColumn> columns, RowConverter converter,
      AtomicBoolean cancel, boolean scalar, long deadlineNanos, StatementContext statement) {
    this.deadlineNanos = deadlineNanos;
    this.statement = statement;
    this.opener = opener;
    this.columns = columns;
    this.converter = converter;
    this.cancel = cancel;
    this.scalar = scalar;
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    checkNotStopped();
    if (stream == null) {
      stream = opener.get();
      scan = RunningScan.start(stream, cancel, deadlineNanos);
      if (statement != null) {
        statement.started(scan);
      }
      positions = positions(stream.fields());
    }
    boolean more;
    try {
      more = stream.next();
    } catch (FusionException e) {
      checkNotStopped(); // a request aborted by the watcher reports why it was stopped
      throw e;
    }
    if (!more) {
      scan.end(); // nothing left to cancel: the watcher need not wait for the result set's close
      return false;
    }
    Object[] raw = stream.row();
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = converter.convert(columns.get(i), raw[positions[i]]);
    }
    current = scalar ? out[0] : out;
    return true;
  }

  private void checkNotStopped() {
    if (cancel != null && cancel.get()) {
      if (stream != null) {
        stream.cancel();
      }
      throw FusionException.of(FusionException.Kind.CANCELLED, "the statement was cancelled");
    }
    if ((scan != null && scan.timedOut()) || (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0)) {
      if (stream != null) {
        stream.cancel();
      }
      throw FusionException.of(FusionException.Kind.TIMEOUT, "the query timeout expired");
    }
  }

  private int[] positions(List<String> fields) {
    int[] p = new int[columns.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = fields.indexOf(columns.get(i).name());
      if (p[i] < 0) {
        throw FusionException.of(FusionException.Kind.PROTOCOL, "the scan returned no field "
            + columns.get(i).name() + " (fields " + fields + ")");
      }
    }
    return p;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a Fusion scan cannot be rewound; run the query again");
  }

  @Override
  public void close() {
    if (scan != null) {
      scan.end();
      if (statement != null) {
        statement.ended(scan);
      }
      scan = null;
    }
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
