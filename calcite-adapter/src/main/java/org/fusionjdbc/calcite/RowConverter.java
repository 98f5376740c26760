package org.fusionjdbc.calcite;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The one place JSON scalars from the client become Calcite's internal values: DATE int days, TIMESTAMP
 * long millis (wall clock in the connection's zone), DECIMAL BigDecimal, BIGINT long, VARCHAR String, BOOLEAN
 * Boolean.
 *
 * <p>Lenient in exactly the ways real pods need (docs/fusion-rest-contract.md §6): datetimes with or
 * without a fraction and with any offset, numbers in exponent form, numeric attributes sent as JSON strings,
 * {@code ""} or blank for an empty non-string value (read as NULL, one debug line per column), booleans as
 * {@code true/false} or {@code Y/N}. Exact throughout: numbers go from their JSON text to BigDecimal or long, never
 * through double. A value that still cannot be read fails with a {@link WireValueException} naming the resource,
 * the attribute and the value.
 */
final class RowConverter {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.calcite");

  private final ZoneId zone;
  private final String resource;
  /** Columns whose empty value was already logged, so a scan of a million rows logs one line per column. */
  private final Set<String> loggedEmpty = ConcurrentHashMap.newKeySet();
  /** The zone's offset when it has one fixed offset (then {@link IsoTimes} applies), else null. */
  private final Integer fixedOffsetSeconds;

  RowConverter(ZoneId zone) {
    this(zone, "?");
  }

  /** {@code resource}: the table's name, for error messages. */
  RowConverter(ZoneId zone, String resource) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.fixedOffsetSeconds = zone.getRules().isFixedOffset()
        ? zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() : null;
  }

  Object convert(FusionColumn column, Object v) {
    if (v == null) {
      return null;
    }
    SqlTypeName type = FusionTypes.sqlTypeName(column.attribute());
    if (type != SqlTypeName.VARCHAR && v instanceof String s && s.isBlank()) {
      return empty(column, type);
    }
    try {
      return switch (type) {
        case VARCHAR -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        case BIGINT -> v instanceof Long l ? l
            : v instanceof BigDecimal d ? d.longValueExact()
            : v instanceof String s ? new BigDecimal(s.trim()).longValueExact() : fail(column, v, null);
        case DECIMAL -> v instanceof BigDecimal d ? scaled(column, d)
            : v instanceof Long l ? scaled(column, BigDecimal.valueOf(l))
            : v instanceof String s ? scaled(column, new BigDecimal(s.trim())) : fail(column, v, null);
        case BOOLEAN -> v instanceof Boolean b ? b : bool(column, v);
        case DATE -> v instanceof String s ? (int) epochDay(s.trim()) : fail(column, v, null);
        case TIMESTAMP -> v instanceof String s ? timestampMillis(s.trim()) : fail(column, v, null);
        default -> fail(column, v, null);
      };
    } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
      return fail(column, v, e);
    }
  }

  /**
   * The same number whatever its wire form: {@code 1.25E+3}, {@code "1250"} and {@code 1250.00} all read as the
   * column's scale when that is exact (else as sent), and an exponent form never reaches a user as such.
   */
  private static BigDecimal scaled(FusionColumn column, BigDecimal d) {
    int scale = column.attribute().scale().orElse(Math.max(d.scale(), 0));
    if (d.scale() == scale) {
      return d;
    }
    try {
      return d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    } catch (ArithmeticException moreDigitsThanDescribed) {
      return d.scale() < 0 ? d.setScale(0) : d;
    }
  }

  private Object empty(FusionColumn column, SqlTypeName type) {
    if (loggedEmpty.add(column.name())) {
      LOG.fine(() -> "resource " + resource + ": attribute " + column.name() + " (" + type
          + ") came as an empty string; read as NULL (logged once per column and statement)");
    }
    return null;
  }

  private Boolean bool(FusionColumn column, Object v) {
    if (v instanceof String s) {
      switch (s.trim().toUpperCase(Locale.ROOT)) {
        case "TRUE", "Y" -> {
          return Boolean.TRUE;
        }
        case "FALSE", "N" -> {
          return Boolean.FALSE;
        }
        default -> {
        }
      }
    }
    return (Boolean) fail(column, v, null);
  }

  private static long epochDay(String s) {
    long fast = IsoTimes.epochDay(s);
    return fast != IsoTimes.UNKNOWN ? fast : date(s).toEpochDay();
  }

  private static LocalDate date(String s) {
    // Some pods write dates as datetimes; the date part (in the offset it was written with) is the value.
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  private long timestampMillis(String s) {
    if (fixedOffsetSeconds != null) {
      long fast = IsoTimes.localMillis(s, fixedOffsetSeconds);
      if (fast != IsoTimes.UNKNOWN) {
        return fast;
      }
    }
    LocalDateTime local;
    if (s.length() == 10) {
      local = LocalDate.parse(s).atStartOfDay(); // a date-only value in a datetime attribute: midnight
    } else if (hasOffset(s)) {
      // Any offset (+00:00 usually, -07:00 occurs), with or without a fraction of any length.
      local = OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime();
    } else {
      local = LocalDateTime.parse(s); // no offset on the wire: UTC by contract
      local = local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }
    return local.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** An offset follows the time: {@code Z}, or a sign after the 'T' (the date's own '-' come before it). */
  private static boolean hasOffset(String s) {
    int t = s.indexOf('T');
    if (t < 0) {
      return false;
    }
    return s.endsWith("Z") || s.endsWith("z") || s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
  }

  private Object fail(FusionColumn column, Object v, Throwable cause) {
    SqlTypeName type = FusionTypes.sqlTypeName(column.attribute());
    String shown = String.valueOf(v);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    String state = type == SqlTypeName.DATE || type == SqlTypeName.TIMESTAMP ? WireValueException.DATETIME
        : cause instanceof ArithmeticException && (type == SqlTypeName.BIGINT) && wholeNumber(v)
            ? WireValueException.OUT_OF_RANGE : WireValueException.NOT_A_VALUE;
    throw new WireValueException("Cannot read a value of resource " + resource + ": attribute " + column.name()
        + " is " + type + " (describe type " + column.attribute().type().name().toLowerCase(Locale.ROOT)
        + ") but Fusion sent " + v.getClass().getSimpleName() + " '" + shown + "'; check the resource's describe or "
        + "report the pod's value format", state, cause);
  }

  private static boolean wholeNumber(Object v) {
    try {
      BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(v).trim());
      return d.stripTrailingZeros().scale() <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
