package org.fusionjdbc.calcite.bip;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * A forward-only ResultSet over a {@link Cursor}, with the getters Calcite's generated code calls. Values
 * convert from the proxy's Java types: numbers to any numeric getter, DATE/TIMESTAMP (LocalDateTime) to
 * java.sql values on the JVM's clock as Calcite expects, zoned timestamps in UTC, RAW as hex, intervals as
 * ISO-8601 text. {@link #getObject(int)} gives numbers as BigDecimal, as Calcite reads DECIMAL columns that way.
 */
final class CursorResultSet {
  private final Cursor cursor;
  private final Statement statement;
  private final ResultSet proxy;
  private Object[] row;
  private boolean wasNull;
  private boolean closed;

  CursorResultSet(Cursor cursor, Statement statement) {
    this.cursor = Objects.requireNonNull(cursor, "cursor");
    this.statement = statement;
    this.proxy = JdbcShim.of(ResultSet.class, this);
  }

  ResultSet proxy() {
    return proxy;
  }

  public boolean next() throws SQLException {
    if (closed) {
      throw new SQLException("the result set is closed");
    }
    if (cursor.next()) {
      row = cursor.row();
      return true;
    }
    row = null;
    return false;
  }

  public void close() {
    closed = true;
    cursor.close();
  }

  public boolean isClosed() {
    return closed;
  }

  public Statement getStatement() {
    return statement;
  }

  public boolean wasNull() {
    return wasNull;
  }

  public int getType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  public int getConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  public void setFetchSize(int rows) {
    // Windows have the configured size.
  }

  public int getFetchSize() {
    return 0;
  }

  public int findColumn(String label) throws SQLException {
    List<ProxyColumn> columns = cursor.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("no column " + label);
  }

  private Object value(int index) throws SQLException {
    if (row == null) {
      throw new SQLException("no current row: call next() first");
    }
    if (index < 1 || index > row.length) {
      throw new SQLException("column index " + index + " is out of range 1.." + row.length);
    }
    Object v = row[index - 1];
    wasNull = v == null;
    return v;
  }

  public Object getObject(int index) throws SQLException {
    Object v = value(index);
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
      return new BigDecimal(v.toString()); // Calcite reads only DECIMAL (and text) columns with getObject
    }
    if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
      return getTimestamp(index);
    }
    if (v instanceof byte[] || v instanceof java.time.Period || v instanceof java.time.Duration) {
      return getString(index);
    }
    return v;
  }

  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  public String getString(int index) throws SQLException {
    Object v = value(index);
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().withUpperCase().formatHex(b);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  private Number number(int index) throws SQLException {
    Object v = value(index);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new SQLException("column " + index + " is not a number: " + v, "22018");
    }
  }

  public long getLong(int index) throws SQLException {
    Number n = number(index);
    return n == null ? 0 : n.longValue();
  }

  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  public int getInt(int index) throws SQLException {
    Number n = number(index);
    return n == null ? 0 : n.intValue();
  }

  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  public short getShort(int index) throws SQLException {
    Number n = number(index);
    return n == null ? 0 : n.shortValue();
  }

  public byte getByte(int index) throws SQLException {
    Number n = number(index);
    return n == null ? 0 : n.byteValue();
  }

  public double getDouble(int index) throws SQLException {
    Number n = number(index);
    return n == null ? 0 : n.doubleValue();
  }

  public float getFloat(int index) throws SQLException {
    Number n = number(index);
    return n == null ? 0 : n.floatValue();
  }

  public boolean getBoolean(int index) throws SQLException {
    Object v = value(index);
    if (v == null) {
      return false;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    String s = v.toString().trim();
    return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("Y") || s.equals("1");
  }

  public BigDecimal getBigDecimal(int index) throws SQLException {
    Number n = number(index);
    if (n == null || n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    return n instanceof Long || n instanceof Integer ? BigDecimal.valueOf(n.longValue())
        : new BigDecimal(n.toString());
  }

  private LocalDateTime dateTime(int index) throws SQLException {
    Object v = value(index);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime t) {
      return t;
    }
    if (v instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    try {
      return LocalDateTime.parse(v.toString().trim().replace(' ', 'T'));
    } catch (java.time.format.DateTimeParseException e) {
      throw new SQLException("column " + index + " is not a date/time: " + v, "22007");
    }
  }

  public Timestamp getTimestamp(int index) throws SQLException {
    LocalDateTime t = dateTime(index);
    return t == null ? null : Timestamp.valueOf(t);
  }

  public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
    return getTimestamp(index);
  }

  public Date getDate(int index) throws SQLException {
    LocalDateTime t = dateTime(index);
    return t == null ? null : Date.valueOf(t.toLocalDate());
  }

  public Date getDate(int index, Calendar calendar) throws SQLException {
    return getDate(index);
  }

  public Time getTime(int index) throws SQLException {
    LocalDateTime t = dateTime(index);
    return t == null ? null : Time.valueOf(t.toLocalTime());
  }

  public Time getTime(int index, Calendar calendar) throws SQLException {
    return getTime(index);
  }

  public ResultSetMetaData getMetaData() {
    return JdbcShim.of(ResultSetMetaData.class, new Meta(cursor.columns()));
  }

  /** Column descriptions from the proxy's metadata, typed by {@link OracleTypes}. */
  static final class Meta {
    private final List<ProxyColumn> columns;

    Meta(List<ProxyColumn> columns) {
      this.columns = columns;
    }

    private ProxyColumn column(int index) throws SQLException {
      if (index < 1 || index > columns.size()) {
        throw new SQLException("column index " + index + " is out of range 1.." + columns.size());
      }
      return columns.get(index - 1);
    }

    private OracleTypes.SqlType type(int index) throws SQLException {
      ProxyColumn c = column(index);
      return OracleTypes.map(c.oracleType(), c.length(), c.precision(), c.scale());
    }

    public int getColumnCount() {
      return columns.size();
    }

    public String getColumnName(int index) throws SQLException {
      return column(index).name();
    }

    public String getColumnLabel(int index) throws SQLException {
      return column(index).name();
    }

    public int getColumnType(int index) throws SQLException {
      return type(index).jdbcType();
    }

    public String getColumnTypeName(int index) throws SQLException {
      return type(index).name();
    }

    public int getPrecision(int index) throws SQLException {
      return Math.max(0, type(index).size());
    }

    public int getScale(int index) throws SQLException {
      return type(index).digits();
    }

    public int isNullable(int index) throws SQLException {
      return column(index).nullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls;
    }
  }
}
