package org.fusionjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;

/**
 * Binds every value setter of a PreparedStatement through {@link ParameterValues}: the value is converted to the
 * parameter's SQL type (from Calcite's parameter metadata) and bound with that type's own setter, so Calcite always
 * receives the Java type its generated code casts to.
 */
final class ParameterBinder {
  private final PreparedStatement target;
  private final ParameterValues values;
  private int[] types;

  ParameterBinder(PreparedStatement target, ParameterValues values) {
    this.target = target;
    this.values = values;
  }

  /**
   * Binds {@code value} (null for setNull) by index. {@code asGiven} is the caller's own setter call, used where
   * Calcite could not type the parameter or has no setter of the parameter's type.
   */
  void bind(int index, Object value, MappedCalls.SqlRun asGiven) throws SQLException {
    bindWithCalendar(index, value, null, Types.NULL, asGiven);
  }

  /**
   * As {@link #bind}, for setDate/setTime/setTimestamp with a calendar: {@code setterType} is the setter's type. A
   * calendar given to the setter of the parameter's own type is applied by that setter itself.
   */
  void bindWithCalendar(int index, Object value, Calendar calendar, int setterType, MappedCalls.SqlRun asGiven)
      throws SQLException {
    int type = type(index);
    if (type == Types.OTHER || type == Types.JAVA_OBJECT || calendar != null && setterType == type) {
      MappedCalls.run(asGiven);
      return;
    }
    Object converted = values.convert(value, type, index);
    if (converted == null) {
      target.setNull(index, type);
      return;
    }
    switch (type) {
      case Types.TINYINT -> target.setByte(index, (Byte) converted);
      case Types.SMALLINT -> target.setShort(index, (Short) converted);
      case Types.INTEGER -> target.setInt(index, (Integer) converted);
      case Types.BIGINT -> target.setLong(index, (Long) converted);
      case Types.DECIMAL, Types.NUMERIC -> target.setBigDecimal(index, (BigDecimal) converted);
      case Types.REAL -> target.setFloat(index, (Float) converted);
      case Types.FLOAT, Types.DOUBLE -> target.setDouble(index, (Double) converted);
      case Types.BOOLEAN, Types.BIT -> target.setBoolean(index, (Boolean) converted);
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR ->
          target.setString(index, (String) converted);
      case Types.DATE -> target.setDate(index, (Date) converted);
      case Types.TIME -> target.setTime(index, (Time) converted);
      case Types.TIMESTAMP -> target.setTimestamp(index, (Timestamp) converted);
      default -> MappedCalls.run(asGiven);
    }
  }

  private int type(int index) throws SQLException {
    if (types == null) {
      ParameterMetaData md = target.getParameterMetaData();
      int[] t = new int[md.getParameterCount()];
      for (int i = 0; i < t.length; i++) {
        t[i] = md.getParameterType(i + 1);
      }
      types = t;
    }
    if (index < 1 || index > types.length) {
      throw new SQLException("Parameter index " + index + " is out of range: the statement has " + types.length
          + " parameter(s), numbered from 1", "07009");
    }
    return types[index - 1];
  }
}
