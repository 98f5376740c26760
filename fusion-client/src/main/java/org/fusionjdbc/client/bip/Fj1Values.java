package org.fusionjdbc.client.bip;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HexFormat;

/** Field escapes and typed values of the FJ1 result text (docs/bi-publisher.md §1.3). */
final class Fj1Values {
  static final String NULL = "\\N";

  private Fj1Values() {
  }

  /** Undoes {@code \\ \t \n \r \xHH}; any other backslash sequence is malformed. */
  static String unescape(String field) {
    int slash = field.indexOf('\\');
    if (slash < 0) {
      return field;
    }
    StringBuilder sb = new StringBuilder(field.length());
    sb.append(field, 0, slash);
    for (int i = slash; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= field.length()) {
        throw new IllegalArgumentException("a value ends in a lone backslash");
      }
      char e = field.charAt(i);
      switch (e) {
        case '\\' -> sb.append('\\');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 'x' -> {
          sb.append((char) Integer.parseInt(hex(field, i + 1), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e);
      }
    }
    return sb.toString();
  }

  private static String hex(String field, int from) {
    if (from + 2 > field.length()) {
      throw new IllegalArgumentException("a \\x escape needs two hex digits");
    }
    String h = field.substring(from, from + 2);
    if (!h.matches("[0-9A-F]{2}")) {
      throw new IllegalArgumentException("a \\x escape needs two upper-case hex digits: \\x" + h);
    }
    return h;
  }

  /** The typed value of one raw (still escaped) field; null for {@code \N}. */
  static Object value(String raw, ProxyColumn column) {
    if (raw.equals(NULL)) {
      return null;
    }
    String text = unescape(raw);
    return switch (column.oracleType()) {
      case "NUMBER" -> column.integral() ? Long.valueOf(new BigDecimal(text).longValueExact()) : new BigDecimal(text);
      case "FLOAT" -> new BigDecimal(text);
      case "BINARY_FLOAT" -> Float.parseFloat(text);
      case "BINARY_DOUBLE" -> Double.parseDouble(text);
      case "DATE", "TIMESTAMP" -> LocalDateTime.parse(text);
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE" -> OffsetDateTime.parse(text);
      case "INTERVAL YEAR TO MONTH" -> Period.parse(text);
      case "INTERVAL DAY TO SECOND" -> Duration.parse(text);
      case "RAW", "BLOB" -> HexFormat.of().parseHex(text);
      default -> text;
    };
  }
}
