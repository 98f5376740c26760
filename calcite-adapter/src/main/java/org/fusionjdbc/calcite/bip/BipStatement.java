package org.fusionjdbc.calcite.bip;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;

/**
 * A JDBC statement (or prepared statement) whose queries run through the proxy report. Only queries are
 * accepted; parameters of a prepared statement are rendered into the text as literals by the Oracle dialect
 * (the proxy report takes one SQL text, no binds). Failures surface as the client's FusionException, with
 * the ORA- code kept, not wrapped.
 */
final class BipStatement {
  private final BipDataSource source;
  private final Connection connection;
  private final String preparedSql;
  private final List<Object> parameters = new ArrayList<>();
  private final Statement proxy;
  private volatile Cursor cursor;
  /** The cancel switch of the query being executed, set before its first proxy run starts. */
  private volatile Cancellation running;
  private ResultSet resultSet;
  private boolean closed;
  private int queryTimeout;

  BipStatement(BipDataSource source, Connection connection, String preparedSql) {
    this.source = Objects.requireNonNull(source, "source");
    this.connection = connection;
    this.preparedSql = preparedSql;
    this.proxy = preparedSql == null ? JdbcShim.of(Statement.class, PreparedStatement.class, this)
        : JdbcShim.of(PreparedStatement.class, this);
  }

  Statement statement() {
    return proxy;
  }

  public boolean execute(String sql) {
    executeQuery(sql);
    return true;
  }

  public ResultSet executeQuery(String sql) {
    Objects.requireNonNull(sql, "sql");
    SqlText.requireSingleQuery(sql);
    closeResult();
    // The plan's column types, handed over with the data source of this query, type the XMLGEN proxy's values.
    Cancellation cancel = new Cancellation();
    running = cancel; // cancel() reaches the first proxy run before the cursor exists
    Cursor c = new WindowedCursor(source.client().proxy(), sql, source.windowSize(), source.resultColumns(),
        cancel);
    cursor = c;
    resultSet = new CursorResultSet(c, proxy).proxy();
    return resultSet;
  }

  public int executeUpdate(String sql) {
    throw FusionException.of(Kind.BAD_REQUEST, "the BI Publisher channel is read-only: only SELECT or WITH "
        + "queries can run");
  }

  // PreparedStatement

  public boolean execute() {
    executeQuery();
    return true;
  }

  public ResultSet executeQuery() {
    return executeQuery(Literals.bind(preparedSql, parameters, source.dialect()));
  }

  public void setObject(int index, Object value) {
    while (parameters.size() < index) {
      parameters.add(Literals.UNSET);
    }
    parameters.set(index - 1, value);
  }

  public void setNull(int index, int sqlType) {
    setObject(index, null);
  }

  public void setString(int index, String v) {
    setObject(index, v);
  }

  public void setInt(int index, int v) {
    setObject(index, v);
  }

  public void setLong(int index, long v) {
    setObject(index, v);
  }

  public void setShort(int index, short v) {
    setObject(index, v);
  }

  public void setByte(int index, byte v) {
    setObject(index, v);
  }

  public void setDouble(int index, double v) {
    setObject(index, v);
  }

  public void setFloat(int index, float v) {
    setObject(index, v);
  }

  public void setBoolean(int index, boolean v) {
    setObject(index, v);
  }

  public void setBigDecimal(int index, BigDecimal v) {
    setObject(index, v);
  }

  public void setDate(int index, Date v) {
    setObject(index, v);
  }

  public void setTime(int index, Time v) {
    setObject(index, v);
  }

  public void setTimestamp(int index, Timestamp v) {
    setObject(index, v);
  }

  public void clearParameters() {
    parameters.clear();
  }

  // common

  public ResultSet getResultSet() {
    return resultSet;
  }

  public int getUpdateCount() {
    return -1;
  }

  public boolean getMoreResults() {
    closeResult();
    return false;
  }

  public Connection getConnection() {
    return connection;
  }

  public void setQueryTimeout(int seconds) {
    queryTimeout = seconds; // BI Publisher enforces its own execution limit (ORA-01013)
  }

  public int getQueryTimeout() {
    return queryTimeout;
  }

  public void setFetchSize(int rows) {
    // Windows have the configured size.
  }

  public int getFetchSize() {
    return source.windowSize();
  }

  public void setMaxRows(int max) {
    // Calcite pushes limits into the SQL.
  }

  public int getMaxRows() {
    return 0;
  }

  public void cancel() {
    Cancellation r = running;
    if (r != null) {
      r.cancel();
    }
    Cursor c = cursor;
    if (c != null) {
      c.cancel();
    }
  }

  public void close() {
    closed = true;
    closeResult();
  }

  public boolean isClosed() {
    return closed;
  }

  private void closeResult() {
    Cursor c = cursor;
    if (c != null) {
      c.close();
    }
    cursor = null;
    resultSet = null;
  }
}
