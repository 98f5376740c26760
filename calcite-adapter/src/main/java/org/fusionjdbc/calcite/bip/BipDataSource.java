package org.fusionjdbc.calcite.bip;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * The minimal {@link DataSource} Calcite's JDBC adapter runs on: connections that execute each generated
 * Oracle query through the BI Publisher proxy report (in OFFSET/FETCH windows) and answer DatabaseMetaData
 * from the data dictionary. No network call until a query or a table lookup needs one; a connection holds
 * nothing open, so closing it only marks it closed.
 */
final class BipDataSource {
  private final BipClient client;
  private final Dictionary dictionary;
  private final SqlDialect dialect;
  private final int windowSize;
  private final List<ProxyColumn> resultColumns;

  BipDataSource(BipClient client, Dictionary dictionary, SqlDialect dialect, int windowSize) {
    this(client, dictionary, dialect, windowSize, null);
  }

  private BipDataSource(BipClient client, Dictionary dictionary, SqlDialect dialect, int windowSize,
      List<ProxyColumn> resultColumns) {
    this.client = Objects.requireNonNull(client, "client");
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.windowSize = windowSize;
    this.resultColumns = resultColumns;
  }

  /**
   * This data source for one planned query: its statements type the proxy's values by {@code columns}, the types the
   * plan derived (the XMLGEN proxy shape describes nothing).
   */
  BipDataSource withResultColumns(List<ProxyColumn> columns) {
    return new BipDataSource(client, dictionary, dialect, windowSize, List.copyOf(columns));
  }

  DataSource asDataSource() {
    return JdbcShim.of(DataSource.class, this);
  }

  public Connection getConnection() {
    return new ConnectionTarget().proxy;
  }

  public Connection getConnection(String user, String password) {
    return getConnection();
  }

  public PrintWriter getLogWriter() {
    return null;
  }

  public void setLogWriter(PrintWriter out) {
    // Logging goes to java.util.logging.
  }

  public int getLoginTimeout() {
    return 0;
  }

  public void setLoginTimeout(int seconds) {
    // Timeouts are the client's settings.
  }

  public Logger getParentLogger() {
    return Logger.getLogger("org.fusionjdbc.calcite.bip");
  }

  BipClient client() {
    return client;
  }

  Dictionary dictionary() {
    return dictionary;
  }

  SqlDialect dialect() {
    return dialect;
  }

  int windowSize() {
    return windowSize;
  }

  /** The planned query's column types, or null when this data source does not serve one planned query. */
  List<ProxyColumn> resultColumns() {
    return resultColumns;
  }

  /** One JDBC connection: statements and metadata over the proxy. */
  final class ConnectionTarget {
    final Connection proxy = JdbcShim.of(Connection.class, this);
    private volatile boolean closed;

    public Statement createStatement() {
      return new BipStatement(BipDataSource.this, proxy, null).statement();
    }

    public PreparedStatement prepareStatement(String sql) {
      return (PreparedStatement) new BipStatement(BipDataSource.this, proxy, sql).statement();
    }

    public DatabaseMetaData getMetaData() {
      return new BipMetaData(dictionary, client, proxy).proxy();
    }

    public String getCatalog() {
      return null;
    }

    public String getSchema() {
      return null;
    }

    public boolean isReadOnly() {
      return true;
    }

    public boolean getAutoCommit() {
      return true;
    }

    public void setAutoCommit(boolean autoCommit) {
      // Read-only: nothing to commit.
    }

    public void close() {
      closed = true;
    }

    public boolean isClosed() {
      return closed;
    }
  }
}
