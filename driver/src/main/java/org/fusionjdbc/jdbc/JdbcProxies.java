package org.fusionjdbc.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.jdbc.FusionCalciteConnector;
import org.apache.calcite.jdbc.JdbcTypes;
import org.fusionjdbc.calcite.StatementContext;
import org.fusionjdbc.client.FusionClient;

/**
 * Thin dynamic-proxy wrappers over Calcite's JDBC objects. They add what Calcite does not do for us: every
 * exception mapped by {@link SqlErrors}, read-only enforcement with SQLState 0A000, objects that point back at the
 * wrappers (never the raw Calcite connection), and the FusionClient closed with the connection.
 */
final class JdbcProxies {
  private static final Set<String> UPDATE_METHODS = Set.of("executeUpdate", "executeLargeUpdate", "addBatch",
      "executeBatch", "executeLargeBatch");

  private JdbcProxies() {
  }

  static Connection connection(Connection target, FusionClient client, ConnectionSettings settings) {
    return (Connection) Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {Connection.class},
        new ConnectionHandler(target, client, settings));
  }

  private abstract static class Handler implements InvocationHandler {
    final Object target;

    Handler(Object target) {
      this.target = target;
    }

    /** Unwrap to the target's interfaces as well as the proxy's, so tools reach CalciteConnection etc. */
    Object unwrapOrDelegate(Object proxy, Method method, Object[] args) throws Throwable {
      Class<?> type = (Class<?>) args[0];
      boolean proxyIs = type.isInstance(proxy);
      if (method.getName().equals("isWrapperFor")) {
        return proxyIs || (Boolean) call(method, args);
      }
      return proxyIs ? proxy : call(method, args);
    }

    Object call(Method method, Object[] args) throws SQLException {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw SqlErrors.map(e.getCause());
      } catch (IllegalAccessException e) {
        throw SqlErrors.map(e);
      }
    }

    Object objectMethod(Object proxy, Method method, Object[] args) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> describe();
      };
    }

    abstract String describe();

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(proxy, method, args);
      }
      if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
        return unwrapOrDelegate(proxy, method, args);
      }
      return handle(proxy, method, args);
    }

    abstract Object handle(Object proxy, Method method, Object[] args) throws Throwable;
  }

  private static final class ConnectionHandler extends Handler {
    private final FusionClient client;
    private final ConnectionSettings settings;
    private final Liveness liveness;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ClientInfo clientInfo = new ClientInfo();
    /** Calcite's statements of this connection, held weakly: one the application dropped needs no close. */
    private final Set<Statement> statements = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final ParameterValues parameterValues;
    private boolean warningsCleared;

    ConnectionHandler(Connection target, FusionClient client, ConnectionSettings settings) {
      super(target);
      this.client = client;
      this.settings = settings;
      this.parameterValues = new ParameterValues(java.time.ZoneId.of(settings.get(FusionProperty.TIME_ZONE).orElseThrow()));
      this.liveness = new Liveness(client, settings.defaultContextRoot(), settings.validateOnConnect());
    }

    @Override
    String describe() {
      return "FusionConnection[" + settings.baseUrl() + ", auth=" + settings.authMode() + (closed.get() ? ", closed" : "") + "]";
    }

    @Override
    Object handle(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "close" -> {
          if (closed.compareAndSet(false, true)) {
            try {
              closeStatements();
              call(method, args);
            } finally {
              client.close();
            }
          }
          return null;
        }
        case "isClosed" -> {
          return closed.get() || (Boolean) call(method, args);
        }
        case "isValid" -> {
          return !closed.get() && !(Boolean) ((Connection) target).isClosed() && liveness.isValid((Integer) args[0]);
        }
        case "isReadOnly" -> {
          ensureOpen();
          return true;
        }
        case "setReadOnly", "setTransactionIsolation" -> {
          // JDBC calls both hints: pools (HikariCP) and Spring set readOnly=false after every borrow or read-only
          // transaction. The connection stays read-only (isReadOnly true, writes refused with 0A000).
          ensureOpen();
          return null;
        }
        case "getTransactionIsolation" -> {
          ensureOpen();
          return Connection.TRANSACTION_NONE; // as DatabaseMetaData.getDefaultTransactionIsolation says
        }
        case "nativeSQL" -> {
          ensureOpen();
          return args[0]; // Calcite's SQL is the native SQL; converting is not running, so no read-only check
        }
        case "getTypeMap" -> {
          ensureOpen();
          return new java.util.HashMap<String, Class<?>>(); // no user-defined types: an empty, fresh map
        }
        case "setTypeMap" -> {
          ensureOpen();
          if (args[0] != null && !((java.util.Map<?, ?>) args[0]).isEmpty()) {
            throw ReadOnly.unsupported("custom type mappings (Fusion has no user-defined types)");
          }
          return null;
        }
        case "getClientInfo" -> {
          ensureOpen();
          return args == null || args.length == 0 ? clientInfo.copy() : clientInfo.get((String) args[0]);
        }
        case "setClientInfo" -> {
          clientInfo.set(closed.get(), args);
          return null;
        }
        case "createBlob", "createClob", "createNClob", "createSQLXML", "createStruct", "createArrayOf",
            "setSavepoint", "releaseSavepoint" -> {
          ensureOpen();
          throw ReadOnly.unsupported(name);
        }
        case "prepareCall" -> throw new SQLFeatureNotSupportedException(
            "Stored procedures are not supported: fusion-jdbc reads Fusion REST resources", SqlStates.UNSUPPORTED);
        case "getWarnings" -> {
          ensureOpen();
          SQLWarning calcite = SchemaWarnings.chain(warningsCleared ? null : SchemaWarnings.of((Connection) target),
              (SQLWarning) call(method, args));
          SQLWarning ours = warningsCleared ? null : settings.ignoredPropertiesWarning().orElse(null);
          if (ours == null) {
            return calcite;
          }
          if (calcite != null) {
            ours.setNextWarning(calcite);
          }
          return ours;
        }
        case "clearWarnings" -> {
          warningsCleared = true;
          return call(method, args);
        }
        case "commit", "rollback" -> {
          ensureOpen();
          return null; // read-only and always in auto-commit: there is never anything to commit or undo
        }
        case "setCatalog" -> {
          ensureOpen();
          return null; // Fusion has no catalogs; tools call this with what getCatalog returned
        }
        default -> {
        }
      }
      ensureOpen();
      if (name.equals("prepareStatement")) {
        ReadOnly.check((String) args[0]);
        if (args.length == 2) {
          // (sql, autoGeneratedKeys | columnIndexes | columnNames): JDBC ignores these for a statement that is not
          // an INSERT, and every statement this driver runs is a query
          return handle(proxy, Connection.class.getMethod("prepareStatement", String.class), new Object[] {args[0]});
        }
      }
      Object result = call(method, args);
      if (result instanceof Statement st) {
        synchronized (statements) {
          statements.add(st);
        }
      }
      if (result instanceof PreparedStatement ps && !(result instanceof CallableStatement)) {
        StatementHandler handler = new StatementHandler(ps, (Connection) proxy, parameterValues);
        handler.planNotesChanged(); // planned now, not at execute
        return wrap(PreparedStatement.class, handler, FusionStatement.class);
      }
      if (result instanceof Statement st) {
        return wrap(Statement.class, new StatementHandler(st, (Connection) proxy, parameterValues),
            FusionStatement.class);
      }
      if (result instanceof DatabaseMetaData md) {
        return wrap(DatabaseMetaData.class, new MetaDataHandler(md, (Connection) proxy, settings));
      }
      return result;
    }

    private void ensureOpen() throws SQLException {
      if (closed.get()) {
        throw new SQLException("The connection is closed", SqlStates.CONNECTION_CLOSED);
      }
    }

    /**
     * JDBC: closing a connection releases its statements and result sets. Calcite's does not close them, so a
     * result set left open kept its scan, the page it held and the scan watcher thread alive after the close.
     */
    private void closeStatements() {
      List<Statement> open;
      synchronized (statements) {
        open = new java.util.ArrayList<>(statements);
        statements.clear();
      }
      for (Statement st : open) {
        try {
          st.close();
        } catch (SQLException | RuntimeException e) {
          java.util.logging.Logger.getLogger(FusionDriver.LOGGER_NAME).fine("closing a statement failed: " + e);
        }
      }
    }
  }

  private static final class StatementHandler extends Handler {
    private final Connection connection;
    private final ParameterBinder binder;
    /** The statement's own state, which the adapter reads at execution (max rows, plan notes, scans). */
    private final StatementContext context;
    /** What the last plan left to the driver (see PlanNotes), as warnings; cleared by clearWarnings. */
    private volatile List<String> planNotes = List.of();
    private volatile SQLWarning planWarnings;

    StatementHandler(Statement target, Connection connection, ParameterValues values) throws SQLException {
      super(target);
      this.connection = connection;
      this.binder = target instanceof PreparedStatement ps ? new ParameterBinder(ps, values) : null;
      this.context = FusionCalciteConnector.context(target);
    }

    /** Takes the notes of the plan the statement last prepared or ran as its warnings. */
    void planNotesChanged() {
      notes(context.planNotes());
    }

    private void notes(List<String> notes) {
      planNotes = notes;
      planWarnings = chain(notes, null);
    }

    @Override
    String describe() {
      return "FusionStatement[" + target.getClass().getSimpleName() + "]";
    }

    @Override
    Object handle(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (UPDATE_METHODS.contains(name)) {
        throw ReadOnly.unsupported(name);
      }
      if (name.equals("getConnection")) {
        return connection;
      }
      if (binder != null && binder.binds(method, args)) {
        binder.bind(method, args);
        return null;
      }
      if (name.equals("progress")) {
        return context.progress();
      }
      if (name.equals("cancel")) {
        call(method, args); // raises Calcite's flag; the scans stop at their next row
        context.cancelScans(); // and a page request in flight is aborted now
        return null;
      }
      if (name.equals("getMetaData")) {
        Object md = call(method, args);
        return md instanceof ResultSetMetaData rsmd ? metaData(rsmd) : md;
      }
      if (name.equals("getWarnings")) {
        SQLWarning calcite = (SQLWarning) call(method, args);
        // the same objects on every call while nothing changed: tools (sqlline) skip warnings they have shown
        return calcite == null ? planWarnings : chain(planNotes, calcite);
      }
      if (name.equals("clearWarnings")) {
        notes(List.of());
        return call(method, args);
      }
      Object result;
      if (name.startsWith("execute")) {
        if (args != null && args.length > 0 && args[0] instanceof String sql) {
          ReadOnly.check(sql);
          notes(List.of()); // a new execution starts a new warning chain
        }
        result = call(method, args); // max rows reach the adapter through the statement's context
        planNotesChanged();
      } else {
        result = call(method, args);
      }
      if (result instanceof ResultSet rs) {
        return wrap(ResultSet.class, new ResultSetHandler(rs, (Statement) proxy));
      }
      return result;
    }
  }

  private static final class ResultSetHandler extends Handler {
    private final Statement statement;
    /** Warnings the driver adds before Calcite's own (metadata results: the schemas' discovery warnings). */
    java.util.function.Supplier<SQLWarning> warnings;

    ResultSetHandler(ResultSet target, Statement statement) {
      super(target);
      this.statement = statement;
    }

    @Override
    String describe() {
      return "FusionResultSet";
    }

    @Override
    Object handle(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("getStatement")) {
        return statement;
      }
      if (warnings != null && method.getName().equals("getWarnings")) {
        return SchemaWarnings.chain(warnings.get(), (SQLWarning) call(method, args));
      }
      if (method.getName().equals("clearWarnings")) {
        warnings = null;
      }
      Object result = call(method, args);
      return result instanceof ResultSetMetaData md ? metaData(md) : result;
    }
  }

  /** The plan notes as SQLWarnings (SQLState 01000), followed by {@code next}. */
  private static SQLWarning chain(List<String> notes, SQLWarning next) {
    SQLWarning head = null;
    SQLWarning tail = null;
    for (String note : notes) {
      SQLWarning w = new SQLWarning(note, "01000");
      if (head == null) {
        head = w;
      } else {
        tail.setNextWarning(w);
      }
      tail = w;
    }
    if (tail == null) {
      return next;
    }
    if (next != null) {
      tail.setNextWarning(next);
    }
    return head;
  }

  /** Column display sizes in characters, as tools size their fetch buffers (Calcite passes the precision). */
  static ResultSetMetaData metaData(ResultSetMetaData target) {
    return wrap(ResultSetMetaData.class, new Handler(target) {
      @Override
      String describe() {
        return "FusionResultSetMetaData";
      }

      @Override
      Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        Object result = call(method, args);
        if (method.getName().equals("getColumnDisplaySize")) {
          int column = (Integer) args[0];
          ResultSetMetaData md = (ResultSetMetaData) target;
          return JdbcTypes.displaySize(md.getColumnType(column), md.getPrecision(column), (Integer) result);
        }
        return result;
      }
    });
  }

  private static final class MetaDataHandler extends Handler {
    private final Connection connection;
    private final ConnectionSettings settings;

    MetaDataHandler(DatabaseMetaData target, Connection connection, ConnectionSettings settings) {
      super(target);
      this.connection = connection;
      this.settings = settings;
    }

    @Override
    String describe() {
      return "FusionDatabaseMetaData";
    }

    @Override
    Object handle(Object proxy, Method method, Object[] args) throws Throwable {
      Object answer = MetaDataAnswers.answer(method.getName(), args);
      if (answer != MetaDataAnswers.DELEGATE) {
        return answer;
      }
      switch (method.getName()) {
        case "getConnection" -> {
          return connection;
        }
        case "getURL" -> {
          return settings.publicUrl(); // Calcite would say jdbc:calcite:; never the secrets
        }
        case "getUserName" -> {
          return settings.get(FusionProperty.USER).orElse(null);
        }
        default -> {
        }
      }
      Object result = call(method, args);
      if (result instanceof ResultSet rs) {
        // a family whose catalog could not be read says so on every metadata answer (see SchemaWarnings)
        ResultSetHandler handler = new ResultSetHandler(rs, rs.getStatement());
        Connection calcite = ((DatabaseMetaData) target).getConnection();
        handler.warnings = () -> SchemaWarnings.of(calcite);
        return wrap(ResultSet.class, handler);
      }
      return result;
    }
  }

  private static <T> T wrap(Class<T> type, InvocationHandler handler, Class<?>... extra) {
    Class<?>[] interfaces = new Class<?>[extra.length + 1];
    interfaces[0] = type;
    System.arraycopy(extra, 0, interfaces, 1, extra.length);
    return type.cast(Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), interfaces, handler));
  }
}
