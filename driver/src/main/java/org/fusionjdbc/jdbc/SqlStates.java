package org.fusionjdbc.jdbc;

/** The SQLStates the driver raises; docs/troubleshooting.md explains each. */
final class SqlStates {
  private SqlStates() {
  }

  /** Bad URL or connection property: the connection could not be established (what Tableau expects). */
  static final String CONNECTION_SETTINGS = "08001";
  static final String CANNOT_CONNECT = "08001";
  static final String LINK_FAILURE = "08S01";
  static final String CONNECTION_CLOSED = "08003";
  static final String AUTH_REJECTED = "28000";
  static final String NOT_AUTHORIZED = "42501";
  static final String SYNTAX = "42000";
  static final String UNKNOWN_TABLE = "42S02";
  static final String UNKNOWN_COLUMN = "42S22";
  static final String DATA = "22000";
  static final String UNSUPPORTED = "0A000";
  static final String TIMEOUT = "HYT00";
  static final String CANCELLED = "57014";
  static final String REMOTE_ERROR = "HY000";
  static final String PROTOCOL = "08P01";
}
