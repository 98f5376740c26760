package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * Where to cut the integer keys a sliced scan has left after its first page. Real Fusion ids cluster (values around
 * 1e14 and 3e14 in one resource), so cutting the key range into equal value spans leaves slices empty and one slice
 * with most rows. With a row count ({@code totalResults}), the cuts are the keys at the remaining rows' quantiles:
 * one {@code offset=o&limit=1} request per cut, all sent at once, so planning costs one round trip as before. The
 * rows between two cuts are read by keyset paging as always; a cut that is off (rows changed meanwhile, an estimated
 * total) only unbalances the slices, it never loses or repeats a row. Without a count, the span up to the far end is
 * cut into equal value ranges.
 */
final class SliceCuts {
  private final QuerySpec spec;
  private final QDialect dialect;
  private final String key;
  private final boolean desc;
  private final BigInteger last;
  private final Function<List<Param>, Page> get;

  /**
   * @param last the last key of the first page; the remaining keys lie above it (below when {@code desc})
   * @param get  sends one request of the scan's resource and reads its rows with the key as the only field
   */
  SliceCuts(QuerySpec spec, QDialect dialect, String key, boolean desc, BigInteger last,
      Function<List<Param>, Page> get) {
    this.spec = spec;
    this.dialect = dialect;
    this.key = key;
    this.desc = desc;
    this.last = last;
    this.get = get;
  }

  /** How many rows remain after the first page (totalResults of a limit-1 request), or null when the pod omits it. */
  Long remaining() {
    List<Param> params = remainder(desc ? ":desc" : ":asc");
    params.add(new Param("totalResults", "true"));
    return get.apply(params).totalResults();
  }

  /** Up to {@code n - 1} distinct cut keys, ascending, at the quantiles of {@code remaining} rows. */
  List<BigInteger> quantiles(long remaining, int n, ExecutorService executor) {
    List<Future<Page>> probes = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      long offset = remaining * i / n;
      if (offset < 1) {
        continue;
      }
      List<Param> params = remainder(desc ? ":desc" : ":asc");
      params.add(new Param("offset", Long.toString(offset)));
      probes.add(executor.submit(() -> get.apply(params)));
    }
    TreeSet<BigInteger> cuts = new TreeSet<>();
    for (Future<Page> f : probes) {
      Page p = await(f);
      if (!p.rows().isEmpty()) {
        cuts.add(integer(p.rows().get(0)[0]));
      }
    }
    return List.copyOf(cuts);
  }

  /** Up to {@code n - 1} cut keys splitting the remaining key span into equal value ranges (no count known). */
  List<BigInteger> evenValues(int n) {
    Page far = get.apply(remainder(desc ? ":asc" : ":desc"));
    if (far.rows().isEmpty()) {
      return List.of();
    }
    BigInteger farKey = integer(far.rows().get(0)[0]);
    BigInteger lo = desc ? farKey : last.add(BigInteger.ONE); // remaining keys, inclusive range
    BigInteger hi = desc ? last.subtract(BigInteger.ONE) : farKey;
    BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
    int parts = span.signum() <= 0 ? 1 : (int) Math.min(n, span.min(BigInteger.valueOf(1 << 20)).longValue());
    List<BigInteger> cuts = new ArrayList<>();
    for (int i = 1; i < parts; i++) {
      cuts.add(lo.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(parts))));
    }
    return cuts;
  }

  /** A limit-1 request for the first remaining key in the given direction. */
  private List<Param> remainder(String direction) {
    List<QExpr> terms = new ArrayList<>();
    spec.filter().ifPresent(terms::add);
    terms.add(QExpr.compare(key, desc ? QExpr.Op.LT : QExpr.Op.GT, QValue.of(new BigDecimal(last))));
    List<Param> params = new ArrayList<>();
    params.add(new Param("q", QExpr.and(terms).render(dialect)));
    params.add(new Param("fields", key));
    params.add(new Param("orderBy", key + direction));
    params.add(new Param("limit", "1"));
    params.add(new Param("onlyData", "true"));
    return params;
  }

  private static Page await(Future<Page> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FusionException.of(FusionException.Kind.CANCELLED, "interrupted while planning slices", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw FusionException.of(FusionException.Kind.PROTOCOL, "planning slices failed", e.getCause());
    }
  }

  static BigInteger integer(Object v) {
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof BigDecimal d) {
      return d.toBigIntegerExact();
    }
    throw FusionException.of(FusionException.Kind.PROTOCOL, "an integer key came back as " + v);
  }
}
