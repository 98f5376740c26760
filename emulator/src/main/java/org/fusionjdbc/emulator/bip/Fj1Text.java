package org.fusionjdbc.emulator.bip;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Value text and escapes of the FJ1 result format (docs/bi-publisher.md §1.3). */
final class Fj1Text {

  static final String NULL = "\\N";
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private Fj1Text() {}

  /** Escapes backslash, TAB, LF, CR and the other control characters; null becomes {@code \N}. */
  static String escape(String s) {
    if (s == null) {
      return NULL;
    }
    return CharEscapes.apply(s, c -> switch (c) {
      case '\\' -> "\\\\";
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      default -> c < 0x20 ? "\\x" + HEX.toHexDigits((byte) c) : null;
    });
  }

  /** Column {@code i} of the current row as FJ1 text. */
  static String value(ResultSet rs, int i, Fj1Column col) throws SQLException {
    Object o = rs.getObject(i);
    if (o == null) {
      return NULL;
    }
    return switch (col.oracleType()) {
      case "NUMBER" -> o instanceof Boolean b ? (b ? "1" : "0") : number(rs.getBigDecimal(i));
      case "BINARY_DOUBLE" -> Double.toString(rs.getDouble(i));
      case "BINARY_FLOAT" -> Float.toString(rs.getFloat(i));
      case "DATE" -> rs.getObject(i, LocalDateTime.class).format(SECONDS);
      case "TIMESTAMP" -> timestamp(rs.getObject(i, LocalDateTime.class), col.scale());
      case "TIMESTAMP WITH TIME ZONE" -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        yield timestamp(t.toLocalDateTime(), col.scale()) + offset(t);
      }
      case "INTERVAL YEAR TO MONTH" -> yearToMonth(rs.getObject(i, Period.class));
      case "INTERVAL DAY TO SECOND" -> dayToSecond(rs.getObject(i, Duration.class));
      case "RAW" -> HEX.formatHex(rs.getBytes(i));
      case "BLOB" -> blobHex(rs, i);
      case "CLOB", "NCLOB" -> escape(clobText(rs, i));
      default -> escape(rs.getString(i));
    };
  }

  /** Oracle's TZH:TZM of {@code t}'s offset: +00:00 where java.time writes Z. */
  static String offset(OffsetDateTime t) {
    return t.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : t.getOffset().getId();
  }

  /** BLOB column {@code i} read whole, as upper-case hex (RAWTOHEX). */
  static String blobHex(ResultSet rs, int i) throws SQLException {
    Blob b = rs.getBlob(i);
    return HEX.formatHex(b.getBytes(1, Math.toIntExact(b.length())));
  }

  /** CLOB or NCLOB column {@code i} read whole. */
  static String clobText(ResultSet rs, int i) throws SQLException {
    Clob c = rs.getClob(i);
    return c.getSubString(1, Math.toIntExact(c.length()));
  }

  static String number(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  private static String timestamp(LocalDateTime t, int scale) {
    String base = t.format(SECONDS);
    if (scale <= 0) {
      return base;
    }
    String nanos = String.format("%09d", t.getNano());
    return base + "." + nanos.substring(0, Math.min(scale, 9));
  }

  /** P1Y2M, or -P1Y2M for a negative interval (Period.toString would write P-1Y-2M). */
  static String yearToMonth(Period p) {
    return p.isNegative() ? "-" + p.negated() : p.toString();
  }

  /** ISO-8601 with a day part, as the format asks: P3DT4H5M6.5S, -PT1S, PT0S. */
  static String dayToSecond(Duration d) {
    boolean negative = d.isNegative();
    Duration a = d.abs();
    long days = a.toDays();
    Duration rest = a.minusDays(days);
    StringBuilder out = new StringBuilder(negative ? "-P" : "P");
    if (days > 0) {
      out.append(days).append('D');
    }
    if (!rest.isZero() || days == 0) {
      out.append(rest.toString().substring(1)); // "T4H5M6.5S" from "PT4H5M6.5S"
    }
    return out.toString();
  }
}
