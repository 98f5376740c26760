package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * Where the next page starts. Keyset mode keeps an anchor (the last key that renders exactly in q) and the
 * rows seen since it, so deep offsets never happen; a key value q cannot express (a quote without quote
 * doubling) just extends the offset from the previous anchor. A scan ordered by another attribute then the key
 * hands this to {@link SortedContinuation}. Offset mode has no anchor. Also the guards:
 * exact limit, empty page with hasMore, a page repeated by the server.
 */
final class PageCursor {
  private final ScanPlan plan;
  private final int firstPageSize;
  private final int pageSize;
  private long remaining; // Long.MAX_VALUE = unbounded
  private QExpr anchor;
  private long skip;
  private boolean first = true;
  private boolean done;
  private List<Object> lastKey;
  private long requestedLimit;
  /** The page size the pod answered with when it was less than asked (a server cap); 0 until seen. */
  private long podLimit;
  private final SortedContinuation sorted;

  PageCursor(ScanPlan plan, int firstPageSize, int pageSize) {
    this.plan = plan;
    this.firstPageSize = firstPageSize;
    this.pageSize = pageSize;
    this.remaining = plan.spec().limit().orElse(Long.MAX_VALUE);
    this.skip = plan.spec().offset();
    this.done = remaining == 0;
    this.sorted = plan.sorted().map(s -> new SortedContinuation(s, plan.dialect())).orElse(null);
  }

  boolean done() {
    return done;
  }

  /** The size of a full page: the configured one, or the pod's when it answered with less. */
  long pageSize() {
    return podLimit > 0 ? Math.min(pageSize, podLimit) : pageSize;
  }

  /** Parameters of the next page request. */
  List<Param> nextParams() {
    if (done) {
      throw new IllegalStateException("no more pages");
    }
    // a limit that fits in one page is asked for at once (setMaxRows(200) -> one request of 200);
    // otherwise a small first page gives a fast first row and later pages are full size: the pod's size once
    // it has answered with a smaller one (it decides; asking for more only costs it the clamp)
    long full = pageSize();
    requestedLimit = remaining <= full ? remaining : first ? Math.min(firstPageSize, full) : full;
    List<Param> params = new ArrayList<>();
    Optional<QExpr> q = plan.spec().filter();
    QExpr anchor = sorted != null ? sorted.anchor() : this.anchor;
    if (anchor != null) {
      q = Optional.of(q.map(f -> QExpr.and(List.of(f, anchor))).orElse(anchor));
    }
    q.ifPresent(e -> params.add(new Param("q", e.render(plan.dialect()))));
    params.add(new Param("fields", plan.fieldsParam()));
    if (!plan.orderBy().isEmpty()) {
      params.add(new Param("orderBy", sorted != null ? sorted.orderByParam() : plan.orderByParam()));
    }
    params.add(new Param("limit", Long.toString(requestedLimit)));
    params.add(new Param("offset", Long.toString(sorted != null ? sorted.skip() : skip)));
    params.add(new Param("onlyData", "true"));
    return params;
  }

  /** Accounts for a page; returns the rows to emit (trimmed to the limit). Sets {@link #done()}. */
  List<Object[]> advance(Page page) {
    first = false;
    if (page.limit() != null && page.limit() > 0 && page.limit() < requestedLimit) {
      podLimit = page.limit(); // rows are still counted as they come: the cap only sizes later requests
    }
    // contract decision 4: only hasMore=false (or, defensively, an empty page) ends a scan, never count < limit;
    // a page without hasMore is asked past (a body cut short but still parseable must not end the collection)
    boolean more = page.hasMore() != null ? page.hasMore() : !page.rows().isEmpty();
    List<Object[]> rows = page.rows();
    boolean end = !more;
    boolean restart = false;
    if (sorted != null) {
      SortedContinuation.Step step = sorted.advance(rows, more);
      rows = step.rows();
      end = step.end();
      restart = step.restart();
    }
    if (rows.size() > remaining) {
      rows = rows.subList(0, (int) remaining);
    }
    if (remaining != Long.MAX_VALUE) {
      remaining -= rows.size();
    }
    if (remaining == 0 || end) {
      done = true;
      return rows;
    }
    if (page.rows().isEmpty() && more) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion sent an empty page with hasMore=true; "
          + "stopping rather than asking for the same page forever");
    }
    if (restart) {
      lastKey = null; // the next request reads another region, whose page may well end on the same row
    } else if (!plan.keyPositions().isEmpty()) {
      List<Object> key = plan.key(page.rows().get(page.rows().size() - 1));
      if (key.equals(lastKey)) {
        throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion sent the same page twice (last key "
            + key + "); stopping rather than looping");
      }
      lastKey = key;
    }
    if (sorted == null) {
      moveAnchor(page.rows());
    }
    return rows;
  }

  private void moveAnchor(List<Object[]> rows) {
    if (plan.keyset().isEmpty()) {
      skip += rows.size();
      return;
    }
    SortKey key = plan.keyset().get();
    int at = plan.keyPositions().get(0);
    for (int i = rows.size() - 1; i >= 0; i--) {
      QExpr next = bound(key, rows.get(i)[at]);
      if (next != null) {
        anchor = next;
        skip = rows.size() - 1 - i;
        return;
      }
    }
    skip += rows.size();
  }

  private QExpr bound(SortKey key, Object raw) {
    // a number key a pod sent as a JSON string is that number; one that is no number has no literal
    Object value = plan.keysetType().map(t -> SortedKeyset.value(raw, t)).orElse(raw);
    if (value instanceof String && plan.keysetType().filter(t -> t != AttributeType.STRING).isPresent()) {
      return null;
    }
    QValue v;
    if (value instanceof Long l) {
      v = QValue.of(l);
    } else if (value instanceof BigDecimal d) {
      v = QValue.of(d);
    } else if (value instanceof String s) {
      v = QValue.of(s);
    } else {
      return null;
    }
    QExpr e = QExpr.compare(key.attribute(), key.descending() ? QExpr.Op.LT : QExpr.Op.GT, v);
    return e.renderable(plan.dialect()) ? e : null;
  }
}
