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

  /** {@code (name, value)} or {@code (Properties)}; a null value removes the name. */
  synchronized void set(boolean connectionClosed, Object[] args) throws SQLClientInfoException {
    if (connectionClosed) {
      throw new SQLClientInfoException("The connection is closed", SqlStates.CONNECTION_CLOSED, 0,
          Map.<String, ClientInfoStatus>of());
    }
    if (args.length == 1) {
      values.clear();
      if (args[0] != null) {
        ((Properties) args[0]).forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
      }
    } else if (args[0] != null) {
      if (args[1] == null) {
        values.remove(args[0]);
      } else {
        values.setProperty((String) args[0], (String) args[1]);
      }
    }
  }
}
