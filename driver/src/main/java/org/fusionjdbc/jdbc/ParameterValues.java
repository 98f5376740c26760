package org.fusionjdbc.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * JDBC's conversion table for bound parameters: a value given to any setter ({@code setLong}, {@code setString},
 * {@code setObject(LocalDate)}, ...) becomes the Java value of the parameter's SQL type, as Calcite's generated code
 * expects it ({@code Integer} for {@code LIMIT ?}, {@code BigDecimal} for a DECIMAL, {@code java.sql.Date} for a
 * DATE). Calcite binds whatever it gets and fails later with a ClassCastException, often only once a row matches.
 * A value that does not convert is a {@link SQLDataException}: 22018 (not a number, date or boolean), 22003 (out of
 * the type's range, or a fraction for a whole-number type), 22007 (bad datetime text).
 *
 * <p>Instants ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}) become the wall-clock time in the
 * connection's {@code timeZone}, the zone in which the driver shows DATE and TIMESTAMP values.
 */
final class ParameterValues {
  private final ZoneId zone;

  ParameterValues(ZoneId zone) {
    this.zone = zone;
  }

  /** The value to bind for a parameter of JDBC type {@code sqlType}; null stays null. Unknown types pass as given. */
  Object convert(Object value, int sqlType, int index) throws SQLException {
    if (value == null) {
      return null;
    }
    try {
      return switch (sqlType) {
        case Types.TINYINT -> (byte) whole(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
        case Types.SMALLINT -> (short) whole(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
        case Types.INTEGER -> (int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
        case Types.BIGINT -> whole(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
        case Types.DECIMAL, Types.NUMERIC -> decimal(value);
        case Types.REAL -> (float) decimal(value).doubleValue();
        case Types.FLOAT, Types.DOUBLE -> value instanceof Double d ? d : decimal(value).doubleValue();
        case Types.BOOLEAN, Types.BIT -> bool(value);
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> text(value);
        case Types.DATE -> date(value);
        case Types.TIME -> time(value);
        case Types.TIMESTAMP -> timestamp(value);
        default -> value;
      };
    } catch (SQLDataException e) {
      throw new SQLDataException("Parameter " + index + ": " + e.getMessage(), e.getSQLState());
    }
  }

  private static long whole(Object value, long min, long max, String type) throws SQLDataException {
    BigDecimal d = decimal(value);
    BigInteger exact;
    try {
      exact = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new SQLDataException(describe(value) + " is not a whole number, so it cannot be an " + type
          + " value", "22003");
    }
    if (exact.compareTo(BigInteger.valueOf(min)) < 0 || exact.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new SQLDataException(describe(value) + " is out of the range of " + type + " (" + min + " to " + max
          + ")", "22003");
    }
    return exact.longValue();
  }

  private static BigDecimal decimal(Object value) throws SQLDataException {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof java.util.concurrent.atomic.AtomicInteger
        || value instanceof java.util.concurrent.atomic.AtomicLong) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new SQLDataException(describe(value) + " is not a finite number", "22003");
      }
      return new BigDecimal(value.toString()); // the decimal the user wrote (0.1f is 0.1, not 0.100000001)
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new SQLDataException(describe(value) + " is not a number", "22018");
      }
    }
    throw new SQLDataException("a " + value.getClass().getSimpleName() + " cannot be a number", "22018");
  }

  private static Boolean bool(Object value) throws SQLDataException {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "true", "1", "y", "yes" -> true;
        case "false", "0", "n", "no" -> false;
        default -> throw new SQLDataException(describe(value) + " is not a boolean (true or false)", "22018");
      };
    }
    if (value instanceof Number) {
      return decimal(value).signum() != 0;
    }
    throw new SQLDataException("a " + value.getClass().getSimpleName() + " cannot be a BOOLEAN value", "22018");
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[]) {
      return new String((byte[]) value, java.nio.charset.StandardCharsets.UTF_8);
    }
    return value.toString(); // java.sql.Date/Timestamp and java.time types print JDBC's and ISO's formats
  }

  private Date date(Object value) throws SQLDataException {
    if (value instanceof Date d) {
      return d;
    }
    if (value instanceof LocalDate d) {
      return Date.valueOf(d);
    }
    if (value instanceof String s) {
      String t = s.trim();
      if (t.length() != 10) {
        return Date.valueOf(parseDateTime(t).toLocalDate());
      }
      try {
        return Date.valueOf(LocalDate.parse(t));
      } catch (DateTimeParseException e) {
        throw new SQLDataException(describe(value) + " is not a date (expected yyyy-mm-dd)", "22007");
      }
    }
    LocalDateTime ldt = localDateTime(value);
    if (ldt == null) {
      throw new SQLDataException("a " + value.getClass().getSimpleName() + " cannot be a DATE value", "22018");
    }
    return Date.valueOf(ldt.toLocalDate());
  }

  private Time time(Object value) throws SQLDataException {
    if (value instanceof Time t) {
      return t;
    }
    if (value instanceof LocalTime t) {
      return Time.valueOf(t);
    }
    if (value instanceof OffsetTime t) {
      return Time.valueOf(t.withOffsetSameInstant(zone.getRules().getOffset(Instant.now())).toLocalTime());
    }
    if (value instanceof String s) {
      try {
        return Time.valueOf(LocalTime.parse(s.trim()));
      } catch (DateTimeParseException e) {
        throw new SQLDataException(describe(value) + " is not a time (expected hh:mm:ss)", "22007");
      }
    }
    LocalDateTime ldt = localDateTime(value);
    if (ldt == null) {
      throw new SQLDataException("a " + value.getClass().getSimpleName() + " cannot be a TIME value", "22018");
    }
    return Time.valueOf(ldt.toLocalTime());
  }

  private Timestamp timestamp(Object value) throws SQLDataException {
    if (value instanceof Timestamp t) {
      return t;
    }
    if (value instanceof String s) {
      return Timestamp.valueOf(parseDateTime(s.trim()));
    }
    LocalDateTime ldt = localDateTime(value);
    if (ldt == null) {
      throw new SQLDataException("a " + value.getClass().getSimpleName() + " cannot be a TIMESTAMP value", "22018");
    }
    return Timestamp.valueOf(ldt);
  }

  /** The wall-clock date-time a temporal value stands for in the connection's zone; null if it is not one. */
  private LocalDateTime localDateTime(Object value) {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(zone).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime t) {
      return t.withZoneSameInstant(zone).toLocalDateTime();
    }
    if (value instanceof Instant t) {
      return LocalDateTime.ofInstant(t, zone);
    }
    if (value instanceof java.util.Date d) { // java.util.Date and Calendar name instants
      return LocalDateTime.ofInstant(d.toInstant(), zone);
    }
    if (value instanceof java.util.Calendar c) {
      return LocalDateTime.ofInstant(c.toInstant(), zone);
    }
    return null;
  }

  /** JDBC's {@code yyyy-mm-dd hh:mm:ss[.f...]}, ISO-8601 with or without an offset, or a bare date. */
  private LocalDateTime parseDateTime(String s) throws SQLDataException {
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      String iso = s.replace(' ', 'T');
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime();
      }
      return LocalDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      throw new SQLDataException(describe(s) + " is not a timestamp (expected yyyy-mm-dd hh:mm:ss[.fff] or "
          + "ISO-8601)", "22007");
    }
  }

  /** The value for a message: user data, so shortened, never a secret (parameters carry none). */
  private static String describe(Object value) {
    String s = String.valueOf(value);
    return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
  }
}
