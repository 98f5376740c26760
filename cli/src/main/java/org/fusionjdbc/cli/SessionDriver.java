package org.fusionjdbc.cli;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Hands a connection that fusion-sql opened itself to sqlline under a private URL
 * ({@code jdbc:fusion-sql:session:<id>}).
 *
 * <p>Why: sqlline only takes credentials as command-line arguments or in its own command text, where a password,
 * client secret or token could be echoed or logged. fusion-sql instead connects with the real URL and Properties
 * (secrets from a file or the environment), reports a failure cleanly, and gives sqlline only this opaque URL.
 * {@code !reconnect} opens a new connection with the same settings.
 */
final class SessionDriver implements Driver {
  static final String PREFIX = "jdbc:fusion-sql:session:";
  private static final SessionDriver INSTANCE = new SessionDriver();
  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private SessionDriver() {
  }

  /**
   * Registers an open connection; the first {@code connect} of the returned URL gets it, later ones (sqlline's
   * {@code !reconnect}) open a new one through {@code target} with the same URL and properties.
   */
  static Session open(Driver target, String url, Properties properties, Connection first) {
    Session s = new Session(UUID.randomUUID().toString(), target, url, properties, first);
    SESSIONS.put(s.id, s);
    return s;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Session s = SESSIONS.get(url.substring(PREFIX.length()));
    if (s == null) {
      throw new SQLException("this fusion-sql session has ended; connect again with !connect jdbc:fusion://...",
          "08003");
    }
    return s.take();
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("fusion-sql's session driver does not log");
  }

  /** One launcher run's connection settings. Closing it closes a connection sqlline never took. */
  static final class Session implements AutoCloseable {
    private final String id;
    private final Driver target;
    private final String url;
    private final Properties properties;
    private final AtomicReference<Connection> first;

    private Session(String id, Driver target, String url, Properties properties, Connection first) {
      this.id = id;
      this.target = Objects.requireNonNull(target, "target");
      this.url = Objects.requireNonNull(url, "url");
      this.properties = Objects.requireNonNull(properties, "properties");
      this.first = new AtomicReference<>(Objects.requireNonNull(first, "first"));
    }

    String url() {
      return PREFIX + id;
    }

    private Connection take() throws SQLException {
      Connection c = first.getAndSet(null);
      if (c != null && !c.isClosed()) {
        return c;
      }
      Connection fresh = target.connect(url, properties);
      if (fresh == null) {
        throw new SQLException("the fusion-jdbc driver no longer accepts the session's URL", "08001");
      }
      return fresh;
    }

    @Override
    public void close() throws SQLException {
      SESSIONS.remove(id);
      Connection c = first.getAndSet(null);
      if (c != null) {
        c.close();
      }
    }

    /** Never shows the URL or properties: they may hold secrets. */
    @Override
    public String toString() {
      return "Session[" + id + "]";
    }
  }
}
