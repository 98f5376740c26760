package org.fusionjdbc.calcite;

/**
 * Fast paths for the date and datetime shapes Fusion writes ({@code 2024-05-01},
 * {@code 2024-05-01T10:15:30[.123456789][+00:00|-07:00|Z]}), reading the digits in place: java.time's formatter
 * was the largest cost per row of a scan. Any other shape answers {@link #UNKNOWN} and {@link RowConverter} parses
 * it with java.time as before, so both paths agree by construction on what they both accept (tested).
 */
final class IsoTimes {
  /** Not a shape this class reads. */
  static final long UNKNOWN = Long.MIN_VALUE;

  private IsoTimes() {
  }

  /** Epoch day of {@code YYYY-MM-DD} (the first ten characters), or {@link #UNKNOWN}. */
  static long epochDay(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return UNKNOWN;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
      return UNKNOWN;
    }
    return epochDay(y, m, d);
  }

  /**
   * Milliseconds of the wall-clock time in a zone {@code zoneOffsetSeconds} from UTC, of a datetime with an offset
   * or {@code Z} (fractions truncated to milliseconds, as {@code Instant.toEpochMilli} does), or {@link #UNKNOWN}.
   */
  static long localMillis(String s, int zoneOffsetSeconds) {
    int n = s.length();
    if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return UNKNOWN;
    }
    long day = epochDay(s);
    int h = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    int sec = digits(s, 17, 2);
    if (day == UNKNOWN || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) {
      return UNKNOWN;
    }
    int i = 19;
    long nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (len < 1 || len > 9) {
        return UNKNOWN;
      }
      nanos = digits(s, start, len);
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return UNKNOWN;
      }
      offset = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return UNKNOWN;
    }
    long seconds = day * 86_400 + h * 3600L + mi * 60L + sec - offset + zoneOffsetSeconds;
    return Math.addExact(Math.multiplyExact(seconds, 1000L), nanos / 1_000_000);
  }

  /** The non-negative number in {@code len} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int lengthOfMonth(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@code LocalDate.toEpochDay}). */
  private static long epochDay(long y, int m, int d) {
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367 * m - 362) / 12;
    total += d - 1;
    if (m > 2) {
      total--;
      if (!(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) {
        total--;
      }
    }
    return total - 719_528;
  }
}
