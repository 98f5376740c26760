package org.fusionjdbc.client.query;

import java.util.List;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.error.FusionException;

/**
 * Where the next page of a scan ordered by a non-key attribute A (then the key K) starts, using only [C] q
 * constructs (contract decision 2; never IS NULL). Fusion sorts nulls the Oracle way: last ascending, first
 * descending. Two regions, each read by keyset:
 * <ul>
 * <li>non-null rows: after (x, k), {@code A > x or (A = x and K > k)} ({@code <} for desc, K's own direction);
 * a comparison never matches a null, so anchored requests return non-null rows only;</li>
 * <li>null rows: orderBy {@code A:desc} puts them first, in K order; after k, {@code K > k}; the first non-null
 * row ends the region.</li>
 * </ul>
 * Ascending reads the non-null region, then the nulls. Descending reads the nulls with {@code K > k or A <= c or
 * A > c} for a constant c: the last two terms hold exactly for the non-null rows, so the request is the plain rest
 * of the order and its first non-null row starts the non-null region. A value q cannot express
 * (a quote without quote doubling) extends the offset from the last anchor, as for key scans; with no anchor at
 * all the request is the plain full order (or, descending, the non-null rows) and the offset counts from there.
 * A datetime the server holds more precisely than it writes ({@link PrecisionGuard}) makes the composite anchor
 * wrong; once seen, the non-null region is read by offset from its start. The rows so far are exact: ascending
 * the wrong anchor can only repeat rows (the page that shows it is dropped), and descending each anchor also reads
 * its written instant's window, so the rows it would have skipped are in the page that shows it.
 */
final class SortedContinuation {
  private final SortedKeyset s;
  private final QDialect dialect;
  private final boolean ascending;
  private boolean nullRegion;
  private QExpr anchor;
  private long skip;
  private final PrecisionGuard guard;
  private Object[] anchorRow; // the row the composite anchor was built from; null for any other anchor
  private boolean inexact; // the server's values are finer than their JSON: no composite anchors any more
  private long valuesRead; // non-null rows returned so far: the offset into the non-null region

  /** What a page gives: the rows to return, whether the scan ended, whether the next request starts afresh. */
  record Step(List<Object[]> rows, boolean end, boolean restart) {
  }

  SortedContinuation(SortedKeyset s, QDialect dialect) {
    this.s = s;
    this.dialect = dialect;
    this.ascending = !s.sort().descending();
    this.nullRegion = !ascending; // nulls come first descending
    this.guard = new PrecisionGuard(s);
  }

  /** The continuation term to AND with the user's filter; null for none. */
  QExpr anchor() {
    return anchor;
  }

  long skip() {
    return skip;
  }

  /** Null rows of an ascending scan are read with A descending (nulls first); otherwise the scan's own order. */
  String orderByParam() {
    SortKey a = nullRegion ? SortKey.desc(s.sort().attribute()) : s.sort();
    return a.render() + "," + s.key().render();
  }

  /** Accounts for a page of the request built from the current state; {@code more} is the page's hasMore. */
  Step advance(List<Object[]> rows, boolean more) {
    return nullRegion ? inNulls(rows, more) : inValues(rows, more);
  }

