package org.fusionjdbc.emulator.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.fusionjdbc.emulator.data.Table;

/**
 * Runs a filtered, ordered page over a {@link Table} at O(page) cost where it can:
 * key bounds in q ({@code InvoiceId > 123}) seek straight to an index; unfiltered key-ordered offsets
 * jump to the index; everything else computes the matching (and sorted) index array once and caches it
 * per (resource, data version, q, orderBy) in a small LRU so the following pages are O(page).
 */
public final class QueryEngine {
  private static final int CACHE_ENTRIES = 12;

  /** One request. {@code filterKey} identifies the filter text and dialect for the cache. */
  public record Request(Expr filter, String filterKey, OrderBy orderBy, int offset, int limit, boolean total) {}

  /** Row indexes of the page in order; totalResults is -1 when not requested. */
  public record Result(int[] indexes, boolean hasMore, long totalResults, long rowsExamined) {}

  private final Map<String, int[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };
  private final AtomicLong rowsExamined = new AtomicLong();

  /** Rows generated and tested since start (or the last reset): tests assert O(page) with it. */
  public long rowsExamined() {
    return rowsExamined.get();
  }

  public Result run(Table t, Request r) {
    long[] examined = {0};
    int[] range = keyRange(t, r.filter());
    int lo = range[0];
    int hi = range[1];
    Boolean keyOrder = keyOrder(t, r.orderBy());
    Result res;
    if (keyOrder != null && (r.filter() == null || keyBoundsOnly(t, r.filter()))) {
      // every row of [lo, hi) matches: an offset is a jump in the index, as in a database's key range scan
      res = unfiltered(t, r, lo, hi, keyOrder, examined);
    } else if (keyOrder != null && r.offset() == 0 && !r.total()) {
      res = stream(t, r, lo, hi, keyOrder, examined);
    } else {
      int[] all = matches(t, r, lo, hi, examined);
      int from = (int) Math.min(all.length, (long) r.offset());
      int to = (int) Math.min(all.length, (long) from + r.limit());
      res = new Result(Arrays.copyOfRange(all, from, to), to < all.length, r.total() ? all.length : -1, 0);
    }
    rowsExamined.addAndGet(examined[0]);
    return new Result(res.indexes(), res.hasMore(), res.totalResults(), examined[0]);
  }

  /** TRUE for key-descending, FALSE for key-ascending (or no orderBy), null for any other order. */
  private static Boolean keyOrder(Table t, OrderBy ob) {
    if (ob.isEmpty()) {
      return false;
    }
    OrderBy.Key first = ob.keys().get(0);
    // The first key attribute is unique in every table, so later sort keys never matter.
    return first.index() == t.def().indexOf(t.def().keyAttributes().get(0)) ? first.descending() : null;
  }

  private Result unfiltered(Table t, Request r, int lo, int hi, boolean desc, long[] examined) {
    int pos;
    if (!desc) {
      pos = lo + r.offset();
      while (pos < hi) {
        int want = lo + r.offset() + t.deletedBetween(lo, pos);
        if (want == pos) {
          break;
        }
        pos = want;
      }
    } else {
      pos = hi - 1 - r.offset();
      while (pos >= lo) {
        int want = hi - 1 - r.offset() - t.deletedBetween(pos + 1, hi);
        if (want == pos) {
          break;
        }
        pos = want;
      }
    }
    int[] page = collect(t, null, pos, lo, hi, desc, 0, r.limit(), examined);
    boolean more = page.length > r.limit();
    long total = r.total() ? (hi - lo) - t.deletedBetween(lo, hi) : -1;
    return new Result(more ? Arrays.copyOf(page, r.limit()) : page, more, total, 0);
  }

  private Result stream(Table t, Request r, int lo, int hi, boolean desc, long[] examined) {
    int[] page = collect(t, r.filter(), desc ? hi - 1 : lo, lo, hi, desc, r.offset(), r.limit(), examined);
    boolean more = page.length > r.limit();
    return new Result(more ? Arrays.copyOf(page, r.limit()) : page, more, -1, 0);
  }

