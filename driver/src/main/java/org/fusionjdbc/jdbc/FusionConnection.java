package org.fusionjdbc.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.fusionjdbc.client.FusionClient;

/**
 * The connection {@link FusionDriver} hands out, over a Calcite connection. It adds what Calcite does not do: the
 * FusionClient is closed with it and so are its statements; it stays read-only (writes refused with 0A000, the
 * read-only and transaction hints pools send accepted and ignored); its statements and metadata are the driver's
 * wrappers, which point back at it; {@code isValid} asks the pod; every failure is mapped by {@link SqlErrors}.
 */
final class FusionConnection implements Connection {
  private final Connection target;
  private final FusionClient client;
  private final ConnectionSettings settings;
  private final Liveness liveness;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ClientInfo clientInfo = new ClientInfo();
  /** Calcite's statements of this connection, held weakly: one the application dropped needs no close. */
  private final Set<Statement> statements = Collections.newSetFromMap(new WeakHashMap<>());
  private final ParameterValues parameterValues;
  private volatile boolean warningsCleared;

  FusionConnection(Connection target, FusionClient client, ConnectionSettings settings) {
    this.target = target;
    this.client = client;
    this.settings = settings;
    this.parameterValues = new ParameterValues(settings.timeZone());
    this.liveness = new Liveness(client, settings.defaultContextRoot(), settings.validateOnConnect());
  }

  @Override
  public String toString() {
    return "FusionConnection[" + settings.baseUrl() + ", auth=" + settings.authMode() + (closed.get() ? ", closed" : "")
        + "]";
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    // tools reach CalciteConnection through unwrap, as they would on Calcite's driver
    return iface.isInstance(this) ? iface.cast(this) : MappedCalls.call(() -> target.unwrap(iface));
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || MappedCalls.call(() -> target.isWrapperFor(iface));
  }

  private void ensureOpen() throws SQLException {
    if (closed.get()) {
      throw new SQLException("The connection is closed", SqlStates.CONNECTION_CLOSED);
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed.compareAndSet(false, true)) {
      try {
        closeStatements();
        MappedCalls.run(target::close);
      } finally {
        client.close();
      }
    }
  }

  /**
   * JDBC: closing a connection releases its statements and result sets. Calcite's does not close them, so a
   * result set left open kept its scan, the page it held and the scan watcher thread alive after the close.
   */
  private void closeStatements() {
    List<Statement> open;
    synchronized (statements) {
      open = new ArrayList<>(statements);
      statements.clear();
    }
    for (Statement st : open) {
      try {
        st.close();
      } catch (SQLException | RuntimeException e) {
        Logger.getLogger(FusionDriver.LOGGER_NAME).fine("closing a statement failed: " + e);
      }
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    return closed.get() || MappedCalls.call(target::isClosed);
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    return !closed.get() && !MappedCalls.call(target::isClosed) && liveness.isValid(timeout);
  }

  private <S extends Statement> S track(S calcite) {
    synchronized (statements) {
      statements.add(calcite);
    }
    return calcite;
  }

  @Override
  public Statement createStatement() throws SQLException {
    ensureOpen();
    return new FusionStatementImpl<>(track(MappedCalls.call(target::createStatement)), this);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    ensureOpen();
    return new FusionStatementImpl<>(
        track(MappedCalls.call(() -> target.createStatement(resultSetType, resultSetConcurrency))), this);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    ensureOpen();
    return new FusionStatementImpl<>(track(MappedCalls.call(
        () -> target.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability))), this);
  }

  /** Refused before Calcite plans it if it writes; planned now, so its warnings are its plan's notes. */
  private PreparedStatement prepare(String sql, MappedCalls.SqlCall<PreparedStatement> prepare) throws SQLException {
    ensureOpen();
    ReadOnly.check(sql);
    return new FusionPreparedStatement(track(MappedCalls.call(prepare)), this, parameterValues);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, () -> target.prepareStatement(sql));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepare(sql, () -> target.prepareStatement(sql, resultSetType, resultSetConcurrency));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return prepare(sql, () -> target.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  // JDBC ignores the generated-keys argument for a statement that is not an INSERT, and every statement this
  // driver runs is a query

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw storedProcedures();
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    throw storedProcedures();
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    throw storedProcedures();
  }

