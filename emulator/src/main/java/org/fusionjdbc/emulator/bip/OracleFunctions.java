package org.fusionjdbc.emulator.bip;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Oracle functions H2's Oracle mode lacks but analysts' SQL uses, installed as H2 aliases in schema
 * FUSION. Errors carry H2's codes so they translate to the same ORA codes as built-in failures.
 */
public final class OracleFunctions {

  private OracleFunctions() {}

  static void install(Statement admin, String schema) throws SQLException {
    String cls = OracleFunctions.class.getName();
    admin.execute("CREATE ALIAS " + schema + ".TO_NUMBER DETERMINISTIC FOR \"" + cls + ".toNumber\"");
    admin.execute("CREATE ALIAS " + schema + ".MONTHS_BETWEEN DETERMINISTIC FOR \"" + cls + ".monthsBetween\"");
    admin.execute("CREATE ALIAS " + schema + ".SYS_CONTEXT FOR \"" + cls + ".sysContext\"");
  }

  /**
   * SYS_CONTEXT('USERENV', 'SESSION_USER' | 'CURRENT_SCHEMA' | 'CURRENT_USER'): who the proxy's data source
   * connects as, which the installation check reports. Other parameters are ORA-02003, as on Oracle.
   */
  public static String sysContext(java.sql.Connection c, String namespace, String parameter) throws SQLException {
    if (namespace == null || parameter == null || !namespace.equalsIgnoreCase("USERENV")) {
      throw new SQLException("invalid USERENV parameter", "22023", 2003);
    }
    return switch (parameter.toUpperCase(java.util.Locale.ROOT)) {
      case "SESSION_USER", "CURRENT_USER" -> c.getMetaData().getUserName().toUpperCase(java.util.Locale.ROOT);
      case "CURRENT_SCHEMA" -> c.getSchema();
      default -> throw new SQLException("invalid USERENV parameter", "22023", 2003);
    };
  }

  /** TO_NUMBER(text): decimal text, surrounding blanks allowed; anything else is ORA-01722. */
  public static BigDecimal toNumber(String text) throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new SQLException("invalid number", "22018", 22018);
    }
  }

  /**
   * MONTHS_BETWEEN(d1, d2): whole months when both dates fall on the same day of the month or both on
   * the last day; otherwise the remainder counts in 31-day months, time of day included (Oracle's rule).
   */
  public static BigDecimal monthsBetween(LocalDateTime d1, LocalDateTime d2) {
    if (d1 == null || d2 == null) {
      return null;
    }
    long months = (d1.getYear() - d2.getYear()) * 12L + d1.getMonthValue() - d2.getMonthValue();
    boolean bothLast = d1.getDayOfMonth() == d1.toLocalDate().lengthOfMonth()
        && d2.getDayOfMonth() == d2.toLocalDate().lengthOfMonth();
    if (d1.getDayOfMonth() == d2.getDayOfMonth() || bothLast) {
      return BigDecimal.valueOf(months);
    }
    long seconds = (d1.getDayOfMonth() - d2.getDayOfMonth()) * 86_400L
        + ChronoUnit.SECONDS.between(d2.toLocalTime(), d1.toLocalTime());
    return BigDecimal.valueOf(months).add(BigDecimal.valueOf(seconds)
        .divide(BigDecimal.valueOf(31L * 86_400), new MathContext(38))).round(new MathContext(38));
  }
}
