package org.fusionjdbc.client.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;

/** A typed literal in a q expression. Rendering lives in {@link QExpr}, the one place values become text. */
public sealed interface QValue permits QValue.Str, QValue.Num, QValue.Date, QValue.DateTime, QValue.Bool {

  static QValue of(String s) {
    return new Str(s);
  }

  static QValue of(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  static QValue of(BigDecimal n) {
    return new Num(n);
  }

  static QValue of(LocalDate d) {
    return new Date(d);
  }

  static QValue of(OffsetDateTime t) {
    return new DateTime(t);
  }

  static QValue of(boolean b) {
    return new Bool(b);
  }

  /** A string, rendered single-quoted. */
  record Str(String value) implements QValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, rendered unquoted in plain (non-scientific) notation. */
  record Num(BigDecimal value) implements QValue {
    public Num {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A date, rendered {@code 'YYYY-MM-DD'}. */
  record Date(LocalDate value) implements QValue {
    public Date {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A datetime, rendered as ISO-8601 in UTC with an explicit offset, e.g. {@code '2024-01-15T10:20:30+00:00'}. */
  record DateTime(OffsetDateTime value) implements QValue {
    /** Seconds always, the fraction only when non-zero (never rounded), offset as +00:00. */
    static final DateTimeFormatter WIRE = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
        .appendPattern("xxx")
        .toFormatter(Locale.ROOT);

    public DateTime {
      Objects.requireNonNull(value, "value");
      value = value.withOffsetSameInstant(ZoneOffset.UTC);
    }
  }

  /** A boolean, rendered {@code true}/{@code false}. */
  record Bool(boolean value) implements QValue {
  }
}
