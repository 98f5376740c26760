package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * What a sliced scan learns about the integer keys it has left after its first page: how many rows remain (one
 * limit-1 request with {@code totalResults}), which sizes the chunks {@link ChunkedScan} cuts at the rows
 * themselves, or, when the pod omits the count, cuts splitting the span up to the far end into equal value ranges.
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

  static BigInteger integer(Object v) {
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    // a number as pods send it, a JSON string of one included
    if (SortedKeyset.value(v, AttributeType.INTEGER) instanceof BigDecimal d) {
      try {
        return d.toBigIntegerExact();
      } catch (ArithmeticException e) {
        // not an integer: reported below
      }
    }
    throw FusionException.of(FusionException.Kind.PROTOCOL, "an integer key came back as " + v);
  }
}
