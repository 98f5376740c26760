package org.fusionjdbc.emulator.bip;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates H2's errors into the ORA errors Oracle raises for the same mistake. */
final class OracleErrors {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  /** H2 marks the error position with [*]; Oracle says "missing expression" when it is at a clause end. */
  private static final Pattern MISSING_EXPRESSION =
      Pattern.compile("\\[\\*\\](\\s*(\\)|FROM\\b|WHERE\\b|GROUP\\b|ORDER\\b|HAVING\\b|,)|\")",
          Pattern.CASE_INSENSITIVE);

  private OracleErrors() {}

  static ProxyFailure translate(SQLException e) {
    String message = firstLine(e.getMessage());
    return switch (e.getErrorCode()) {
      case 42101, 42102, 42103, 42104, 90079 -> ProxyFailure.ora(942, "table or view does not exist");
      case 42122, 90022 -> ProxyFailure.ora(904, quoted(message) + ": invalid identifier");
      case 42000, 42001 -> MISSING_EXPRESSION.matcher(message).find()
          ? ProxyFailure.ora(936, "missing expression")
          : ProxyFailure.ora(933, "SQL command not properly ended");
      case 90059 -> ProxyFailure.ora(918, "column ambiguously defined");
      case 7001 -> ProxyFailure.ora(909, "invalid number of arguments");
      case 90016 -> ProxyFailure.ora(979, "not a GROUP BY expression");
      case 90053 -> ProxyFailure.ora(1427, "single-row subquery returns more than one row");
      case 22012 -> ProxyFailure.ora(1476, "divisor is equal to zero");
      case 22018, 90003 -> ProxyFailure.ora(1722, "invalid number");
      case 22007 -> ProxyFailure.ora(1861, "literal does not match format string");
      case 22001 -> ProxyFailure.ora(12899, "value too large for column");
      case 22003 -> ProxyFailure.ora(1426, "numeric overflow");
      case 90096, 90040, 90002 -> ProxyFailure.ora(1031, "insufficient privileges");
      case 2003 -> ProxyFailure.ora(2003, "invalid USERENV parameter");
      case 57014 -> ProxyFailure.ora(1013, "user requested cancel of current operation");
      default -> ProxyFailure.ora(e.getSQLState() != null && e.getSQLState().startsWith("42") ? 900 : 20000,
          e.getSQLState() != null && e.getSQLState().startsWith("42") ? "invalid SQL statement"
              : "emulated database error " + e.getErrorCode() + ": " + stripSql(message));
    };
  }

  private static String quoted(String message) {
    Matcher m = QUOTED.matcher(message);
    return m.find() ? "\"" + m.group(1) + "\"" : "\"?\"";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int eol = message.indexOf('\n');
    return eol < 0 ? message : message.substring(0, eol);
  }

  /** H2 appends "; SQL statement:" and the statement; the fault should not repeat the SQL. */
  private static String stripSql(String message) {
    int cut = message.indexOf("; SQL statement:");
    return cut < 0 ? message : message.substring(0, cut);
  }
}
