package org.fusionjdbc.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;

/**
 * A Calcite prepared statement as the driver hands it out: as {@link FusionStatementImpl}, and every value setter
 * binds through {@link ParameterBinder}, so Calcite receives the Java type of the parameter's SQL type. Its
 * warnings are the notes of the plan it was prepared with until it runs.
 */
final class FusionPreparedStatement extends FusionStatementImpl<PreparedStatement> implements PreparedStatement {
  private final ParameterBinder binder;

  FusionPreparedStatement(PreparedStatement target, Connection connection, ParameterValues values) throws SQLException {
    super(target, connection);
    this.binder = new ParameterBinder(target, values);
    planNotesChanged(); // planned now, not at execute
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return wrap(executed(target::executeQuery));
  }

  @Override
  public boolean execute() throws SQLException {
    return executed(target::execute);
  }

  @Override
  public int executeUpdate() throws SQLException {
    throw ReadOnly.unsupported("executeUpdate");
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    throw ReadOnly.unsupported("executeLargeUpdate");
  }

  @Override
  public void addBatch() throws SQLException {
    throw ReadOnly.unsupported("addBatch");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    ResultSetMetaData md = MappedCalls.call(target::getMetaData);
    return md == null ? null : new FusionResultSetMetaData(md);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    binder.bind(parameterIndex, null, () -> target.setNull(parameterIndex, sqlType));
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setBoolean(parameterIndex, x));
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setByte(parameterIndex, x));
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setShort(parameterIndex, x));
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setInt(parameterIndex, x));
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setLong(parameterIndex, x));
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setFloat(parameterIndex, x));
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setDouble(parameterIndex, x));
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setBigDecimal(parameterIndex, x));
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setString(parameterIndex, x));
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    MappedCalls.run(() -> target.setBytes(parameterIndex, x));
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setDate(parameterIndex, x));
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setTime(parameterIndex, x));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setTimestamp(parameterIndex, x));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.setAsciiStream(parameterIndex, x, length));
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.setUnicodeStream(parameterIndex, x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    MappedCalls.run(() -> target.setBinaryStream(parameterIndex, x, length));
  }

  @Override
  public void clearParameters() throws SQLException {
    MappedCalls.run(target::clearParameters);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setObject(parameterIndex, x, targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setObject(parameterIndex, x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    MappedCalls.run(() -> target.setCharacterStream(parameterIndex, reader, length));
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    MappedCalls.run(() -> target.setRef(parameterIndex, x));
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    MappedCalls.run(() -> target.setBlob(parameterIndex, x));
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    MappedCalls.run(() -> target.setClob(parameterIndex, x));
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    MappedCalls.run(() -> target.setArray(parameterIndex, x));
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    binder.bindWithCalendar(parameterIndex, x, cal, Types.DATE, () -> target.setDate(parameterIndex, x, cal));
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    binder.bindWithCalendar(parameterIndex, x, cal, Types.TIME, () -> target.setTime(parameterIndex, x, cal));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    binder.bindWithCalendar(parameterIndex, x, cal, Types.TIMESTAMP, () -> target.setTimestamp(parameterIndex, x, cal));
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    binder.bind(parameterIndex, null, () -> target.setNull(parameterIndex, sqlType, typeName));
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    MappedCalls.run(() -> target.setURL(parameterIndex, x));
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return MappedCalls.call(target::getParameterMetaData);
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    MappedCalls.run(() -> target.setRowId(parameterIndex, x));
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    binder.bind(parameterIndex, value, () -> target.setNString(parameterIndex, value));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    MappedCalls.run(() -> target.setNCharacterStream(parameterIndex, value, length));
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    MappedCalls.run(() -> target.setNClob(parameterIndex, value));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.setClob(parameterIndex, reader, length));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    MappedCalls.run(() -> target.setBlob(parameterIndex, inputStream, length));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.setNClob(parameterIndex, reader, length));
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    MappedCalls.run(() -> target.setSQLXML(parameterIndex, xmlObject));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setObject(parameterIndex, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    MappedCalls.run(() -> target.setAsciiStream(parameterIndex, x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    MappedCalls.run(() -> target.setBinaryStream(parameterIndex, x, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    MappedCalls.run(() -> target.setCharacterStream(parameterIndex, reader, length));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    MappedCalls.run(() -> target.setAsciiStream(parameterIndex, x));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    MappedCalls.run(() -> target.setBinaryStream(parameterIndex, x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.setCharacterStream(parameterIndex, reader));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    MappedCalls.run(() -> target.setNCharacterStream(parameterIndex, value));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.setClob(parameterIndex, reader));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    MappedCalls.run(() -> target.setBlob(parameterIndex, inputStream));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    MappedCalls.run(() -> target.setNClob(parameterIndex, reader));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setObject(parameterIndex, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    binder.bind(parameterIndex, x, () -> target.setObject(parameterIndex, x, targetSqlType));
  }
}
