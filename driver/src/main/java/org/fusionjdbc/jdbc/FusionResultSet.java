package org.fusionjdbc.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Calcite result set as the driver hands it out: {@link #getStatement()} is the driver's statement, the metadata
 * reports JDBC's display sizes, and every failure is mapped by {@link SqlErrors}. Everything else is plain
 * delegation. The row path (navigation and getters) maps failures in place, so a call costs no reflection and no
 * allocation; the update methods, which Calcite refuses, go through {@link MappedCalls}.
 */
final class FusionResultSet implements ResultSet {
  private final ResultSet target;
  private final Statement statement;
  /** Warnings the driver adds before Calcite's own (metadata results: the schemas' discovery warnings). */
  private Supplier<SQLWarning> warnings;

  FusionResultSet(ResultSet target, Statement statement, Supplier<SQLWarning> warnings) {
    this.target = target;
    this.statement = statement;
    this.warnings = warnings;
  }

  @Override
  public String toString() {
    return "FusionResultSet";
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    // tools reach Calcite's own objects through unwrap, as they would on Calcite's driver
    return iface.isInstance(this) ? iface.cast(this) : MappedCalls.call(() -> target.unwrap(iface));
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || MappedCalls.call(() -> target.isWrapperFor(iface));
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    Supplier<SQLWarning> ours = warnings;
    SQLWarning calcite = MappedCalls.call(target::getWarnings);
    return ours == null ? calcite : SchemaWarnings.chain(ours.get(), calcite);
  }

  @Override
  public void clearWarnings() throws SQLException {
    warnings = null;
    MappedCalls.run(target::clearWarnings);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    ResultSetMetaData md = MappedCalls.call(target::getMetaData);
    return md == null ? null : new FusionResultSetMetaData(md);
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return target.next();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      target.close();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean wasNull() throws SQLException {
    try {
      return target.wasNull();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    try {
      return target.getString(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    try {
      return target.getBoolean(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    try {
      return target.getByte(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    try {
      return target.getShort(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    try {
      return target.getInt(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    try {
      return target.getLong(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    try {
      return target.getFloat(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    try {
      return target.getDouble(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    try {
      return target.getBigDecimal(columnIndex, scale);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    try {
      return target.getBytes(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    try {
      return target.getDate(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    try {
      return target.getTime(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    try {
      return target.getTimestamp(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    try {
      return target.getAsciiStream(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    try {
      return target.getUnicodeStream(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    try {
      return target.getBinaryStream(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public String getString(String columnLabel) throws SQLException {
    try {
      return target.getString(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    try {
      return target.getBoolean(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    try {
      return target.getByte(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    try {
      return target.getShort(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    try {
      return target.getInt(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    try {
      return target.getLong(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    try {
      return target.getFloat(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    try {
      return target.getDouble(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    try {
      return target.getBigDecimal(columnLabel, scale);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    try {
      return target.getBytes(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    try {
      return target.getDate(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    try {
      return target.getTime(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    try {
      return target.getTimestamp(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    try {
      return target.getAsciiStream(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    try {
      return target.getUnicodeStream(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    try {
      return target.getBinaryStream(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public String getCursorName() throws SQLException {
    try {
      return target.getCursorName();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    try {
      return target.getObject(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    try {
      return target.getObject(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    try {
      return target.findColumn(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    try {
      return target.getCharacterStream(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    try {
      return target.getCharacterStream(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    try {
      return target.getBigDecimal(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    try {
      return target.getBigDecimal(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    try {
      return target.isBeforeFirst();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    try {
      return target.isAfterLast();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean isFirst() throws SQLException {
    try {
      return target.isFirst();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean isLast() throws SQLException {
    try {
      return target.isLast();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void beforeFirst() throws SQLException {
    try {
      target.beforeFirst();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void afterLast() throws SQLException {
    try {
      target.afterLast();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean first() throws SQLException {
    try {
      return target.first();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean last() throws SQLException {
    try {
      return target.last();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getRow() throws SQLException {
    try {
      return target.getRow();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    try {
      return target.absolute(row);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    try {
      return target.relative(rows);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean previous() throws SQLException {
    try {
      return target.previous();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    try {
      target.setFetchDirection(direction);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    try {
      return target.getFetchDirection();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    try {
      target.setFetchSize(rows);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getFetchSize() throws SQLException {
    try {
      return target.getFetchSize();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getType() throws SQLException {
    try {
      return target.getType();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public int getConcurrency() throws SQLException {
    try {
      return target.getConcurrency();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return MappedCalls.call(target::rowUpdated);
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return MappedCalls.call(target::rowInserted);
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return MappedCalls.call(target::rowDeleted);
  }

  @Override
  public void updateNull(int columnIndex) throws SQLException {
    MappedCalls.run(() -> target.updateNull(columnIndex));
  }

  @Override
  public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    MappedCalls.run(() -> target.updateBoolean(columnIndex, x));
  }

  @Override
  public void updateByte(int columnIndex, byte x) throws SQLException {
    MappedCalls.run(() -> target.updateByte(columnIndex, x));
  }

  @Override
  public void updateShort(int columnIndex, short x) throws SQLException {
    MappedCalls.run(() -> target.updateShort(columnIndex, x));
  }

  @Override
  public void updateInt(int columnIndex, int x) throws SQLException {
    MappedCalls.run(() -> target.updateInt(columnIndex, x));
  }

  @Override
  public void updateLong(int columnIndex, long x) throws SQLException {
    MappedCalls.run(() -> target.updateLong(columnIndex, x));
  }

  @Override
  public void updateFloat(int columnIndex, float x) throws SQLException {
    MappedCalls.run(() -> target.updateFloat(columnIndex, x));
  }

  @Override
  public void updateDouble(int columnIndex, double x) throws SQLException {
    MappedCalls.run(() -> target.updateDouble(columnIndex, x));
  }

  @Override
  public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    MappedCalls.run(() -> target.updateBigDecimal(columnIndex, x));
  }

  @Override
  public void updateString(int columnIndex, String x) throws SQLException {
    MappedCalls.run(() -> target.updateString(columnIndex, x));
  }

  @Override
  public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    MappedCalls.run(() -> target.updateBytes(columnIndex, x));
  }

  @Override
  public void updateDate(int columnIndex, Date x) throws SQLException {
    MappedCalls.run(() -> target.updateDate(columnIndex, x));
  }

  @Override
  public void updateTime(int columnIndex, Time x) throws SQLException {
    MappedCalls.run(() -> target.updateTime(columnIndex, x));
  }

  @Override
  public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    MappedCalls.run(() -> target.updateTimestamp(columnIndex, x));
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.updateAsciiStream(columnIndex, x, length));
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.updateBinaryStream(columnIndex, x, length));
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
    MappedCalls.run(() -> target.updateCharacterStream(columnIndex, x, length));
  }

  @Override
  public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnIndex, x, scaleOrLength));
  }

  @Override
  public void updateObject(int columnIndex, Object x) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnIndex, x));
  }

  @Override
  public void updateNull(String columnLabel) throws SQLException {
    MappedCalls.run(() -> target.updateNull(columnLabel));
  }

  @Override
  public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    MappedCalls.run(() -> target.updateBoolean(columnLabel, x));
  }

  @Override
  public void updateByte(String columnLabel, byte x) throws SQLException {
    MappedCalls.run(() -> target.updateByte(columnLabel, x));
  }

  @Override
  public void updateShort(String columnLabel, short x) throws SQLException {
    MappedCalls.run(() -> target.updateShort(columnLabel, x));
  }

  @Override
  public void updateInt(String columnLabel, int x) throws SQLException {
    MappedCalls.run(() -> target.updateInt(columnLabel, x));
  }

  @Override
  public void updateLong(String columnLabel, long x) throws SQLException {
    MappedCalls.run(() -> target.updateLong(columnLabel, x));
  }

  @Override
  public void updateFloat(String columnLabel, float x) throws SQLException {
    MappedCalls.run(() -> target.updateFloat(columnLabel, x));
  }

  @Override
  public void updateDouble(String columnLabel, double x) throws SQLException {
    MappedCalls.run(() -> target.updateDouble(columnLabel, x));
  }

  @Override
  public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    MappedCalls.run(() -> target.updateBigDecimal(columnLabel, x));
  }

  @Override
  public void updateString(String columnLabel, String x) throws SQLException {
    MappedCalls.run(() -> target.updateString(columnLabel, x));
  }

  @Override
  public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    MappedCalls.run(() -> target.updateBytes(columnLabel, x));
  }

  @Override
  public void updateDate(String columnLabel, Date x) throws SQLException {
    MappedCalls.run(() -> target.updateDate(columnLabel, x));
  }

  @Override
  public void updateTime(String columnLabel, Time x) throws SQLException {
    MappedCalls.run(() -> target.updateTime(columnLabel, x));
  }

  @Override
  public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    MappedCalls.run(() -> target.updateTimestamp(columnLabel, x));
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.updateAsciiStream(columnLabel, x, length));
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.updateBinaryStream(columnLabel, x, length));
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException {
    MappedCalls.run(() -> target.updateCharacterStream(columnLabel, reader, length));
  }

  @Override
  public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnLabel, x, scaleOrLength));
  }

  @Override
  public void updateObject(String columnLabel, Object x) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnLabel, x));
  }

  @Override
  public void insertRow() throws SQLException {
    MappedCalls.run(target::insertRow);
  }

  @Override
  public void updateRow() throws SQLException {
    MappedCalls.run(target::updateRow);
  }

  @Override
  public void deleteRow() throws SQLException {
    MappedCalls.run(target::deleteRow);
  }

  @Override
  public void refreshRow() throws SQLException {
    MappedCalls.run(target::refreshRow);
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    MappedCalls.run(target::cancelRowUpdates);
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    MappedCalls.run(target::moveToInsertRow);
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    MappedCalls.run(target::moveToCurrentRow);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    try {
      return target.getObject(columnIndex, map);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    try {
      return target.getRef(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    try {
      return target.getBlob(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    try {
      return target.getClob(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    try {
      return target.getArray(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    try {
      return target.getObject(columnLabel, map);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    try {
      return target.getRef(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    try {
      return target.getBlob(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    try {
      return target.getClob(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    try {
      return target.getArray(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    try {
      return target.getDate(columnIndex, cal);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    try {
      return target.getDate(columnLabel, cal);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    try {
      return target.getTime(columnIndex, cal);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    try {
      return target.getTime(columnLabel, cal);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    try {
      return target.getTimestamp(columnIndex, cal);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    try {
      return target.getTimestamp(columnLabel, cal);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    try {
      return target.getURL(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    try {
      return target.getURL(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void updateRef(int columnIndex, Ref x) throws SQLException {
    MappedCalls.run(() -> target.updateRef(columnIndex, x));
  }

  @Override
  public void updateRef(String columnLabel, Ref x) throws SQLException {
    MappedCalls.run(() -> target.updateRef(columnLabel, x));
  }

  @Override
  public void updateBlob(int columnIndex, Blob x) throws SQLException {
    MappedCalls.run(() -> target.updateBlob(columnIndex, x));
  }

  @Override
  public void updateBlob(String columnLabel, Blob x) throws SQLException {
    MappedCalls.run(() -> target.updateBlob(columnLabel, x));
  }

  @Override
  public void updateClob(int columnIndex, Clob x) throws SQLException {
    MappedCalls.run(() -> target.updateClob(columnIndex, x));
  }

  @Override
  public void updateClob(String columnLabel, Clob x) throws SQLException {
    MappedCalls.run(() -> target.updateClob(columnLabel, x));
  }

  @Override
  public void updateArray(int columnIndex, Array x) throws SQLException {
    MappedCalls.run(() -> target.updateArray(columnIndex, x));
  }

  @Override
  public void updateArray(String columnLabel, Array x) throws SQLException {
    MappedCalls.run(() -> target.updateArray(columnLabel, x));
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    try {
      return target.getRowId(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    try {
      return target.getRowId(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void updateRowId(int columnIndex, RowId x) throws SQLException {
    MappedCalls.run(() -> target.updateRowId(columnIndex, x));
  }

  @Override
  public void updateRowId(String columnLabel, RowId x) throws SQLException {
    MappedCalls.run(() -> target.updateRowId(columnLabel, x));
  }

  @Override
  public int getHoldability() throws SQLException {
    try {
      return target.getHoldability();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    try {
      return target.isClosed();
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void updateNString(int columnIndex, String nString) throws SQLException {
    MappedCalls.run(() -> target.updateNString(columnIndex, nString));
  }

  @Override
  public void updateNString(String columnLabel, String nString) throws SQLException {
    MappedCalls.run(() -> target.updateNString(columnLabel, nString));
  }

  @Override
  public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
    MappedCalls.run(() -> target.updateNClob(columnIndex, nClob));
  }

  @Override
  public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    MappedCalls.run(() -> target.updateNClob(columnLabel, nClob));
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    try {
      return target.getNClob(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    try {
      return target.getNClob(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    try {
      return target.getSQLXML(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    try {
      return target.getSQLXML(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
    MappedCalls.run(() -> target.updateSQLXML(columnIndex, xmlObject));
  }

  @Override
  public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    MappedCalls.run(() -> target.updateSQLXML(columnLabel, xmlObject));
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    try {
      return target.getNString(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    try {
      return target.getNString(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    try {
      return target.getNCharacterStream(columnIndex);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    try {
      return target.getNCharacterStream(columnLabel);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    MappedCalls.run(() -> target.updateNCharacterStream(columnIndex, x, length));
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.updateNCharacterStream(columnLabel, reader, length));
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
    MappedCalls.run(() -> target.updateAsciiStream(columnIndex, x, length));
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
    MappedCalls.run(() -> target.updateBinaryStream(columnIndex, x, length));
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    MappedCalls.run(() -> target.updateCharacterStream(columnIndex, x, length));
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
    MappedCalls.run(() -> target.updateAsciiStream(columnLabel, x, length));
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
    MappedCalls.run(() -> target.updateBinaryStream(columnLabel, x, length));
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.updateCharacterStream(columnLabel, reader, length));
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
    MappedCalls.run(() -> target.updateBlob(columnIndex, inputStream, length));
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
    MappedCalls.run(() -> target.updateBlob(columnLabel, inputStream, length));
  }

  @Override
  public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.updateClob(columnIndex, reader, length));
  }

  @Override
  public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.updateClob(columnLabel, reader, length));
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.updateNClob(columnIndex, reader, length));
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.updateNClob(columnLabel, reader, length));
  }

  @Override
  public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
    MappedCalls.run(() -> target.updateNCharacterStream(columnIndex, x));
  }

  @Override
  public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.updateNCharacterStream(columnLabel, reader));
  }

  @Override
  public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    MappedCalls.run(() -> target.updateAsciiStream(columnIndex, x));
  }

  @Override
  public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    MappedCalls.run(() -> target.updateBinaryStream(columnIndex, x));
  }

  @Override
  public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
    MappedCalls.run(() -> target.updateCharacterStream(columnIndex, x));
  }

  @Override
  public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    MappedCalls.run(() -> target.updateAsciiStream(columnLabel, x));
  }

  @Override
  public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    MappedCalls.run(() -> target.updateBinaryStream(columnLabel, x));
  }

  @Override
  public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.updateCharacterStream(columnLabel, reader));
  }

  @Override
  public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
    MappedCalls.run(() -> target.updateBlob(columnIndex, inputStream));
  }

  @Override
  public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    MappedCalls.run(() -> target.updateBlob(columnLabel, inputStream));
  }

  @Override
  public void updateClob(int columnIndex, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.updateClob(columnIndex, reader));
  }

  @Override
  public void updateClob(String columnLabel, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.updateClob(columnLabel, reader));
  }

  @Override
  public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.updateNClob(columnIndex, reader));
  }

  @Override
  public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.updateNClob(columnLabel, reader));
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    try {
      return target.getObject(columnIndex, type);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    try {
      return target.getObject(columnLabel, type);
    } catch (Throwable e) {
      throw SqlErrors.map(e);
    }
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnIndex, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnLabel, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnIndex, x, targetSqlType));
  }

  @Override
  public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    MappedCalls.run(() -> target.updateObject(columnLabel, x, targetSqlType));
  }
}
