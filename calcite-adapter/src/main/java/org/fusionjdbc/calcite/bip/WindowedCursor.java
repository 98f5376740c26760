package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fusionjdbc.client.bip.ProxyColumn;
import org.fusionjdbc.client.bip.ProxyQuery;
import org.fusionjdbc.client.bip.ProxyRowStream;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;

/**
 * The rows of one Oracle query through the proxy report, fetched in OFFSET/FETCH windows so no single run
 * exceeds BI Publisher's row and size limits (contract decision 9). The first run asks for one row more than
 * a window: a result that fits (the common case) costs one call. Otherwise the query is re-run in windows of
 * {@code windowSize} rows, each one proxy call, streamed, under a stable order: the query's own ORDER BY
 * (when it has one) followed by every orderable column, so ties cannot move a row between windows. A query
 * that already has its own top-level OFFSET/FETCH (a pushed LIMIT) runs once as it is. The clauses are
 * appended to the query rather than wrapping it in {@code SELECT * FROM (...)}: a generated {@code SELECT *}
 * over a join has clashing column names, which an inline view rejects; ORDER BY positions need no names.
 */
final class WindowedCursor implements Cursor {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.calcite.bip");
  private static final Set<String> UNORDERABLE = Set.of("CLOB", "NCLOB", "BLOB", "LONG", "OTHER");

  private final ProxyQuery proxy;
  private final String sql;
  private final List<ProxyColumn> expected; // the columns the plan expects, for the XMLGEN proxy; may be null
  private final int windowSize;
  private final boolean ordered;
  private List<ProxyColumn> columns;
  private List<Object[]> buffer; // the first run's rows when the whole result fitted
  private int bufferIndex;
  private ProxyRowStream stream; // the current window
  private long offset; // rows before the current window; negative for a query run once as it is
  private long windowRows;
  private Object[] row;
  private boolean done;
  private volatile boolean cancelled;
  /** Ends a proxy run still waiting for its answer or to retry; the rows then stop through the stream's cancel. */
  private final Cancellation cancellation;

  WindowedCursor(ProxyQuery proxy, String sql, int windowSize) {
    this(proxy, sql, windowSize, null);
  }

  WindowedCursor(ProxyQuery proxy, String sql, int windowSize, List<ProxyColumn> expected) {
    this(proxy, sql, windowSize, expected, new Cancellation());
  }

  /** With the statement's {@code cancellation}, so a cancel reaches the first run before this cursor exists. */
  WindowedCursor(ProxyQuery proxy, String sql, int windowSize, List<ProxyColumn> expected,
      Cancellation cancellation) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    this.expected = expected;
    this.sql = Objects.requireNonNull(sql, "sql").strip();
    if (windowSize < 1) {
      throw new IllegalArgumentException("the window size must be >= 1: " + windowSize);
    }
    this.windowSize = windowSize;
    this.ordered = SqlText.hasTopLevel(this.sql, "ORDER");
    start();
  }

  private void start() {
    if (SqlText.hasTopLevel(sql, "FETCH") || SqlText.hasTopLevel(sql, "OFFSET")) {
      stream = run(sql);
      columns = stream.columns();
      offset = -1; // no successor window
      return;
    }
    String first = sql + "\nFETCH NEXT " + (windowSize + 1) + " ROWS ONLY";
    List<Object[]> rows = new ArrayList<>();
    try (ProxyRowStream s = run(first)) {
      columns = s.columns();
      while (rows.size() <= windowSize && s.next()) {
        rows.add(s.row().clone());
      }
    }
    if (rows.size() <= windowSize) {
      buffer = rows;
      return;
    }
    String order = tieBreakers();
    if (order.isEmpty()) {
      throw FusionException.of(Kind.BAD_REQUEST, "the result has more than " + windowSize + " rows and no column "
          + "to order windows by (only LOB columns); add a filter or a smaller select list");
    }
    offset = 0;
    openWindow();
  }

  private String tieBreakers() {
    StringJoiner j = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      if (!UNORDERABLE.contains(columns.get(i).oracleType())) {
        j.add(Integer.toString(i + 1));
      }
    }
    return j.toString();
  }

  private void openWindow() {
    String windowSql = sql + (ordered ? ", " : "\nORDER BY ") + tieBreakers() + "\nOFFSET " + offset
        + " ROWS FETCH NEXT " + windowSize + " ROWS ONLY";
    stream = run(windowSql);
    windowRows = 0;
  }

  private ProxyRowStream run(String text) {
    if (cancelled) {
      throw FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled");
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("BI Publisher proxy run: " + text.replace('\n', ' '));
    }
    return proxy.run(text, expected, cancellation);
  }

  @Override
  public List<ProxyColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (cancelled) {
      throw FusionException.of(Kind.CANCELLED, "the BI Publisher query was cancelled");
    }
    if (done) {
      return false;
    }
    if (buffer != null) {
      if (bufferIndex < buffer.size()) {
        row = buffer.get(bufferIndex);
        buffer.set(bufferIndex++, null); // let rows already read go
        return true;
      }
      return finish();
    }
    while (true) {
      if (stream.next()) {
        row = stream.row();
        windowRows++;
        return true;
      }
      stream.close();
      if (offset < 0 || windowRows < windowSize) {
        return finish();
      }
      offset += windowSize;
      openWindow();
    }
  }

  private boolean finish() {
    done = true;
    row = null;
    close();
    return false;
  }

  @Override
  public Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row");
    }
    return row;
  }

  @Override
  public void cancel() {
    cancelled = true;
    cancellation.cancel();
    ProxyRowStream s = stream;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void close() {
    buffer = null;
    if (stream != null) {
      stream.close();
    }
  }
}
