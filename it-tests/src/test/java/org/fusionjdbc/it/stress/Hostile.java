package org.fusionjdbc.it.stress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile literal values from a seed: strings built from pieces that break naive escaping (quotes,
 * backslashes, semicolons, parentheses, and/or, LIKE and Fusion wildcards, comment markers, unicode beyond the BMP,
 * control characters) and sometimes very long; exact decimals of odd scale and size; dates at calendar edges.
 */
final class Hostile {
  private static final List<String> PIECES = List.of("'", "''", "\\", "\\'", ";", "(", ")", " and ", " or ", " AND ",
      " OR ", "%", "_", "*", "\"", "--", "/*", "*/", " = ", "<>", ">", "é", "ß", "日本", "😀", "\u00a0", "\t", "\n",
      "AP-1000", "Standard", "x", "1", " ", "?", "&", "=", "+", "$", "#", "`", "[", "]", "{", "}", ",", ":",
      "' or '1'='1", "') or ('a'='a", "; DROP TABLE invoices; --", "\\%", "\\_", "%25", "+and+", "\u0000");
  private final Random random;

  Hostile(long seed) {
    this.random = new Random(seed);
  }

  String string() {
    int roll = random.nextInt(100);
    if (roll < 3) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    if (roll >= 96) {
      String unit = sb.toString();
      while (sb.length() < 2_000 + random.nextInt(3_000)) {
        sb.append(unit);
      }
    }
    return sb.toString();
  }

  /** A string fit for a row value: no NUL (a database or JSON layer may reject it); literals still carry it. */
  String value() {
    return string().replace("\u0000", "");
  }

  BigDecimal decimal() {
    return switch (random.nextInt(6)) {
      case 0 -> BigDecimal.valueOf(random.nextInt(100_000), 2);
      case 1 -> new BigDecimal(random.nextInt(50_000) + ".00");
      case 2 -> BigDecimal.valueOf(-random.nextInt(1_000), random.nextInt(4));
      case 3 -> new BigDecimal("0.000");
      case 4 -> new BigDecimal("1234567890123456.125"); // the most an amount (19 digits, scale 3) holds
      default -> BigDecimal.valueOf(random.nextLong() % 1_000_000_000L, 3);
    };
  }

  LocalDate date() {
    return switch (random.nextInt(5)) {
      case 0 -> LocalDate.of(2020, 2, 29);
      case 1 -> LocalDate.of(1900, 1, 1);
      case 2 -> LocalDate.of(9999, 12, 31);
      default -> LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2_500));
    };
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
