package org.fusionjdbc.client.bip;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values and column names of the XMLGEN shape (docs/bi-publisher.md §1.5): DBMS_XMLGEN writes each value as Oracle
 * converts it to text under the NLS settings the proxy fixes (ISO dates and timestamps, '.' as decimal mark), so the
 * text is typed here by the column the caller expects, not by anything the pod says.
 */
final class XmlgenValues {
  private static final Pattern ESCAPED_NAME_CHAR = Pattern.compile("_x([0-9A-Fa-f]{4})_");
  private static final Pattern YEAR_TO_MONTH = Pattern.compile("([+-])(\\d+)-(\\d+)");
  private static final Pattern DAY_TO_SECOND = Pattern.compile("([+-])(\\d+) (\\d+):(\\d+):(\\d+(?:\\.\\d+)?)");

  private XmlgenValues() {
  }

  /** Undoes DBMS_XMLGEN's escape of characters an XML name cannot hold ({@code a b} is {@code a_x0020_b}). */
  static String columnName(String element) {
    if (element.indexOf("_x") < 0) {
      return element;
    }
    Matcher m = ESCAPED_NAME_CHAR.matcher(element);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The value of {@code column} from Oracle's text of it. */
  static Object value(String text, ProxyColumn column) {
    return switch (column.oracleType()) {
      case "NUMBER" -> column.integral() ? Long.valueOf(new BigDecimal(text.strip()).longValueExact())
          : new BigDecimal(text.strip()); // Oracle writes 0.5 as .5, which BigDecimal reads
      case "FLOAT" -> new BigDecimal(text.strip());
      case "BINARY_FLOAT" -> (float) binary(text);
      case "BINARY_DOUBLE" -> binary(text);
      case "DATE", "TIMESTAMP" -> LocalDateTime.parse(text.strip());
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE" -> OffsetDateTime.parse(text.strip());
      case "INTERVAL YEAR TO MONTH" -> yearToMonth(text.strip());
      case "INTERVAL DAY TO SECOND" -> dayToSecond(text.strip());
      case "RAW", "BLOB" -> HexFormat.of().parseHex(text.strip());
      default -> text;
    };
  }

  /** Oracle's BINARY_DOUBLE text: {@code 1.5E+000}, {@code Inf}, {@code -Inf}, {@code Nan}. */
  private static double binary(String text) {
    String t = text.strip();
    return switch (t) {
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "Nan" -> Double.NaN;
      default -> Double.parseDouble(t);
    };
  }

  /** Oracle's {@code +01-02} (1 year 2 months). */
  private static Period yearToMonth(String t) {
    Matcher m = YEAR_TO_MONTH.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an Oracle INTERVAL YEAR TO MONTH: " + t);
    }
    Period p = Period.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 0);
    return m.group(1).equals("-") ? p.negated() : p;
  }

  /** Oracle's {@code +03 04:05:06.500000}. */
  private static Duration dayToSecond(String t) {
    Matcher m = DAY_TO_SECOND.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an Oracle INTERVAL DAY TO SECOND: " + t);
    }
    BigDecimal seconds = new BigDecimal(m.group(5));
    Duration d = Duration.ofDays(Long.parseLong(m.group(2))).plusHours(Long.parseLong(m.group(3)))
        .plusMinutes(Long.parseLong(m.group(4))).plusSeconds(seconds.longValue())
        .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    return m.group(1).equals("-") ? d.negated() : d;
  }
}
