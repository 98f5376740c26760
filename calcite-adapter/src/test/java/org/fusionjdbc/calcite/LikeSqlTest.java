package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.calcite.like.LikePatternException;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LIKE the driver evaluates itself (patterns q cannot say: with '_', or anything when pushdown is off) has SQL's
 * meaning, while LIKE that q can say is still pushed. Rows hold line breaks, NUL, backslashes and emoji.
 */
class LikeSqlTest {
  private static final List<String> TEXTS = List.of("line\nbreak", "line break", "line_break", "a\u0000b", "a\\b",
      "50% off", "😀x", "plain");

  private static InMemoryFusionClient client() {
    ResourceDescription notes = new ResourceDescription("notes", "Notes", List.of(
        SampleData.attr("NoteId", AttributeType.INTEGER, true, true),
        SampleData.attr("Text", AttributeType.STRING, true, false)), List.of("NoteId"), List.of(), Map.of());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      rows.add(InMemoryFusionClient.row("NoteId", (long) i + 1, "Text", TEXTS.get(i)));
    }
    Map<String, Map<String, InMemoryFusionClient.Resource>> roots = new LinkedHashMap<>();
    roots.put("fscmRestApi", Map.of("notes", new InMemoryFusionClient.Resource(notes, rows)));
    roots.put("hcmRestApi", Map.of());
    return new InMemoryFusionClient(roots, QDialect.STRICT);
  }

  private static List<List<String>> ids(boolean pushdown, String where) throws SQLException {
    try (Connection c = Sql.connect(client(), pushdown)) {
      return Sql.rows(c, "select \"NoteId\" from fscm.notes where " + where + " order by \"NoteId\"");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void underscoreMatchesALineBreak(boolean pushdown) throws SQLException {
    assertThat(ids(pushdown, "\"Text\" like 'line_break'")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    assertThat(ids(pushdown, "\"Text\" not like 'line_break'")).hasSize(TEXTS.size() - 3);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void nulAndBackslashAreOrdinaryCharacters(boolean pushdown) throws SQLException {
    assertThat(ids(pushdown, "\"Text\" like 'a\u0000_'")).containsExactly(List.of("4"));
    assertThat(ids(pushdown, "\"Text\" like '%\u0000 x_%'")).isEmpty();
    assertThat(ids(pushdown, "\"Text\" like 'a\\_'")).containsExactly(List.of("5"));
    assertThat(ids(pushdown, "\"Text\" like '_x'")).as("one emoji is one character").containsExactly(List.of("7"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void escapeClauseAndItsErrors(boolean pushdown) throws SQLException {
    assertThat(ids(pushdown, "\"Text\" like '%!%%' escape '!'")).containsExactly(List.of("6"));
    assertThat(ids(pushdown, "\"Text\" like 'line!_%' escape '!'")).containsExactly(List.of("3"));
    assertThatThrownBy(() -> ids(pushdown, "\"Text\" like 'a!b' escape '!'"))
        .hasRootCauseInstanceOf(LikePatternException.class).rootCause().hasMessageContaining("escape sequence");
  }

  @Test
  void likeInTheSelectListAndOnConstantsHasTheSameMeaning() throws SQLException {
    try (Connection c = Sql.connect(client(), true)) {
      assertThat(Sql.rows(c, "select \"NoteId\", \"Text\" like 'line_break' from fscm.notes where \"NoteId\" <= 2"
          + " order by 1")).containsExactly(List.of("1", "true"), List.of("2", "true"));
      assertThat(Sql.rows(c, "values (u&'line\\000Abreak' like u&'line_break')"))
          .as("folded while planning").containsExactly(List.of("true"));
      try (PreparedStatement ps = c.prepareStatement("values (cast(? as varchar(20)) like ?)")) {
        ps.setString(1, "a\nb");
        ps.setString(2, "a_b");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(Sql.read(rs)).containsExactly(List.of("true"));
        }
      }
    }
  }

  @Test
  void boundPatternsAreCheckedWithTheSameMeaning() throws SQLException {
    try (Connection c = Sql.connect(client(), true);
         PreparedStatement ps = c.prepareStatement("select \"NoteId\" from fscm.notes where \"Text\" like ?"
             + " order by 1")) {
      ps.setString(1, "line_break");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(Sql.read(rs)).containsExactly(List.of("1"), List.of("2"), List.of("3"));
      }
      ps.setString(1, "line%");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(Sql.read(rs)).containsExactly(List.of("1"), List.of("2"), List.of("3"));
      }
    }
  }

  @Test
  void likeQCanSayIsStillPushedAndTheRestIsOurs() throws SQLException {
    InMemoryFusionClient client = client();
    try (Connection c = Sql.connect(client, true)) {
      assertThat(Sql.rows(c, "select \"NoteId\" from fscm.notes where \"Text\" like 'line%'")).hasSize(3);
      assertThat(client.journal.get(0).spec().filter().orElseThrow().toString()).isEqualTo("Text LIKE 'line%'");
      client.journal.clear();
      assertThat(Sql.rows(c, "select \"NoteId\" from fscm.notes where \"Text\" like 'line%' escape '\\'"))
          .as("Spark's prefix filter carries an ESCAPE clause it does not use").hasSize(3);
      assertThat(client.journal.get(0).spec().filter().orElseThrow().toString()).isEqualTo("Text LIKE 'line%'");
      client.journal.clear();
      assertThat(Sql.rows(c, "select \"NoteId\" from fscm.notes where \"Text\" like 'line\\_%' escape '\\'"))
          .containsExactly(List.of("3"));
      assertThat(client.journal.get(0).spec().filter()).as("a literal _ cannot be said in q").isEmpty();
      String plan = Sql.explain(c, "select \"NoteId\" from fscm.notes where \"Text\" like 'line_break'");
      assertThat(plan).contains("FUSION_LIKE(").doesNotContainPattern("[^_]LIKE\\(");
    }
  }
}
