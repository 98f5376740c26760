package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.SortKey;

/**
 * Runs the requests of a {@link FusionMinMax}: per bound, the first row of the filtered collection ordered by the
 * column ({@code limit=1}). A MAX whose first descending row is null (nulls sort first descending) falls back to
 * reading that one column whole and comparing here, as Calcite would have without pushdown; a connection whose q
 * may say {@code IS NOT NULL} leaves the nulls out of that request instead.
 */
final class MinMaxRequests {
  private final FusionClient client;
  private final QuerySpec filtered;
  private final RowConverter converter;
  private final AtomicBoolean cancel;
  private final long deadlineNanos;
  private final StatementContext statement;

  /** {@code statement}: where the requests count toward the statement's progress; null when not executing. */
  MinMaxRequests(FusionClient client, QuerySpec filtered, RowConverter converter, AtomicBoolean cancel,
      long deadlineNanos, StatementContext statement) {
    this.client = client;
    this.filtered = filtered.toBuilder().orderBy(List.of()).offset(0).noLimit().build();
    this.converter = converter;
    this.cancel = cancel;
    this.deadlineNanos = deadlineNanos;
    this.statement = statement;
  }

  Object[] values(List<FusionRel.Implementor.Bound> bounds) {
    Object[] row = new Object[bounds.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = value(bounds.get(i));
    }
    return row;
  }

  private Object value(FusionRel.Implementor.Bound b) {
    boolean skipNulls = skipsNulls(b);
    QuerySpec first = firstRow(b);
    try (FusionEnumerator e = enumerator(first, b.column())) {
      if (!e.moveNext()) {
        return null; // no rows: MIN and MAX are null
      }
      Object v = e.current();
      if (v != null || !b.max() || b.column().notNull() || skipNulls) {
        return v;
      }
    }
    return scanMax(b.column());
  }

  /** The request of {@code b}: the first row of the filtered collection ordered by its column (EXPLAIN shows it). */
  QuerySpec firstRow(FusionRel.Implementor.Bound b) {
    String name = b.column().name();
    QuerySpec.Builder firstRow = filtered.toBuilder().fields(List.of(name))
        .orderBy(List.of(b.max() ? SortKey.desc(name) : SortKey.asc(name))).limit(1);
    if (skipsNulls(b)) { // a connection that may say IS NOT NULL in q leaves the nulls out of the descending order
      List<QExpr> terms = new ArrayList<>();
      filtered.filter().ifPresent(terms::add);
      terms.add(new QExpr.IsNull(name, true));
      firstRow.filter(QExpr.and(terms));
    }
    return firstRow.build();
  }

  private boolean skipsNulls(FusionRel.Implementor.Bound b) {
    return b.max() && !b.column().notNull() && client.config().dialect().isNull();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object scanMax(FusionColumn column) {
    Comparable max = null;
    try (FusionEnumerator e = enumerator(filtered.toBuilder().fields(List.of(column.name())).build(), column)) {
      while (e.moveNext()) {
        Comparable v = (Comparable) e.current();
        if (v != null && (max == null || v.compareTo(max) > 0)) {
          max = v;
        }
      }
    }
    return max;
  }

  private FusionEnumerator enumerator(QuerySpec spec, FusionColumn column) {
    return new FusionEnumerator(() -> client.scan(spec), List.of(column), converter, cancel, true, deadlineNanos, statement);
  }
}
