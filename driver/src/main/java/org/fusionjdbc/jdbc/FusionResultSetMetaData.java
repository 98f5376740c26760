package org.fusionjdbc.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** A result set's column facts as Calcite gives them, but with column display sizes in characters. */
final class FusionResultSetMetaData implements ResultSetMetaData {
  private final ResultSetMetaData target;

  FusionResultSetMetaData(ResultSetMetaData target) {
    this.target = target;
  }

  @Override
  public String toString() {
    return "FusionResultSetMetaData";
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : MappedCalls.call(() -> target.unwrap(iface));
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || MappedCalls.call(() -> target.isWrapperFor(iface));
  }

  /** In characters, as tools size their fetch buffers by it (Calcite passes the precision). */
  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    int calcite = MappedCalls.call(() -> target.getColumnDisplaySize(column));
    return JdbcTypes.displaySize(target.getColumnType(column), target.getPrecision(column), calcite);
  }

  @Override
  public int getColumnCount() throws SQLException {
    return MappedCalls.call(target::getColumnCount);
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return MappedCalls.call(() -> target.isAutoIncrement(column));
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return MappedCalls.call(() -> target.isCaseSensitive(column));
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    return MappedCalls.call(() -> target.isSearchable(column));
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return MappedCalls.call(() -> target.isCurrency(column));
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return MappedCalls.call(() -> target.isNullable(column));
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return MappedCalls.call(() -> target.isSigned(column));
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return MappedCalls.call(() -> target.getColumnLabel(column));
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return MappedCalls.call(() -> target.getColumnName(column));
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return MappedCalls.call(() -> target.getSchemaName(column));
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return MappedCalls.call(() -> target.getPrecision(column));
  }

  @Override
  public int getScale(int column) throws SQLException {
    return MappedCalls.call(() -> target.getScale(column));
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return MappedCalls.call(() -> target.getTableName(column));
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return MappedCalls.call(() -> target.getCatalogName(column));
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return MappedCalls.call(() -> target.getColumnType(column));
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return MappedCalls.call(() -> target.getColumnTypeName(column));
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return MappedCalls.call(() -> target.isReadOnly(column));
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return MappedCalls.call(() -> target.isWritable(column));
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return MappedCalls.call(() -> target.isDefinitelyWritable(column));
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return MappedCalls.call(() -> target.getColumnClassName(column));
  }
}
