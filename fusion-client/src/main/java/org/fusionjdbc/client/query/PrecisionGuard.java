package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusionjdbc.client.describe.AttributeType;

/**
 * Notices a server that sorts and compares a datetime by more precision than it writes (stored 10:20:30.7, written
 * 10:20:30): then {@code A = x} never holds for the row's own value and the composite anchor is wrong (ascending
 * it repeats the rows of the anchor's second, descending it skips them). Two signs, both read from the JSON only:
 * the anchor row itself comes back with its value unchanged, or within one written instant the server's order is
 * not the key order (numeric keys only: the server orders those the way Java does). Descending, the misses
 * would happen before any sign, so each descending anchor also asks for its written instant's window
 * ({@link #windowEnd}): rows held inside it come back (the anchor row first among them), and those written after
 * the anchor's instant were returned before ({@link #writtenAfter}).
 */
final class PrecisionGuard {
  private static final Pattern TIME = Pattern.compile("T\\d{2}:\\d{2}(:\\d{2}(?:\\.(\\d{1,9}))?)?");
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

  /**
   * The end of the window of instants a row's written value may stand for if the server cuts what it holds to
   * what it writes: x plus one unit of the last digit written (a second without a fraction, a millisecond with
   * three digits); null when the guard does not apply or the value is unreadable.
   */
  OffsetDateTime windowEnd(Object[] row) {
    if (!active() || !(row[s.sortPosition()] instanceof String text)) {
      return null;
    }
    Matcher m = TIME.matcher(text);
    if (!m.find()) {
      return null;
    }
    Duration unit = m.group(1) == null ? Duration.ofMinutes(1)
        : m.group(2) == null ? Duration.ofSeconds(1) : Duration.ofNanos(pow10(9 - m.group(2).length()));
    try {
      return OffsetDateTime.parse(text).plus(unit);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** How many rows, from the start, were written at a later instant than the anchor row (descending windows). */
  int writtenAfter(Object[] anchorRow, List<Object[]> rows) {
    Instant x = instant(anchorRow);
    int n = 0;
    while (x != null && n < rows.size()) {
      Instant at = instant(rows.get(n));
      if (at == null || !at.isAfter(x)) {
        break;
      }
      n++;
    }
    return n;
  }

  private static long pow10(int e) {
    long r = 1;
    for (int i = 0; i < e; i++) {
      r *= 10;
    }
    return r;
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
