package org.fusionjdbc.jdbc;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Set;

/**
 * Binds every value setter of a PreparedStatement through {@link ParameterValues}: the value is converted to the
 * parameter's SQL type (from Calcite's parameter metadata) and bound with that type's own setter, so Calcite always
 * receives the Java type its generated code casts to.
 */
final class ParameterBinder {
  private static final Set<String> VALUE_SETTERS = Set.of("setBoolean", "setByte", "setShort", "setInt", "setLong",
      "setFloat", "setDouble", "setBigDecimal", "setString", "setNString", "setDate", "setTime", "setTimestamp",
      "setObject", "setNull");

  private final PreparedStatement target;
  private final ParameterValues values;
  private int[] types;

  ParameterBinder(PreparedStatement target, ParameterValues values) {
    this.target = target;
    this.values = values;
  }

  /** Whether this call binds a value by index (the setters of streams, arrays and LOBs go to Calcite as they are). */
  boolean binds(Method method, Object[] args) {
    return VALUE_SETTERS.contains(method.getName()) && args != null && args.length >= 2 && args[0] instanceof Integer;
  }

  void bind(Method method, Object[] args) throws SQLException {
    int index = (Integer) args[0];
    int type = type(index);
    String name = method.getName();
    boolean withCalendar = args.length == 3 && args[2] instanceof java.util.Calendar;
    if (type == Types.OTHER || type == Types.JAVA_OBJECT || withCalendar && sameType(name, type)) {
      invoke(method, args); // a parameter Calcite could not type, or a calendar the setter must apply itself
      return;
    }
    Object value = name.equals("setNull") ? null : args[1];
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
      default -> invoke(method, args);
    }
  }

  private static boolean sameType(String setter, int type) {
    return setter.equals("setDate") && type == Types.DATE || setter.equals("setTime") && type == Types.TIME
        || setter.equals("setTimestamp") && type == Types.TIMESTAMP;
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

  private void invoke(Method method, Object[] args) throws SQLException {
    try {
      method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw SqlErrors.map(e.getCause());
    } catch (IllegalAccessException e) {
      throw SqlErrors.map(e);
    }
  }
}