  private static SQLFeatureNotSupportedException storedProcedures() {
    return new SQLFeatureNotSupportedException(
        "Stored procedures are not supported: fusion-jdbc reads Fusion REST resources", SqlStates.UNSUPPORTED);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    ensureOpen();
    return new FusionDatabaseMetaData(MappedCalls.call(target::getMetaData), this, settings);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    ensureOpen();
    return sql; // Calcite's SQL is the native SQL; converting is not running, so no read-only check
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    ensureOpen();
    return true;
  }

  // JDBC calls both hints: pools (HikariCP) and Spring set readOnly=false after every borrow or read-only
  // transaction. The connection stays read-only (isReadOnly true, writes refused with 0A000).

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    ensureOpen();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    ensureOpen();
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    ensureOpen();
    return Connection.TRANSACTION_NONE; // as DatabaseMetaData.getDefaultTransactionIsolation says
  }

  // Read-only and always in auto-commit: there is never anything to commit or undo.

  @Override
  public void commit() throws SQLException {
    ensureOpen();
  }

  @Override
  public void rollback() throws SQLException {
    ensureOpen();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    ensureOpen();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("setSavepoint");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("setSavepoint");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("releaseSavepoint");
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    ensureOpen(); // Fusion has no catalogs; tools call this with what getCatalog returned
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    ensureOpen();
    return new HashMap<>(); // no user-defined types: an empty, fresh map
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    ensureOpen();
    if (map != null && !map.isEmpty()) {
      throw ReadOnly.unsupported("custom type mappings (Fusion has no user-defined types)");
    }
  }

  @Override
  public Clob createClob() throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("createClob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("createBlob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("createNClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("createSQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    ensureOpen();
    throw ReadOnly.unsupported("createStruct");
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    ensureOpen();
    return clientInfo.get(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    ensureOpen();
    return clientInfo.copy();
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    clientInfo.set(closed.get(), name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    clientInfo.setAll(closed.get(), properties);
  }

  /** Ours (ignored properties), then the schemas' discovery warnings, then Calcite's; all until clearWarnings. */
  @Override
  public SQLWarning getWarnings() throws SQLException {
    ensureOpen();
    SQLWarning calcite = SchemaWarnings.chain(warningsCleared ? null : SchemaWarnings.of(target),
        MappedCalls.call(target::getWarnings));
    SQLWarning ours = warningsCleared ? null : settings.ignoredPropertiesWarning().orElse(null);
    return SchemaWarnings.chain(ours, calcite);
  }

  @Override
  public void clearWarnings() throws SQLException {
    warningsCleared = true;
    MappedCalls.run(target::clearWarnings);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.setAutoCommit(autoCommit));
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    ensureOpen();
    return MappedCalls.call(target::getAutoCommit);
  }

  @Override
  public String getCatalog() throws SQLException {
    ensureOpen();
    return MappedCalls.call(target::getCatalog);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.setHoldability(holdability));
  }

  @Override
  public int getHoldability() throws SQLException {
    ensureOpen();
    return MappedCalls.call(target::getHoldability);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.setSchema(schema));
  }

  @Override
  public String getSchema() throws SQLException {
    ensureOpen();
    return MappedCalls.call(target::getSchema);
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.abort(executor));
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.setNetworkTimeout(executor, milliseconds));
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    ensureOpen();
    return MappedCalls.call(target::getNetworkTimeout);
  }

  @Override
  public void beginRequest() throws SQLException {
    ensureOpen();
    MappedCalls.run(target::beginRequest);
  }

  @Override
  public void endRequest() throws SQLException {
    ensureOpen();
    MappedCalls.run(target::endRequest);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
      throws SQLException {
    ensureOpen();
    return MappedCalls.call(() -> target.setShardingKeyIfValid(shardingKey, superShardingKey, timeout));
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
    ensureOpen();
    return MappedCalls.call(() -> target.setShardingKeyIfValid(shardingKey, timeout));
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.setShardingKey(shardingKey, superShardingKey));
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    ensureOpen();
    MappedCalls.run(() -> target.setShardingKey(shardingKey));
  }
}
