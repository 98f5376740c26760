package org.fusionjdbc.calcite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;

/**
 * Comparisons between a day and an instant, rewritten as exact comparisons on the bare column: Tableau's date filter
 * on a datetime column ({@code CAST(ts AS DATE) op d}) and a date column against a timestamp
 * ({@code CAST(d AS TIMESTAMP) op t}). A null column is UNKNOWN on both sides.
 */
final class DayRanges {
  private DayRanges() {
  }

  /** {@code date(a) op d}, where {@code [from, to)} are the instants of day d. */
  static QExpr dayOfDatetime(String a, QExpr.Op op, QValue from, QValue to) {
    return switch (op) {
      case GE -> QExpr.compare(a, QExpr.Op.GE, from);
      case GT -> QExpr.compare(a, QExpr.Op.GE, to);
      case LT -> QExpr.compare(a, QExpr.Op.LT, from);
      case LE -> QExpr.compare(a, QExpr.Op.LT, to);
      case EQ -> QExpr.and(List.of(QExpr.compare(a, QExpr.Op.GE, from), QExpr.compare(a, QExpr.Op.LT, to)));
      case NE -> QExpr.or(List.of(QExpr.compare(a, QExpr.Op.LT, from), QExpr.compare(a, QExpr.Op.GE, to)));
    };
  }

  /**
   * {@code midnight(a) op t} for a date column a: a whole day compares with t as its date does, except a t inside a
   * day; null (not sayable) for equality with such a t.
   */
  static QExpr dateAgainstTimestamp(String a, QExpr.Op op, LocalDateTime t) {
    boolean midnight = t.toLocalTime().equals(LocalTime.MIDNIGHT);
    LocalDate day = t.toLocalDate();
    return switch (op) {
      case GE -> QExpr.compare(a, QExpr.Op.GE, QValue.of(midnight ? day : day.plusDays(1)));
      case GT, LE -> QExpr.compare(a, op, QValue.of(day));
      case LT -> QExpr.compare(a, midnight ? QExpr.Op.LT : QExpr.Op.LE, QValue.of(day));
      case EQ, NE -> midnight ? QExpr.compare(a, op, QValue.of(day)) : null;
    };
  }
}
