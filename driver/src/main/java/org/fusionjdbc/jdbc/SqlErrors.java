package org.fusionjdbc.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusionjdbc.calcite.WireValueException;
import org.fusionjdbc.calcite.like.LikePatternException;
import org.fusionjdbc.client.error.FusionException;

/**
 * Maps whatever a call threw (Calcite's validator and parser errors, the client's FusionException, Avatica's
 * wrappers) to the JDBC 4 subclass and SQLState tools act on. The message is the most specific one found in the
 * cause chain, never a stack trace; the original stays as the cause.
 */
final class SqlErrors {
  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("(?:Object|Table) '([^']*)' not found(?: within '([^']*)')?");
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found[^\\n]*");

  private SqlErrors() {
  }

  static SQLException map(Throwable thrown) {
    if (thrown instanceof SQLException sql && isOurs(sql)) {
      return sql;
    }
    Optional<LikePatternException> like = find(thrown, LikePatternException.class);
    if (like.isPresent()) {
      return new SQLDataException(like.get().getMessage(), like.get().sqlState(), thrown);
    }
    Optional<WireValueException> value = find(thrown, WireValueException.class);
    if (value.isPresent()) {
      return new SQLDataException(value.get().getMessage(), value.get().sqlState(), thrown);
    }
    Optional<FusionException> fusion = find(thrown, FusionException.class);
    if (fusion.isPresent()) {
      return fromFusion(fusion.get(), thrown);
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String msg = String.valueOf(t.getMessage());
      if (t instanceof org.apache.calcite.sql.parser.SqlParseException parse) {
        var pos = parse.getPos();
        String where = pos == null || pos.getLineNum() <= 0 || msg.contains(" at line ") ? ""
            : " (line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
        return new SQLSyntaxErrorException("SQL syntax error: " + firstLine(msg) + where, SqlStates.SYNTAX, thrown);
      }
      Matcher column = COLUMN_NOT_FOUND.matcher(msg);
      if (column.find()) {
        return new SQLSyntaxErrorException(column.group() + positionOf(thrown), SqlStates.UNKNOWN_COLUMN, thrown);
      }
      Matcher object = OBJECT_NOT_FOUND.matcher(msg);
      if (object.find()) {
        return new SQLSyntaxErrorException("Table or schema '" + object.group(1) + "' not found"
            + (object.group(2) != null ? " in '" + object.group(2) + "'" : "")
            + "; DatabaseMetaData.getTables lists the tables, names are FSCM.<resource> or HCM.<resource>",
            SqlStates.UNKNOWN_TABLE, thrown);
      }
      if (name.endsWith(".SqlValidatorException") || name.endsWith(".CalciteContextException")) {
        return new SQLSyntaxErrorException(firstLine(msg), SqlStates.SYNTAX, thrown);
      }
      if (t instanceof NumberFormatException || t instanceof ArithmeticException
          || t instanceof java.time.DateTimeException) {
        return new SQLDataException("Invalid value: " + firstLine(msg), SqlStates.DATA, thrown);
      }
      if (t instanceof UnsupportedOperationException) {
        return new SQLFeatureNotSupportedException(firstLine(msg), SqlStates.UNSUPPORTED, thrown);
      }
      if (msg.contains("Statement canceled") || msg.contains("Statement cancelled") || name.endsWith("CancellationException")) {
        return new SQLException("The statement was cancelled", SqlStates.CANCELLED, thrown);
      }
      if (msg.toLowerCase(java.util.Locale.ROOT).contains("query timeout") || msg.contains("timed out")) {
        return new SQLTimeoutException("The query timeout expired", SqlStates.TIMEOUT, thrown);
      }
    }
    if (thrown instanceof SQLException sql) {
      return sql;
    }
    return new SQLException(firstLine(String.valueOf(deepestMessage(thrown))), SqlStates.REMOTE_ERROR, thrown);
  }

  private static SQLException fromFusion(FusionException e, Throwable thrown) {
    String msg = e.getMessage();
    SQLException oracle = fromOracleCode(e.fusionErrorCode(), msg, thrown);
    if (oracle != null) {
      return oracle;
    }
    return switch (e.kind()) {
      case CONFIGURATION -> new SQLNonTransientConnectionException(msg, SqlStates.CANNOT_CONNECT, thrown);
      case AUTHENTICATION -> new SQLInvalidAuthorizationSpecException(msg, SqlStates.AUTH_REJECTED, thrown);
      case AUTHORIZATION -> new SQLException(msg, SqlStates.NOT_AUTHORIZED, thrown);
      case BAD_REQUEST -> new SQLException(msg, SqlStates.REMOTE_ERROR, thrown);
      case NOT_FOUND -> new SQLSyntaxErrorException(msg, SqlStates.UNKNOWN_TABLE, thrown);
      case THROTTLED, SERVER, TRANSPORT -> new SQLTransientConnectionException(msg, SqlStates.LINK_FAILURE, thrown);
      case PROTOCOL -> new SQLException(msg, SqlStates.PROTOCOL, thrown);
      case TIMEOUT -> new SQLTimeoutException(msg, SqlStates.TIMEOUT, thrown);
      case CANCELLED -> new SQLException("The statement was cancelled: " + msg, SqlStates.CANCELLED, thrown);
    };
  }

  /** The BI Publisher channel keeps Oracle's ORA- code: the common ones have a precise SQLState. */
  private static SQLException fromOracleCode(String code, String msg, Throwable thrown) {
    if (code == null || !code.startsWith("ORA-")) {
      return null;
    }
    return switch (code) {
      case "ORA-00942" -> new SQLSyntaxErrorException(msg, SqlStates.UNKNOWN_TABLE, thrown);
      case "ORA-00904" -> new SQLSyntaxErrorException(msg, SqlStates.UNKNOWN_COLUMN, thrown);
      case "ORA-00900", "ORA-00911", "ORA-00918", "ORA-00923", "ORA-00933", "ORA-00936", "ORA-00979", "ORA-01756" ->
          new SQLSyntaxErrorException(msg, SqlStates.SYNTAX, thrown);
      case "ORA-01013" -> new SQLTimeoutException(msg, SqlStates.TIMEOUT, thrown);
      case "ORA-01031" -> new SQLException(msg, SqlStates.NOT_AUTHORIZED, thrown);
      case "ORA-01476", "ORA-01722", "ORA-01427" -> new SQLDataException(msg, SqlStates.DATA, thrown);
      default -> null;
    };
  }

  /** SQLExceptions the driver itself raised already carry the right state. */
  private static boolean isOurs(SQLException e) {
    return e.getSQLState() != null && e.getCause() == null;
  }

  private static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return Optional.of(type.cast(c));
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String positionOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      Matcher m = Pattern.compile("From line (\\d+), column (\\d+)").matcher(String.valueOf(c.getMessage()));
      if (m.find()) {
        return " (line " + m.group(1) + ", column " + m.group(2) + ")";
      }
    }
    return "";
  }

  private static String deepestMessage(Throwable t) {
    String msg = t.getMessage();
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null) {
        msg = c.getMessage();
      }
    }
    return msg == null ? t.getClass().getSimpleName() : msg;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
