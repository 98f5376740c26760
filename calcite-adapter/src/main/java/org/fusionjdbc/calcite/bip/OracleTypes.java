package org.fusionjdbc.calcite.bip;

import java.sql.Types;
import java.util.Locale;

/**
 * The one mapping from Oracle column types (data dictionary or proxy metadata) to the SQL types Calcite sees.
 * NUMBER(p,0) with p <= 18 is BIGINT; other constrained numbers DECIMAL(p,s) (capped at Calcite's precision
 * 19); unconstrained NUMBER and FLOAT are DECIMAL(19,9), as REST numbers without precision; DATE (which has a
 * time part) is TIMESTAMP(0); timestamps are TIMESTAMP(3), zoned ones read in UTC; LOBs, intervals, RAW
 * (hex text), ROWID and unknown types are VARCHAR, so no ANY column reaches a user.
 */
final class OracleTypes {
  static final int MAX_PRECISION = 19;
  static final int DEFAULT_SCALE = 9;

  /** JDBC type, its name, COLUMN_SIZE (-1 when unbounded) and DECIMAL_DIGITS. */
  record SqlType(int jdbcType, String name, int size, int digits) {
  }

  private OracleTypes() {
  }

  /**
   * @param oracleType as ALL_TAB_COLUMNS.DATA_TYPE ({@code TIMESTAMP(6) WITH TIME ZONE}) or the proxy's type
   * @param precision null or 0 when unconstrained
   * @param scale null when absent; -127 means floating
   */
  static SqlType map(String oracleType, int length, Integer precision, Integer scale) {
    String base = oracleType.toUpperCase(Locale.ROOT).replaceAll("\\(\\d+\\)", "").trim();
    return switch (base) {
      case "NUMBER" -> number(precision, scale);
      case "FLOAT" -> new SqlType(Types.DECIMAL, "DECIMAL", MAX_PRECISION, DEFAULT_SCALE);
      case "BINARY_FLOAT" -> new SqlType(Types.REAL, "REAL", 0, 0);
      case "BINARY_DOUBLE" -> new SqlType(Types.DOUBLE, "DOUBLE", 0, 0);
      case "VARCHAR2", "NVARCHAR2" -> new SqlType(Types.VARCHAR, "VARCHAR", length > 0 ? length : -1, 0);
      case "CHAR", "NCHAR" -> length > 0 ? new SqlType(Types.CHAR, "CHAR", length, 0)
          : new SqlType(Types.VARCHAR, "VARCHAR", -1, 0);
      case "DATE" -> new SqlType(Types.TIMESTAMP, "TIMESTAMP", 0, 0);
      case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE" ->
          new SqlType(Types.TIMESTAMP, "TIMESTAMP", 0, 3);
      default -> new SqlType(Types.VARCHAR, "VARCHAR", -1, 0);
    };
  }

  private static SqlType number(Integer precision, Integer scale) {
    if (precision == null || precision <= 0) {
      return new SqlType(Types.DECIMAL, "DECIMAL", MAX_PRECISION, DEFAULT_SCALE);
    }
    int s = scale == null ? 0 : scale;
    if (s == 0 && precision <= 18) {
      return new SqlType(Types.BIGINT, "BIGINT", 0, 0);
    }
    if (s < 0) {
      return new SqlType(Types.DECIMAL, "DECIMAL", MAX_PRECISION, DEFAULT_SCALE);
    }
    int p = Math.min(precision, MAX_PRECISION);
    return new SqlType(Types.DECIMAL, "DECIMAL", p, Math.min(s, p));
  }
}
