package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fusionjdbc.client.describe.AttributeType;

/**
 * Composite keyset continuation for a scan ordered by one non-key attribute {@code sort} with the single key as
 * tie-breaker: after a row (x, k) the rest is {@code sort > x or (sort = x and key > k)} (directions per sort key).
 * Only types whose JSON value the q literal reproduces exactly qualify (see {@link #literal}).
 *
 * @param sortPosition position of the sort attribute in the scan's wire layout
 * @param keyPosition  position of the key in the layout
 */
public record SortedKeyset(SortKey sort, AttributeType sortType, SortKey key, AttributeType keyType, int sortPosition,
    int keyPosition) {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public SortedKeyset {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(key, "key");
    if (!qualifies(sortType) || !qualifies(keyType)) {
      throw new IllegalArgumentException("no exact q literal for " + sortType + "/" + keyType);
    }
  }

  /** Types whose JSON values become q literals that mean exactly the same value. */
  static boolean qualifies(AttributeType t) {
    return t == AttributeType.INTEGER || t == AttributeType.NUMBER || t == AttributeType.STRING
        || t == AttributeType.DATE || t == AttributeType.DATETIME;
  }

  /**
   * A value of a page read as the pod means it, as recordings of real pods show them: a blank string in a non-string
   * attribute is empty (null, as Fusion sorts it), and a number attribute may come as a JSON string of the number
   * (read as a BigDecimal; left as it came when it is not one, so it has no literal).
   */
  static Object value(Object raw, AttributeType type) {
    if (type == AttributeType.STRING || !(raw instanceof String s)) {
      return raw;
    }
    if (s.isBlank()) {
      return null;
    }
    if (type == AttributeType.INTEGER || type == AttributeType.NUMBER) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        return raw;
      }
    }
    return raw;
  }

  /** The sort attribute's value in {@code row}, read by {@link #value}. */
  Object sortValue(Object[] row) {
    return value(row[sortPosition], sortType);
  }

  /** The key's value in {@code row}, read by {@link #value}. */
  Object keyValue(Object[] row) {
    return value(row[keyPosition], keyType);
  }

  /**
   * The q literal for a value parsed from a page, or null when there is none that is exact: numbers as they came
   * (Long or BigDecimal, never double), strings as strings, dates only in their plain {@code YYYY-MM-DD} form,
   * datetimes when they carry an offset ({@code Z} or {@code ±hh:mm}, any fraction up to nanoseconds): the literal
   * names the same instant in UTC with the fraction unrounded, which is what {@code A = x} compares. A datetime
   * without an offset names no instant, and a year outside 0001..9999 has no plain ISO form: none.
   */
  static QValue literal(Object value, AttributeType type) {
    switch (type) {
      case INTEGER, NUMBER -> {
        if (value instanceof Long l) {
          return QValue.of(l);
        }
        return value instanceof BigDecimal d ? QValue.of(d) : null;
      }
      case STRING -> {
        return value instanceof String s ? QValue.of(s) : null;
      }
      case DATE -> {
        if (value instanceof String s && DATE.matcher(s).matches()) {
          try {
            LocalDate d = LocalDate.parse(s);
            return d.toString().equals(s) ? QValue.of(d) : null;
          } catch (DateTimeParseException e) {
            return null; // e.g. 2024-02-30: not a date q could name
          }
        }
        return null;
      }
      case DATETIME -> {
        if (value instanceof String s) {
          try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            int year = t.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            return year >= 1 && year <= 9999 ? QValue.of(t) : null;
          } catch (DateTimeParseException e) {
            return null; // no offset, a leap second, more than nine fraction digits: not an instant q can name
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}
