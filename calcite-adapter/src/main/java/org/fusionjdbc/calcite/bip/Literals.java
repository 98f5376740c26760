package org.fusionjdbc.calcite.bip;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * Values as Oracle literals, rendered by Calcite's Oracle dialect (the one escaping function of the BI
 * Publisher channel): the proxy report takes a single SQL text, so a prepared statement's parameters are
 * written into it at execution.
 */
final class Literals {
  /** Marks a parameter that was never set. */
  static final Object UNSET = new Object();

  private Literals() {
  }

  /** {@code sql} with each {@code ?} outside quotes and comments replaced by the literal of its parameter. */
  static String bind(String sql, List<Object> parameters, SqlDialect dialect) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0; // a doubled quote re-enters the literal on the next character
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        out.append(c);
      } else if (c == '?') {
        if (next >= parameters.size() || parameters.get(next) == UNSET) {
          throw FusionException.of(Kind.BAD_REQUEST, "parameter " + (next + 1) + " was not set");
        }
        out.append(literal(parameters.get(next++), dialect));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String literal(Object value, SqlDialect dialect) {
    SqlParserPos pos = SqlParserPos.ZERO;
    SqlLiteral literal;
    if (value == null) {
      literal = SqlLiteral.createNull(pos);
    } else if (value instanceof String s) {
      StringBuilder sb = new StringBuilder();
      dialect.quoteStringLiteral(sb, null, s);
      return sb.toString();
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigDecimal) {
      literal = SqlLiteral.createExactNumeric(new BigDecimal(value.toString()).toPlainString(), pos);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw FusionException.of(Kind.BAD_REQUEST, "a NaN or infinite parameter cannot be sent to Oracle");
      }
      literal = SqlLiteral.createExactNumeric(BigDecimal.valueOf(d).toPlainString(), pos);
    } else if (value instanceof Timestamp t) {
      java.time.LocalDateTime l = t.toLocalDateTime();
      TimestampString ts = new TimestampString(l.getYear(), l.getMonthValue(), l.getDayOfMonth(), l.getHour(),
          l.getMinute(), l.getSecond()).withNanos(l.getNano());
      literal = SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, ts, l.getNano() % 1_000_000 == 0 ? 3 : 9, pos);
    } else if (value instanceof Date d) {
      literal = SqlLiteral.createDate(new DateString(d.toLocalDate().toString()), pos);
    } else {
      throw FusionException.of(Kind.BAD_REQUEST, "a parameter of type " + value.getClass().getSimpleName()
          + " cannot be sent through BI Publisher; use a string, number, date or timestamp");
    }
    return literal.toSqlString(dialect).getSql();
  }
}