  /** Scans from {@code start} collecting up to limit+1 matches after skipping {@code skip} matches. */
  private static int[] collect(Table t, Expr filter, int start, int lo, int hi, boolean desc, int skip, int limit,
      long[] examined) {
    int[] out = new int[Math.min(limit + 1, 1024)];
    int n = 0;
    int skipped = 0;
    for (int i = start; desc ? i >= lo : i < hi; i += desc ? -1 : 1) {
      Object[] row = t.row(i);
      if (row == null) {
        continue;
      }
      examined[0]++;
      if (filter != null && !matchesRow(t, filter, i, row)) {
        continue;
      }
      if (skipped < skip) {
        skipped++;
        continue;
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, Math.min(limit + 1, out.length * 2));
      }
      out[n++] = i;
      if (n > limit) {
        break;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static boolean matchesRow(Table t, Expr filter, int index, Object[] row) {
    return Evaluator.matches(filter, row, child -> t.children(child, index, row));
  }

  private int[] matches(Table t, Request r, int lo, int hi, long[] examined) {
    String key = t.name() + '|' + t.version() + '|' + lo + '|' + hi + '|' + r.filterKey() + '|' + r.orderBy();
    synchronized (cache) {
      int[] hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    int[] found = collect(t, r.filter(), lo, lo, hi, false, 0, Integer.MAX_VALUE - 1, examined);
    if (keyOrder(t, r.orderBy()) == Boolean.TRUE) {
      reverse(found);
    } else if (keyOrder(t, r.orderBy()) == null) {
      found = sort(t, found, r.orderBy());
    }
    synchronized (cache) {
      cache.put(key, found);
    }
    return found;
  }

  /** Sorts indexes by extracting only the sort columns (never whole rows), stable so ties keep key order. */
  private static int[] sort(Table t, int[] idx, OrderBy ob) {
    List<OrderBy.Key> keys = ob.keys();
    Object[][] cols = new Object[keys.size()][idx.length];
    for (int j = 0; j < idx.length; j++) {
      Object[] row = t.row(idx[j]);
      for (int k = 0; k < keys.size(); k++) {
        cols[k][j] = row[keys.get(k).index()];
      }
    }
    Integer[] pos = new Integer[idx.length];
    for (int j = 0; j < pos.length; j++) {
      pos[j] = j;
    }
    Arrays.sort(pos, (a, b) -> {
      for (int k = 0; k < keys.size(); k++) {
        int c = OrderBy.compareValues(cols[k][a], cols[k][b], keys.get(k).descending());
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    int[] out = new int[idx.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = idx[pos[j]];
    }
    return out;
  }

  private static void reverse(int[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      int x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
  }

  /** Index range [lo, hi) implied by comparisons on the first key attribute ANDed at the top of q. */
  static int[] keyRange(Table t, Expr filter) {
    int lo = 0;
    int hi = t.indexLimit();
    for (Expr e : conjuncts(filter)) {
      if (!keyBound(t, e)) {
        continue;
      }
      Expr.Cmp c = (Expr.Cmp) e;
      BigDecimal v = (BigDecimal) c.value();
      long floor = clamp(v.setScale(0, RoundingMode.FLOOR));
      long ceil = clamp(v.setScale(0, RoundingMode.CEILING));
      switch (c.op()) {
        case GT -> lo = Math.max(lo, t.firstIndexWithKeyAtLeast(sat(floor + 1, floor)));
        case GE -> lo = Math.max(lo, t.firstIndexWithKeyAtLeast(ceil));
        case LT -> hi = Math.min(hi, t.firstIndexWithKeyAtLeast(ceil));
        case LE -> hi = Math.min(hi, t.firstIndexWithKeyAtLeast(sat(floor + 1, floor)));
        case EQ -> {
          lo = Math.max(lo, t.firstIndexWithKeyAtLeast(ceil));
          hi = Math.min(hi, t.firstIndexWithKeyAtLeast(sat(floor + 1, floor)));
        }
        default -> { }
      }
    }
    return new int[] {lo, Math.max(lo, hi)};
  }

  /** The terms ANDed at the top of q, nested ANDs ({@code (a and b) and c}) flattened as a database would. */
  private static List<Expr> conjuncts(Expr filter) {
    if (filter == null) {
      return List.of();
    }
    if (!(filter instanceof Expr.And a)) {
      return List.of(filter);
    }
    List<Expr> out = new java.util.ArrayList<>();
    a.parts().forEach(p -> out.addAll(conjuncts(p)));
    return out;
  }

  /** A comparison of the first key attribute with a number, which {@link #keyRange} turns into index bounds. */
  private static boolean keyBound(Table t, Expr e) {
    int keyIdx = t.def().indexOf(t.def().keyAttributes().get(0));
    return e instanceof Expr.Cmp c && c.ref().child() == null && c.ref().index() == keyIdx
        && c.ref().function() == null && c.value() instanceof BigDecimal;
  }

  /** Whether q is nothing but key bounds, so exactly the rows of its key range match. */
  private static boolean keyBoundsOnly(Table t, Expr filter) {
    return conjuncts(filter).stream().allMatch(e -> keyBound(t, e) && ((Expr.Cmp) e).op() != Expr.Op.NE);
  }

  private static long sat(long plusOne, long orig) {
    return plusOne < orig ? Long.MAX_VALUE : plusOne;
  }

  private static long clamp(BigDecimal v) {
    if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return v.longValueExact();
  }
}
