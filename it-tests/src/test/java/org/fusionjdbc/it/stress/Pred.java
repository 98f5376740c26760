package org.fusionjdbc.it.stress;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One comparison {@code "column" op value}: rendered as SQL text with a literal, or with a {@code ?} bound from the
 * same value, and evaluated in the test over an emulator row with SQL semantics (null never matches; LIKE with % and
 * _ only, no escape character; strings compared by UTF-16 code units).
 */
record Pred(String column, String op, Object value) {

  String sql(boolean parameter) {
    return "\"" + column + "\" " + op + " " + (parameter ? "?" : literal());
  }

  private String literal() {
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    return value.toString();
  }

  void bind(PreparedStatement ps, int index) throws SQLException {
    if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof BigDecimal d) {
      ps.setBigDecimal(index, d);
    } else if (value instanceof Long l) {
      ps.setLong(index, l);
    } else if (value instanceof LocalDate d) {
      ps.setDate(index, java.sql.Date.valueOf(d));
    } else {
      throw new IllegalArgumentException(String.valueOf(value));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  boolean test(Map<String, Object> row) {
    Object v = row.get(column);
    if (v == null) {
      return false;
    }
    if (op.equals("LIKE")) {
      return like((String) v, (String) value);
    }
    int c = ((Comparable) v).compareTo(value);
    return switch (op) {
      case "=" -> c == 0;
      case "<>" -> c != 0;
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      case ">=" -> c >= 0;
      default -> throw new IllegalStateException(op);
    };
  }

  static boolean like(String s, String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    pattern.codePoints().forEach(cp -> {
      if (cp == '%' || cp == '_') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(cp == '%' ? ".*" : ".");
      } else {
        literal.appendCodePoint(cp);
      }
    });
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(s).matches();
  }

  @Override
  public String toString() {
    String text = sql(false);
    return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
  }
}
