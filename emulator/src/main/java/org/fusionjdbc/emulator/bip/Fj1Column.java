package org.fusionjdbc.emulator.bip;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * One column of an FJ1 header: what DBMS_SQL.DESCRIBE_COLUMNS3 would report for the column on Oracle,
 * computed from H2's metadata (H2 in Oracle mode stores DATE as TIMESTAMP(0), NUMBER as DECFLOAT).
 */
record Fj1Column(String name, String oracleType, int precision, int scale, int length, boolean nullable) {

  static final int FLOATING_SCALE = -127;

  static Fj1Column describe(ResultSetMetaData md, int i) throws SQLException {
    String name = md.getColumnLabel(i);
    boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
    String h2Type = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
    int p = md.getPrecision(i);
    int s = md.getScale(i);
    return switch (md.getColumnType(i)) {
      case Types.VARCHAR, Types.LONGVARCHAR -> new Fj1Column(name, "VARCHAR2", 0, 0, clamp(p, 32767), nullable);
      case Types.NVARCHAR, Types.LONGNVARCHAR -> new Fj1Column(name, "NVARCHAR2", 0, 0, clamp(p, 32767), nullable);
      case Types.CHAR -> new Fj1Column(name, "CHAR", 0, 0, clamp(p, 2000), nullable);
      case Types.NCHAR -> new Fj1Column(name, "NCHAR", 0, 0, clamp(p, 2000), nullable);
      case Types.NUMERIC, Types.DECIMAL -> h2Type.startsWith("DECFLOAT") || p <= 0 || p > 38
          ? number(name, 0, FLOATING_SCALE, nullable) : number(name, p, s, nullable);
      // Oracle has no integer types: ROWNUM, COUNT(*) and literals are NUMBER without precision.
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
          number(name, 0, FLOATING_SCALE, nullable);
      case Types.BOOLEAN, Types.BIT -> number(name, 1, 0, nullable);
      case Types.DOUBLE, Types.FLOAT -> new Fj1Column(name, "BINARY_DOUBLE", 0, 0, 8, nullable);
      case Types.REAL -> new Fj1Column(name, "BINARY_FLOAT", 0, 0, 4, nullable);
      case Types.DATE -> new Fj1Column(name, "DATE", 0, 0, 7, nullable);
      case Types.TIMESTAMP -> s == 0 ? new Fj1Column(name, "DATE", 0, 0, 7, nullable)
          : new Fj1Column(name, "TIMESTAMP", 0, s, 11, nullable);
      case Types.TIMESTAMP_WITH_TIMEZONE -> new Fj1Column(name, "TIMESTAMP WITH TIME ZONE", 0, s, 13, nullable);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> new Fj1Column(name, "RAW", 0, 0, clamp(p, 32767), nullable);
      case Types.BLOB -> new Fj1Column(name, "BLOB", 0, 0, 4000, nullable);
      case Types.CLOB -> new Fj1Column(name, "CLOB", 0, 0, 4000, nullable);
      case Types.NCLOB -> new Fj1Column(name, "NCLOB", 0, 0, 4000, nullable);
      default -> {
        if (h2Type.startsWith("INTERVAL YEAR") || h2Type.startsWith("INTERVAL MONTH")) {
          yield new Fj1Column(name, "INTERVAL YEAR TO MONTH", clamp(p, 9), 0, 5, nullable);
        } else if (h2Type.startsWith("INTERVAL")) {
          yield new Fj1Column(name, "INTERVAL DAY TO SECOND", clamp(p, 9), Math.max(s, 0), 11, nullable);
        }
        yield new Fj1Column(name, "OTHER", 0, 0, 0, nullable);
      }
    };
  }

  private static Fj1Column number(String name, int precision, int scale, boolean nullable) {
    return new Fj1Column(name, "NUMBER", precision, scale, 22, nullable);
  }

  private static int clamp(int value, int max) {
    return value < 0 ? 0 : Math.min(value, max);
  }

  /** The {@code C} line, without its line break. */
  String headerLine() {
    return "C\t" + Fj1Text.escape(name) + "\t" + oracleType + "\t" + precision + "\t" + scale + "\t"
        + length + "\t" + (nullable ? "Y" : "N");
  }
}
