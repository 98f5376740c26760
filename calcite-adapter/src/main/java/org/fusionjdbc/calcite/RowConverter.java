package org.fusionjdbc.calcite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The one place JSON scalars from the client become Calcite's internal values: DATE int days, TIMESTAMP
 * long millis (wall clock in the connection's zone; the wire is UTC), DECIMAL BigDecimal, BIGINT long,
 * VARCHAR String, BOOLEAN Boolean. A value that does not fit its column fails with a message naming both.
 */
final class RowConverter {
  private final ZoneId zone;
  /** The zone's offset when it has one fixed offset (then {@link IsoTimes} applies), else null. */
  private final Integer fixedOffsetSeconds;

  RowConverter(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.fixedOffsetSeconds = zone.getRules().isFixedOffset()
        ? zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() : null;
  }

  Object convert(FusionColumn column, Object v) {
    if (v == null) {
      return null;
    }
    SqlTypeName type = FusionTypes.sqlTypeName(column.attribute());
    try {
      return switch (type) {
        case VARCHAR -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        case BIGINT -> v instanceof Long l ? l
            : v instanceof BigDecimal d ? d.longValueExact()
            : v instanceof String s ? Long.parseLong(s.trim()) : fail(column, v);
        case DECIMAL -> v instanceof BigDecimal d ? d
            : v instanceof Long l ? BigDecimal.valueOf(l)
            : v instanceof String s ? new BigDecimal(s.trim()) : fail(column, v);
        case BOOLEAN -> v instanceof Boolean b ? b
            : "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : fail(column, v);
        case DATE -> v instanceof String s ? (int) epochDay(s) : fail(column, v);
        case TIMESTAMP -> v instanceof String s ? timestampMillis(s) : fail(column, v);
        default -> fail(column, v);
      };
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      return fail(column, v);
    }
  }

  private static long epochDay(String s) {
    long fast = IsoTimes.epochDay(s);
    return fast != IsoTimes.UNKNOWN ? fast : date(s).toEpochDay();
  }

  private static LocalDate date(String s) {
    // Some pods write dates as datetimes; the date part is the value.
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
    boolean offset = s.length() > 10 && (s.endsWith("Z") || s.indexOf('+', 10) > 0 || s.indexOf('-', 10) > 0);
    if (offset) {
      local = OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime();
    } else if (s.length() == 10) {
      local = LocalDate.parse(s).atStartOfDay();
    } else {
      local = LocalDateTime.parse(s); // no offset on the wire: UTC by contract
      local = local.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }
    return local.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static Object fail(FusionColumn column, Object v) {
    String shown = String.valueOf(v);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    throw new IllegalStateException("column " + column.name() + " is " + FusionTypes.sqlTypeName(column.attribute())
        + " but Fusion sent " + v.getClass().getSimpleName() + " '" + shown
        + "'; check the resource's describe or report the pod's value format");
  }
}
