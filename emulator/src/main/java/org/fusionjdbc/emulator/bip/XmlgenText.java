package org.fusionjdbc.emulator.bip;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What Oracle's DBMS_XMLGEN writes for a query in the XMLGEN proxy (bip-report/SqlProxyXmlgen_G_1.sql): a
 * {@code ROWSET} of {@code ROW}s, one element per column named by its label (characters an XML name cannot hold
 * written {@code _xHHHH_}), NULL as {@code xsi:nil = "true"} (NULL_ATTR), values as Oracle's text under the NLS
 * settings the data set fixes: numbers as TO_CHAR writes them ({@code .5}), dates and timestamps ISO with 9
 * fraction digits, binary floats as {@code 1.5E+000}, intervals as {@code +01-02} / {@code +03 04:05:06.500000}.
 * Control characters other than TAB/LF/CR cannot be written into XML: Oracle fails with ORA-31061.
 */
final class XmlgenText {
  static final String EMPTY = "<ROWSET/>";
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private XmlgenText() {}

  static SqlProxy.Result write(ResultSet rs, long deadline, BipOptions settings) throws SQLException, ProxyFailure {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    if (n == 0) {
      throw ProxyFailure.ora(936, "missing expression");
    }
    List<Fj1Column> cols = new ArrayList<>(n);
    List<String> tags = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Fj1Column c = Fj1Column.describe(md, i);
      cols.add(c);
      tags.add(elementName(c.name()));
    }
    StringBuilder out = new StringBuilder(4096)
        .append("<?xml version=\"1.0\"?>\n<ROWSET xmlns:xsi = \"http://www.w3.org/2001/XMLSchema-instance\">\n");
    ProxyRowBudget budget = new ProxyRowBudget(settings, deadline, out);
    StringBuilder row = new StringBuilder(256);
    while (rs.next()) {
      budget.nextRow();
      row.setLength(0);
      row.append(" <ROW>\n");
      for (int i = 1; i <= n; i++) {
        String v = value(rs, i, cols.get(i - 1));
        String tag = tags.get(i - 1);
        row.append("  <").append(tag);
        if (v == null) {
          row.append(" xsi:nil = \"true\"/>\n");
        } else {
          row.append('>').append(escape(v)).append("</").append(tag).append(">\n");
        }
      }
      row.append(" </ROW>\n");
      budget.output(row);
      out.append(row);
    }
    if (budget.rows() == 0) {
      return new SqlProxy.Result(EMPTY, 0); // GETXML gives NULL; the data set returns an empty ROWSET instead
    }
    out.append("</ROWSET>\n");
    return new SqlProxy.Result(out.toString(), budget.rows());
  }

  /** The column label as an XML name, as DBMS_XMLGEN escapes it. */
  static String elementName(String label) {
    StringBuilder sb = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = Character.isLetter(c) || c == '_' || i > 0 && (Character.isDigit(c) || c == '-' || c == '.');
      if (ok) {
        sb.append(c);
      } else {
        sb.append(String.format("_x%04X_", (int) c));
      }
    }
    return sb.toString();
  }

  private static String value(ResultSet rs, int i, Fj1Column col) throws SQLException, ProxyFailure {
    Object o = rs.getObject(i);
    if (o == null) {
      return null;
    }
    return switch (col.oracleType()) {
      case "NUMBER" -> o instanceof Boolean b ? (b ? "1" : "0") : number(rs.getBigDecimal(i));
      case "BINARY_DOUBLE" -> binary(rs.getDouble(i), Double.toString(Math.abs(rs.getDouble(i))));
      case "BINARY_FLOAT" -> binary(rs.getFloat(i), Float.toString(Math.abs(rs.getFloat(i))));
      case "DATE" -> rs.getObject(i, LocalDateTime.class).format(SECONDS);
      case "TIMESTAMP" -> nanos(rs.getObject(i, LocalDateTime.class));
      case "TIMESTAMP WITH TIME ZONE" -> {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        yield nanos(t.toLocalDateTime()) + Fj1Text.offset(t);
      }
      case "INTERVAL YEAR TO MONTH" -> yearToMonth(rs.getObject(i, Period.class), Math.max(2, col.precision()));
      case "INTERVAL DAY TO SECOND" -> dayToSecond(rs.getObject(i, Duration.class), Math.max(2, col.precision()),
          col.scale() > 0 ? col.scale() : 6);
      case "RAW" -> HEX.formatHex(rs.getBytes(i));
      case "BLOB" -> Fj1Text.blobHex(rs, i);
      case "CLOB", "NCLOB" -> text(Fj1Text.clobText(rs, i));
      default -> text(rs.getString(i));
    };
  }

  /** TO_CHAR of a NUMBER: plain digits, no leading zero before the decimal point. */
  static String number(BigDecimal n) {
    String plain = Fj1Text.number(n);
    return plain.startsWith("0.") ? plain.substring(1) : plain.startsWith("-0.") ? "-" + plain.substring(2) : plain;
  }

  /** TO_CHAR of a BINARY_DOUBLE/FLOAT: {@code 1.5E+000}, {@code Inf}, {@code Nan}. */
  static String binary(double d, String absDigits) {
    if (Double.isNaN(d)) {
      return "Nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Inf" : "-Inf";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal abs = new BigDecimal(absDigits).stripTrailingZeros();
    int exponent = abs.precision() - abs.scale() - 1;
    String mantissa = abs.movePointLeft(exponent).toPlainString();
    if (!mantissa.contains(".")) {
      mantissa += ".0";
    }
    return (d < 0 ? "-" : "") + mantissa + "E" + (exponent < 0 ? "-" : "+") + String.format("%03d", Math.abs(exponent));
  }

  private static String nanos(LocalDateTime t) {
    return t.format(SECONDS) + "." + String.format("%09d", t.getNano());
  }

  static String yearToMonth(Period p, int precision) {
    Period a = p.isNegative() ? p.negated() : p;
    return (p.isNegative() ? "-" : "+") + String.format("%0" + precision + "d", a.getYears()) + "-"
        + String.format("%02d", a.getMonths());
  }

  static String dayToSecond(Duration d, int precision, int fraction) {
    Duration a = d.abs();
    long days = a.toDays();
    String nanos = String.format("%09d", a.toNanosPart()).substring(0, Math.min(9, fraction));
    return (d.isNegative() ? "-" : "+") + String.format("%0" + precision + "d", days) + " "
        + String.format("%02d:%02d:%02d", a.toHoursPart(), a.toMinutesPart(), a.toSecondsPart())
        + (fraction > 0 ? "." + nanos : "");
  }

  /** Text values reach the XML as they are; characters XML cannot hold make Oracle fail. */
  private static String text(String s) throws ProxyFailure {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        throw ProxyFailure.ora(31061, "XDB error: special char to escaped char conversion failed.");
      }
    }
    return s;
  }

  /** DBMS_XMLGEN's escapes (setConvertSpecialChars is on by default). */
  static String escape(String s) {
    return CharEscapes.apply(s, c -> switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&apos;";
      default -> null;
    });
  }
}
