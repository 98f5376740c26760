package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus query returns the same rows with pushdown on and off (on the in-memory fixture). */
class DifferentialTest {
  private static InMemoryFusionClient onClient;
  private static Connection on;
  private static Connection off;

  @BeforeAll
  static void open() throws Exception {
    onClient = SampleData.client();
    on = Sql.connect(onClient, true);
    off = Sql.connect(SampleData.client(), false);
  }

  @AfterAll
  static void close() throws Exception {
    on.close();
    off.close();
  }

  static Stream<String> corpus() {
    return Corpus.QUERIES.stream();
  }

  @Test
  void corpusIsLargeEnough() {
    assertThat(Corpus.QUERIES).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void sameRowsWithPushdownOnAndOff(String entry) throws Exception {
    boolean fullyPushable = entry.startsWith("!");
    String sql = fullyPushable ? entry.substring(1) : entry;
    List<List<String>> expected = Sql.rows(off, sql);
    onClient.journal.clear();
    List<List<String>> actual = Sql.rows(on, sql);
    if (!ordered(sql)) {
      expected = Sql.sorted(expected);
      actual = Sql.sorted(actual);
    }
    assertThat(actual).as(sql).isEqualTo(expected);
    if (fullyPushable) {
      long fetched = onClient.journal.stream().mapToLong(InMemoryFusionClient.Call::rowsReturned).sum();
      assertThat(onClient.journal).as("requests for " + sql).hasSizeLessThanOrEqualTo(1);
      assertThat(fetched).as("rows fetched for " + sql).isLessThanOrEqualTo(actual.size());
    }
  }

  /** Whether the outermost query has ORDER BY (then row order is part of the answer). */
  private static boolean ordered(String sql) {
    String s = sql.toLowerCase(Locale.ROOT);
    int depth = 0;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (depth == 0 && s.startsWith("order by", i)) {
        last = i;
      }
    }
    return last >= 0;
  }
}
