package org.fusionjdbc.client.bip;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a proxy query's result as Oracle describes it (docs/bi-publisher.md §1.3), and the Java type
 * its values arrive as: NUMBER(p,0) with p <= 18 as Long, other numbers as BigDecimal, BINARY_FLOAT/DOUBLE as
 * Float/Double, DATE and TIMESTAMP as LocalDateTime, the zoned timestamps as OffsetDateTime, intervals as
 * Period/Duration, RAW and BLOB as byte[], everything else as String.
 */
public record ProxyColumn(String name, String oracleType, int precision, int scale, int length, boolean nullable) {
  private static final Set<String> KNOWN = Set.of("VARCHAR2", "NVARCHAR2", "CHAR", "NCHAR", "NUMBER", "FLOAT",
      "BINARY_FLOAT", "BINARY_DOUBLE", "DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE",
      "TIMESTAMP WITH LOCAL TIME ZONE", "INTERVAL YEAR TO MONTH", "INTERVAL DAY TO SECOND", "RAW", "LONG", "CLOB",
      "NCLOB", "BLOB", "ROWID", "OTHER");

  public ProxyColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(oracleType, "oracleType");
    oracleType = oracleType.toUpperCase(Locale.ROOT);
    if (!KNOWN.contains(oracleType)) {
      oracleType = "OTHER"; // the format says anything else is OTHER, values as text
    }
  }

  /** Whether values fit a Java long exactly: NUMBER(p,0) with 1 <= p <= 18. */
  public boolean integral() {
    return oracleType.equals("NUMBER") && scale == 0 && precision > 0 && precision <= 18;
  }

  /** The class of non-null values of this column. */
  public Class<?> javaType() {
    return switch (oracleType) {
      case "NUMBER" -> integral() ? Long.class : BigDecimal.class;
      case "FLOAT" -> BigDecimal.class;
      case "BINARY_FLOAT" -> Float.class;
      case "BINARY_DOUBLE" -> Double.class;
      case "DATE", "TIMESTAMP" -> LocalDateTime.class;
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE" -> OffsetDateTime.class;
      case "INTERVAL YEAR TO MONTH" -> Period.class;
      case "INTERVAL DAY TO SECOND" -> Duration.class;
      case "RAW", "BLOB" -> byte[].class;
      default -> String.class;
    };
  }
}
