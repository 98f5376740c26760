package org.fusionjdbc.jdbc;

import java.sql.Types;

/**
 * The type facts tools map columns by. Calcite reports its full type string ({@code VARCHAR(50) NOT NULL}) as
 * TYPE_NAME and -1 as the size of types without a precision; tools expect the bare name (as getTypeInfo and
 * ResultSetMetaData give it) and JDBC's sizes: digits for numbers, characters for dates and times.
 */
final class JdbcTypes {
  private JdbcTypes() {
  }

  /** {@code DECIMAL(18, 2) NOT NULL} becomes {@code DECIMAL}; {@code TIMESTAMP(3)} becomes {@code TIMESTAMP}. */
  static String baseName(String calciteType) {
    if (calciteType == null) {
      return null;
    }
    String name = calciteType.replace(" NOT NULL", "");
    int paren = name.indexOf('(');
    if (paren > 0) {
      int close = name.indexOf(')', paren);
      name = name.substring(0, paren) + (close > 0 ? name.substring(close + 1) : "");
    }
    return name.trim();
  }

  /** JDBC's COLUMN_SIZE: the given size where Calcite knows it, else the type's natural width. */
  static Integer columnSize(int dataType, Integer calciteSize) {
    return switch (dataType) {
      case Types.DATE -> 10;
      case Types.TIME -> 8 + fraction(calciteSize);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> 19 + fraction(calciteSize);
      case Types.BIGINT -> 19;
      case Types.INTEGER -> 10;
      case Types.SMALLINT -> 5;
      case Types.TINYINT -> 3;
      case Types.BOOLEAN, Types.BIT -> 1;
      case Types.DOUBLE, Types.FLOAT -> 15;
      case Types.REAL -> 7;
      default -> calciteSize == null || calciteSize < 0 ? null : calciteSize;
    };
  }

  /**
   * JDBC's DECIMAL_DIGITS: for TIME and TIMESTAMP the fractional-second digits, which Calcite holds as the type's
   * precision (it reports the scale, 0); for other types Calcite's answer.
   */
  static Integer decimalDigits(int dataType, Integer calciteSize, Integer calciteDigits) {
    return switch (dataType) {
      case Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          calciteSize == null || calciteSize < 0 ? calciteDigits : calciteSize;
      default -> calciteDigits;
    };
  }

  /** Display width in characters, for ResultSetMetaData. */
  static int displaySize(int dataType, int precision, int calciteDisplaySize) {
    Integer size = columnSize(dataType, precision);
    if (dataType == Types.DECIMAL || dataType == Types.NUMERIC) {
      return precision > 0 ? precision + 2 : Math.max(calciteDisplaySize, 40); // sign and decimal point
    }
    return size == null || size <= 0 ? calciteDisplaySize : Math.max(size, dataType == Types.BIGINT ? 20 : size);
  }

  private static int fraction(Integer precision) {
    return precision == null || precision <= 0 ? 0 : precision + 1;
  }
}
