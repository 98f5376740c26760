package org.fusionjdbc.calcite.like;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikeMatcherTest {

  @ParameterizedTest(name = "[{index}] {0} LIKE {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "abc|abc|true", "abc|ab|false", "abc|a_c|true", "abc|a%|true", "abc|%c|true", "abc|%b%|true", "abc|%|true",
      "''|%|true", "''|_|false", "''|''|true", "abc|''|false", "abc|a__|true", "abc|a___|false", "abc|%%%c|true",
      "aaa|%a%a%a%|true", "aa|%a%a%a%|false", "mississippi|%iss%ppi|true", "mississippi|m%s_s%i|true",
      "a\\b|a\\b|true", "a\\b|a\\_|true", "a\\b|a__|true", "100%|100%|true", "100|100\\%|false",
      "ABC|abc|false", "x.y|x_y|true", "x.y|x.z|false", "[a]|[a]|true", "a*b|a*b|true", "aXb|a*b|false"})
  void matchesAsSqlLike(String value, String pattern, boolean expected) {
    assertThat(LikeMatcher.like(value, pattern)).isEqualTo(expected);
  }

  @Test
  void underscoreMatchesALineBreakAndOneCodePoint() {
    assertThat(LikeMatcher.like("line\nbreak", "line_break")).isTrue();
    assertThat(LikeMatcher.like("a\r\nb", "a__b")).isTrue();
    assertThat(LikeMatcher.like("a\nb\nc", "a%c")).isTrue();
    assertThat(LikeMatcher.like("a😀b", "a_b")).as("one emoji is one character").isTrue();
    assertThat(LikeMatcher.like("a😀b", "a__b")).isFalse();
    assertThat(LikeMatcher.like("😀😀", "%😀")).isTrue();
  }

  @Test
  void nulAndBackslashAreOrdinaryWithoutEscape() {
    assertThat(LikeMatcher.like("a\u0000b", "a\u0000b")).isTrue();
    assertThat(LikeMatcher.like("a%b", "a\u0000%b")).isFalse();
    assertThat(LikeMatcher.like("a\u0000%b", "a\u0000%b")).isTrue();
    assertThat(LikeMatcher.like("x", "%\u0000 x_%")).isFalse();
    assertThat(LikeMatcher.like("a\\", "a\\")).as("a trailing backslash is just a backslash").isTrue();
  }

  @Test
  void escapeMakesWildcardsLiteral() {
    assertThat(LikeMatcher.like("100%", "100!%", "!")).isTrue();
    assertThat(LikeMatcher.like("1000", "100!%", "!")).isFalse();
    assertThat(LikeMatcher.like("a_b", "a!_b", "!")).isTrue();
    assertThat(LikeMatcher.like("axb", "a!_b", "!")).isFalse();
    assertThat(LikeMatcher.like("a!b", "a!!b", "!")).isTrue();
    assertThat(LikeMatcher.like("a\\b", "a\\\\%", "\\")).isTrue();
    assertThat(LikeMatcher.notLike("100%", "100!%", "!")).isFalse();
  }

  @Test
  void badEscapesAreDataErrorsWithTheirSqlStates() {
    assertThatThrownBy(() -> LikeMatcher.like("a", "a", "")).isInstanceOf(LikePatternException.class)
        .hasMessageContaining("exactly one character").extracting(e -> ((LikePatternException) e).sqlState())
        .isEqualTo("22019");
    assertThatThrownBy(() -> LikeMatcher.like("a", "a", "!!")).extracting(e -> ((LikePatternException) e).sqlState())
        .isEqualTo("22019");
    assertThatThrownBy(() -> LikeMatcher.like("ab", "a!b", "!")).extracting(e -> ((LikePatternException) e).sqlState())
        .isEqualTo("22025");
    assertThatThrownBy(() -> LikeMatcher.like("a", "a!", "!")).hasMessageContaining("ends with the escape");
  }

  @Test
  void aPatternWithoutLiteralWildcardsLosesItsEscapeClause() {
    assertThat(LikeMatcher.withoutEscape("abc%", "\\")).hasValue("abc%");
    assertThat(LikeMatcher.withoutEscape("a!!b%", "!")).hasValue("a!b%");
    assertThat(LikeMatcher.withoutEscape("a\\\\b", "\\")).hasValue("a\\b");
    assertThat(LikeMatcher.withoutEscape("100!%", "!")).as("a literal %% has no plain spelling").isEmpty();
    assertThat(LikeMatcher.withoutEscape("a!_b", "!")).isEmpty();
    assertThat(LikeMatcher.withoutEscape("a!b", "!")).as("malformed: left to evaluation").isEmpty();
    assertThat(LikeMatcher.withoutEscape("a!", "!")).isEmpty();
    assertThat(LikeMatcher.withoutEscape("a", "!!")).isEmpty();
    assertThat(LikeMatcher.withoutEscape("a%", "%")).isEmpty();
  }

  /** Differential: random values and patterns over a hostile alphabet against a DOTALL regex built per code point. */
  @Test
  void agreesWithAReferenceOnRandomInputs() {
    List<String> alphabet = List.of("a", "b", "\n", "\r", "\u0000", "\\", "%", "_", "😀", ".", "*", "é", "'");
    Random random = new Random(5);
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      String value = random(alphabet, random, 8, false);
      String pattern = random.nextInt(3) == 0 ? mutate(value, random) : random(alphabet, random, 6, true);
      boolean expected = reference(pattern).matcher(value).matches();
      assertThat(LikeMatcher.like(value, pattern)).as("%s LIKE %s", value, pattern).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).as("enough matches for the comparison to mean something").isGreaterThan(2_000);
  }

  private static String random(List<String> alphabet, Random random, int max, boolean wildcards) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      sb.append(wildcards && random.nextInt(3) == 0 ? (random.nextBoolean() ? "%" : "_")
          : alphabet.get(random.nextInt(alphabet.size())));
    }
    return sb.toString();
  }

  /** The value with some code points replaced by _ and a run replaced by %. */
  private static String mutate(String value, Random random) {
    StringBuilder sb = new StringBuilder();
    value.codePoints().forEach(cp -> sb.append(random.nextInt(4) == 0 ? "_" : Character.toString(cp)));
    String s = sb.toString();
    return s.isEmpty() || random.nextBoolean() ? s : s.substring(0, s.offsetByCodePoints(0,
        random.nextInt(s.codePointCount(0, s.length())))) + "%";
  }

  private static Pattern reference(String like) {
    StringBuilder regex = new StringBuilder();
    like.codePoints().forEach(cp -> regex.append(cp == '%' ? ".*" : cp == '_' ? "."
        : Pattern.quote(Character.toString(cp))));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