  private Step inValues(List<Object[]> rows, boolean more) {
    int j = firstNull(rows, true);
    if (j >= 0 && anchor != null) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion returned a row whose " + s.sort().attribute()
          + " is null for a q that compares " + s.sort().attribute() + "; cannot page this order exactly");
    }
    if (!inexact && guard.finer(anchorRow, j >= 0 ? rows.subList(0, j) : rows)) {
      return fallBack(List.of()); // the page may repeat rows already returned: read it again by offset
    }
    int window = anchorRow != null && !ascending ? guard.writtenAfter(anchorRow, rows) : 0;
    rows = rows.subList(window, rows.size()); // the window's rows written after the anchor's instant: read before
    if (!more && (anchor == null || !ascending)) {
      // the end of the plain full order (ascending, nulls at its tail), or descending: the nulls came first
      return new Step(rows, true, false);
    }
    if (j >= 0) {
      // unanchored full order: its tail from j on is the first null rows, in K order
      nullRegion = true;
      skip = 0;
      anchorRow = null;
      moveKey(rows.subList(j, rows.size()));
      return new Step(rows, false, true);
    }
    if (!more) {
      // end of the non-null rows (the anchor excluded the nulls); now the nulls, first in A-descending order
      nullRegion = true;
      anchor = null;
      anchorRow = null;
      skip = 0;
      return new Step(rows, false, true);
    }
    if (!moveComposite(rows)) {
      skip += window; // still counting from the same anchor: the window's rows are part of its result
    }
    valuesRead += rows.size();
    return new Step(rows, false, false);
  }

  private Step inNulls(List<Object[]> rows, boolean more) {
    int j = firstNull(rows, false);
    if (j < 0) {
      if (more) {
        moveKey(rows);
      }
      return new Step(rows, !more, false);
    }
    if (ascending) {
      return new Step(rows.subList(0, j), true, false); // the nulls came last: all read
    }
    // descending: the anchor kept the non-null rows, so rows from j on are the first of them
    nullRegion = false;
    if (!more) {
      return new Step(rows, true, false);
    }
    List<Object[]> values = rows.subList(j, rows.size());
    if (guard.finer(null, values)) {
      return fallBack(rows.subList(0, j));
    }
    valuesRead += values.size();
    if (!moveComposite(values)) {
      anchor = notNull(); // no composite anchor in this page: count the non-null rows from the region's start
      anchorRow = null;
      skip = values.size();
    }
    return new Step(rows, false, false);
  }

  /**
   * Reads the non-null region by offset from its start from now on: ascending the plain full order (nulls last),
   * descending the non-null rows. Returns {@code keep} (rows of the page known to be right) and starts afresh.
   */
  private Step fallBack(List<Object[]> keep) {
    inexact = true;
    anchor = ascending ? null : notNull();
    anchorRow = null;
    skip = valuesRead;
    return new Step(keep, false, true);
  }

  /** {@code A <= c or A > c}: true exactly when A is not null. */
  private QExpr notNull() {
    QValue c = switch (s.sortType()) {
      case STRING -> QValue.of("a");
      case DATE -> QValue.of(java.time.LocalDate.of(2000, 1, 1));
      case DATETIME -> QValue.of(java.time.OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC));
      default -> QValue.of(0L);
    };
    String a = s.sort().attribute();
    return QExpr.or(List.of(QExpr.compare(a, QExpr.Op.LE, c), QExpr.compare(a, QExpr.Op.GT, c)));
  }

  /** Index of the first row whose A is null ({@code nulls}) or not null; -1 when none. */
  private int firstNull(List<Object[]> rows, boolean nulls) {
    for (int i = 0; i < rows.size(); i++) {
      if ((s.sortValue(rows.get(i)) == null) == nulls) {
        return i;
      }
    }
    return -1;
  }

  /** Anchors after the last row with exact literals; false (the offset grows instead) when there is none. */
  private boolean moveComposite(List<Object[]> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      QExpr next = after(rows.get(i));
      if (next != null) {
        anchor = next;
        anchorRow = rows.get(i);
        skip = rows.size() - 1 - i;
        return true;
      }
    }
    skip += rows.size();
    return false;
  }

  private void moveKey(List<Object[]> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      QExpr next = keyAfter(rows.get(i));
      if (next != null) {
        anchor = ascending ? next : QExpr.or(List.of(next, notNull()));
        anchorRow = null;
        skip = rows.size() - 1 - i;
        return;
      }
    }
    skip += rows.size();
  }

  /** {@code A > x or (A = x and K > k)}, or null when x or k has no exact literal. */
  private QExpr after(Object[] row) {
    if (inexact) {
      return null;
    }
    QValue x = SortedKeyset.literal(s.sortValue(row), s.sortType());
    QExpr k = keyAfter(row);
    if (x == null || k == null) {
      return null;
    }
    String a = s.sort().attribute();
    List<QExpr> terms = new java.util.ArrayList<>(List.of(
        QExpr.compare(a, s.sort().descending() ? QExpr.Op.LT : QExpr.Op.GT, x),
        QExpr.and(List.of(QExpr.compare(a, QExpr.Op.EQ, x), k))));
    java.time.OffsetDateTime end = s.sort().descending() ? guard.windowEnd(row) : null;
    if (end != null) { // (A > x and A < x + unit): what x may stand for on a pod that writes less than it holds
      terms.add(QExpr.and(List.of(QExpr.compare(a, QExpr.Op.GT, x), QExpr.compare(a, QExpr.Op.LT, QValue.of(end)))));
    }
    QExpr e = QExpr.or(terms);
    return e.renderable(dialect) ? e : null;
  }

  private QExpr keyAfter(Object[] row) {
    QValue k = SortedKeyset.literal(s.keyValue(row), s.keyType());
    if (k == null) {
      return null;
    }
    QExpr e = QExpr.compare(s.key().attribute(), s.key().descending() ? QExpr.Op.LT : QExpr.Op.GT, k);
    return e.renderable(dialect) ? e : null;
  }
}
