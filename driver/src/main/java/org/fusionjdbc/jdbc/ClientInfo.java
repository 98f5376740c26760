package org.fusionjdbc.jdbc;

import java.sql.ClientInfoStatus;
import java.sql.SQLClientInfoException;
import java.util.Map;
import java.util.Properties;

/**
 * A connection's client info (ApplicationName and the like, which pools and app servers set). Fusion has nowhere to
 * send it, so it is kept for getClientInfo only; JDBC lets a driver accept names it does not use.
 */
final class ClientInfo {
  private final Properties values = new Properties();

  synchronized String get(String name) {
    return name == null ? null : values.getProperty(name);
  }

  synchronized Properties copy() {
    Properties out = new Properties();
    out.putAll(values);
    return out;
  }

  /** A null value removes the name. */
  synchronized void set(boolean connectionClosed, String name, String value) throws SQLClientInfoException {
    ensureOpen(connectionClosed);
    if (name == null) {
      return;
    }
    if (value == null) {
      values.remove(name);
    } else {
      values.setProperty(name, value);
    }
  }

  /** Replaces all values. */
  synchronized void setAll(boolean connectionClosed, Properties properties) throws SQLClientInfoException {
    ensureOpen(connectionClosed);
    values.clear();
    if (properties != null) {
      properties.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
    }
  }

  private static void ensureOpen(boolean connectionClosed) throws SQLClientInfoException {
    if (connectionClosed) {
      throw new SQLClientInfoException("The connection is closed", SqlStates.CONNECTION_CLOSED, 0,
          Map.<String, ClientInfoStatus>of());
    }
  }
}
