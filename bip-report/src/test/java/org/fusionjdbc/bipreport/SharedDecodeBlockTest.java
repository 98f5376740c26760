package org.fusionjdbc.bipreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both proxy shapes decode P_FJ_SQL and refuse all but one query with the same PL/SQL. BI Publisher runs each data
 * set's SQL as it stands, so the block cannot be included from one file; instead it is written once in each, between
 * the same two marker comments, and this test keeps the copies (and the variables they use) identical.
 */
class SharedDecodeBlockTest {
  private static final String BEGIN = "    -- shared decode and check,";
  private static final String END = "    -- end of the shared decode and check\n";
  private static final List<String> SHAPES = List.of("SqlProxy_G_1.sql", "SqlProxyXmlgen_G_1.sql");

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  private static String block(String sql) {
    int begin = sql.indexOf(BEGIN);
    int end = sql.indexOf(END);
    assertThat(begin).as("the shared block's first marker").isGreaterThanOrEqualTo(0);
    assertThat(end).as("the shared block's last marker").isGreaterThan(begin);
    assertThat(sql.indexOf(BEGIN, begin + 1)).as("one shared block").isNegative();
    return sql.substring(begin, end + END.length());
  }

  /** The declaration line of the local variable {@code name} in {@code sql}'s function. */
  private static String declaration(String sql, String name) {
    Matcher m = Pattern.compile("(?m)^    " + name + "\\s+[A-Z].*$").matcher(sql);
    assertThat(m.find()).as("declaration of " + name).isTrue();
    return m.group();
  }

  @Test
  void bothShapesDecodeAndCheckTheQueryWithTheSameBlockAndVariables() throws IOException {
    String fj1 = read(SHAPES.get(0));
    String xmlgen = read(SHAPES.get(1));
    String shared = block(fj1);
    assertThat(block(xmlgen)).isEqualTo(shared);
    assertThat(shared).contains("UTL_COMPRESS.LZ_UNCOMPRESS").contains("-20001").contains("-20002");

    Matcher variables = Pattern.compile("\\bl_[a-z]+\\b").matcher(shared);
    List<String> names = variables.results().map(r -> r.group()).distinct().toList();
    assertThat(names).contains("l_gz", "l_sql", "l_head");
    for (String name : names) {
      assertThat(declaration(xmlgen, name)).as(name).isEqualTo(declaration(fj1, name));
    }
  }
}
