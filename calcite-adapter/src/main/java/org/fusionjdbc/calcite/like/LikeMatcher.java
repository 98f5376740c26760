package org.fusionjdbc.calcite.like;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.linq4j.function.Strict;

/**
 * SQL {@code LIKE} as Oracle (and the SQL standard) define it, for predicates the driver evaluates itself: {@code %}
 * matches any run of characters and {@code _} exactly one, line breaks included; every other character, NUL and
 * backslash included, matches only itself; an escape character exists only when the query names one with
 * {@code ESCAPE}. A character is a Unicode code point, so {@code _} matches one emoji. No regular expression is
 * built: the bundled Calcite's regex translation lets {@code _} miss a line break and reads NUL as an escape.
 *
 * <p>Called from generated code (hence public and static); null operands give null (UNKNOWN) before these run.
 */
public final class LikeMatcher {
  private static final int ANY_ONE = -1;
  private static final int ANY_RUN = -2;
  /** Most queries evaluate one constant pattern over many rows: keep the last compilation per thread. */
  private static final ThreadLocal<Compiled> LAST = new ThreadLocal<>();

  private LikeMatcher() {
  }

  @Strict
  public static boolean like(String value, String pattern) {
    return matches(value, compile(pattern, null));
  }

  @Strict
  public static boolean like(String value, String pattern, String escape) {
    return matches(value, compile(pattern, escape));
  }

  @Strict
  public static boolean notLike(String value, String pattern) {
    return !like(value, pattern);
  }

  @Strict
  public static boolean notLike(String value, String pattern, String escape) {
    return !like(value, pattern, escape);
  }

  /**
   * The same pattern without its ESCAPE clause, when one exists: escape sequences that only stand for the escape
   * character itself are undone; a literal {@code %} or {@code _} has no escape-free spelling, and a malformed
   * pattern has none either (evaluating it reports the error). Lets {@code LIKE 'abc%' ESCAPE '\'}, as Spark writes
   * a prefix filter, be sent where escapes cannot be.
   */
  public static Optional<String> withoutEscape(String pattern, String escape) {
    if (escape.codePointCount(0, escape.length()) != 1) {
      return Optional.empty();
    }
    int escapeChar = escape.codePointAt(0);
    if (escapeChar == '%' || escapeChar == '_') {
      return Optional.empty();
    }
    StringBuilder plain = new StringBuilder(pattern.length());
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] == escapeChar) {
        if (i + 1 == cps.length || cps[i + 1] != escapeChar) {
          return Optional.empty(); // a literal % or _, or malformed
        }
        i++;
      }
      plain.appendCodePoint(cps[i]);
    }
    return Optional.of(plain.toString());
  }

  private record Compiled(String pattern, String escape, int[] tokens) {
  }

  private static int[] compile(String pattern, String escape) {
    Compiled last = LAST.get();
    if (last != null && last.pattern.equals(pattern) && Objects.equals(last.escape, escape)) {
      return last.tokens;
    }
    int[] tokens = tokens(pattern, escape);
    LAST.set(new Compiled(pattern, escape, tokens));
    return tokens;
  }

  /** Code points, with the two wildcards as negative markers and escapes resolved. */
  static int[] tokens(String pattern, String escape) {
    int escapeChar = escapeChar(escape);
    int[] cps = pattern.codePoints().toArray();
    int[] out = new int[cps.length];
    int n = 0;
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == escapeChar) {
        if (i + 1 == cps.length) {
          throw LikePatternException.sequence("it ends with the escape character");
        }
        int next = cps[++i];
        if (next != '%' && next != '_' && next != escapeChar) {
          throw LikePatternException.sequence("the escape character must be followed by %, _ or itself");
        }
        out[n++] = next;
      } else {
        out[n++] = cp == '%' ? ANY_RUN : cp == '_' ? ANY_ONE : cp;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int escapeChar(String escape) {
    if (escape == null) {
      return Integer.MIN_VALUE; // no code point: nothing escapes
    }
    if (escape.codePointCount(0, escape.length()) != 1) {
      throw LikePatternException.escapeCharacter(escape);
    }
    return escape.codePointAt(0);
  }

  /**
   * Greedy match with one backtrack point (the last {@code %} seen): on a mismatch the run of that {@code %} grows
   * by one character. O(value x pattern) at worst, no recursion, no allocation.
   */
  static boolean matches(String value, int[] tokens) {
    int at = 0;
    int t = 0;
    int runToken = -1;
    int runEnd = 0;
    int length = value.length();
    while (at < length) {
      int cp = value.codePointAt(at);
      if (t < tokens.length && (tokens[t] == ANY_ONE || tokens[t] == cp)) {
        at += Character.charCount(cp);
        t++;
      } else if (t < tokens.length && tokens[t] == ANY_RUN) {
        runToken = t++;
        runEnd = at;
      } else if (runToken >= 0) {
        runEnd += Character.charCount(value.codePointAt(runEnd));
        at = runEnd;
        t = runToken + 1;
      } else {
        return false;
      }
    }
    while (t < tokens.length && tokens[t] == ANY_RUN) {
      t++;
    }
    return t == tokens.length;
  }
}
