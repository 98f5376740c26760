package org.fusionjdbc.emulator.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Comparison of attribute values as Oracle SQL does it (numbers numerically, strings by binary order). */
public final class Values {
  private Values() {}

  /** Compares two non-null values of the same attribute type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number || b instanceof Number) {
      return toDecimal(a).compareTo(toDecimal(b));
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof Comparable x && a.getClass() == b.getClass()) {
      return x.compareTo(b);
    }
    throw new IllegalArgumentException("cannot compare " + a.getClass() + " with " + b.getClass());
  }

  static BigDecimal toDecimal(Object o) {
    if (o instanceof BigDecimal d) {
      return d;
    }
    if (o instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    throw new IllegalArgumentException("not a number: " + o);
  }
}
