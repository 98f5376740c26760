package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.fusionjdbc.client.describe.AttributeType;

/**
 * Notices a server that sorts and compares a datetime by more precision than it writes (stored 10:20:30.7, written
 * 10:20:30): then {@code A = x} never holds for the row's own value and the composite anchor is wrong (ascending
 * it repeats the rows of the anchor's second, descending it skips them). Two signs, both read from the JSON only:
 * the anchor row itself comes back with its value unchanged, or within one written instant the server's order is
 * not the key order (numeric keys only: the server orders those the way Java does).
 */
final class PrecisionGuard {
  private final SortedKeyset s;

  PrecisionGuard(SortedKeyset s) {
    this.s = s;
  }

  /** Whether the guard applies: only datetimes can be written with less precision than they hold. */
  boolean active() {
    return s.sortType() == AttributeType.DATETIME;
  }

  /**
   * @param anchorRow the row the request's composite anchor was built from, or null
   * @param rows      the non-null rows of a page, in the server's order
   * @return whether they show the server's values to be finer than their JSON
   */
  boolean finer(Object[] anchorRow, List<Object[]> rows) {
    if (!active()) {
      return false;
    }
    Object[] prev = anchorRow;
    Instant prevAt = anchorRow == null ? null : instant(anchorRow);
    for (Object[] r : rows) {
      Instant at = instant(r);
      if (at == null) {
        return false; // a value with no exact reading: the continuation already counts by offset there
      }
      if (prevAt != null && prevAt.equals(at)) {
        Object k0 = prev[s.keyPosition()];
        Object k = r[s.keyPosition()];
        if (Objects.equals(k0, k) || outOfKeyOrder(k0, k)) {
          return true;
        }
      }
      prev = r;
      prevAt = at;
    }
    return false;
  }

  private boolean outOfKeyOrder(Object k0, Object k) {
    BigDecimal a = decimal(k0);
    BigDecimal b = decimal(k);
    if (a == null || b == null) {
      return false; // string keys: the server's collation is not ours to second-guess
    }
    int c = a.compareTo(b);
    return s.key().descending() ? c < 0 : c > 0;
  }

  private static BigDecimal decimal(Object v) {
    return v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal d ? d : null;
  }

  private Instant instant(Object[] row) {
    if (row[s.sortPosition()] instanceof String text) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
