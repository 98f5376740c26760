package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.query.QExpr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Translator unit tests: the exact q text for hostile literals, or the term stays in Calcite. */
class FilterTranslatorTest {
  private final RelDataTypeFactory tf = new JavaTypeFactoryImpl();
  private final RexBuilder rb = new RexBuilder(tf);
  private final List<FusionColumn> cols = List.of(
      col("Name", AttributeType.STRING, true, false),
      col("Amount", AttributeType.NUMBER, true, false),
      col("Id", AttributeType.INTEGER, true, true),
      col("Day", AttributeType.DATE, true, false),
      col("Stamp", AttributeType.DATETIME, true, false),
      col("Flag", AttributeType.BOOLEAN, true, false),
      col("Hidden", AttributeType.STRING, false, false));

  private static FusionColumn col(String name, AttributeType t, boolean queryable, boolean notNull) {
    return new FusionColumn(name, SampleData.attr(name, t, queryable, notNull), false, -1, notNull);
  }

  private RexNode ref(int i) {
    return rb.makeInputRef(FusionTypes.toRelType(tf, cols.get(i).attribute(), cols.get(i).notNull()), i);
  }

  private Optional<String> q(RexNode n, QDialect d) {
    return new FilterTranslator(cols::get, rb, d, ZoneId.of("UTC"), null).translate(n).map(e -> e.render(d));
  }

  private Optional<String> q(RexNode n) {
    return q(n, QDialect.STRICT);
  }

  private RexNode call(SqlOperator op, RexNode... args) {
    return rb.makeCall(op, args);
  }

  private RexNode str(String s) {
    return rb.makeCharLiteral(new NlsString(s, "UTF-8", SqlCollation.IMPLICIT));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "Acme|Name = 'Acme'",
      "a\\b|Name = 'a\\b'",
      "x; DROP TABLE y|Name = 'x; DROP TABLE y'",
      "a and b or c|Name = 'a and b or c'",
      "Name = x or 1=1|Name = 'Name = x or 1=1'",
      "50% Off|Name = '50% Off'",
      "Smith_Co|Name = 'Smith_Co'",
      "Ünïcode ☃|Name = 'Ünïcode ☃'",
      "\"  spaced  \"|Name = '  spaced  '"})
  void safeStringsAreQuotedVerbatim(String literal, String expected) {
    assertThat(q(call(SqlStdOperatorTable.EQUALS, ref(0), str(literal)))).hasValue(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"O'Brien", "'start", "end'", "dou''bled", "'"})
  void quotesStayInCalciteUnlessTheDialectDoublesThem(String literal) {
    RexNode eq = call(SqlStdOperatorTable.EQUALS, ref(0), str(literal));
    assertThat(q(eq)).isEmpty();
    QDialect doubling = new QDialect(false, false, false, false, true, false);
    assertThat(q(eq, doubling)).hasValue("Name = '" + literal.replace("'", "''") + "'");
  }

  @Test
  void likeWithPercentOnlyIsPushedOtherPatternsStay() {
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("Ac%")))).hasValue("Name LIKE 'Ac%'");
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("%a%b%")))).hasValue("Name LIKE '%a%b%'");
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("A_c")))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("A\\%")))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("a*b")))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("O'%")))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.LIKE, ref(0), str("A%"))))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("A%"), str("!")))).as("ESCAPE unused").hasValue("Name LIKE 'A%'");
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("A!!%"), str("!")))).hasValue("Name LIKE 'A!%'");
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("A!%"), str("!")))).as("a literal %").isEmpty();
    assertThat(q(call(SqlStdOperatorTable.LIKE, ref(0), str("A\\%"), str("\\")))).isEmpty();
  }

  @Test
  void comparisonsFlipAndNegateExactly() {
    RexNode five = rb.makeExactLiteral(new BigDecimal("5"));
    assertThat(q(call(SqlStdOperatorTable.LESS_THAN, five, ref(2)))).hasValue("Id > 5");
    assertThat(q(call(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.LESS_THAN, ref(1), five))))
        .hasValue("Amount >= 5");
    assertThat(q(call(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.AND,
        call(SqlStdOperatorTable.EQUALS, ref(2), five), call(SqlStdOperatorTable.GREATER_THAN, ref(1), five)))))
        .hasValue("Id != 5 or Amount <= 5");
    assertThat(q(call(SqlStdOperatorTable.NOT_EQUALS, ref(1), rb.makeExactLiteral(new BigDecimal("12.50")))))
        .hasValue("Amount != 12.5");
  }

  @Test
  void orIsPushedOnlyWhenEveryBranchIs() {
    RexNode a = call(SqlStdOperatorTable.EQUALS, ref(0), str("x"));
    RexNode b = call(SqlStdOperatorTable.EQUALS, ref(2), rb.makeExactLiteral(BigDecimal.ONE));
    RexNode hidden = call(SqlStdOperatorTable.EQUALS, ref(6), str("y"));
    assertThat(q(call(SqlStdOperatorTable.OR, a, b))).hasValue("Name = 'x' or Id = 1");
    assertThat(q(call(SqlStdOperatorTable.OR, a, hidden))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.OR, a, b), b)))
        .hasValue("(Name = 'x' or Id = 1) and Id = 1");
  }

  @Test
  void inexactOrUnsupportedTermsStay() {
    assertThat(q(call(SqlStdOperatorTable.GREATER_THAN, ref(1), rb.makeApproxLiteral(new BigDecimal("1.5")))))
        .isEmpty();
    assertThat(q(call(SqlStdOperatorTable.EQUALS, ref(5), rb.makeLiteral(true)))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.IS_NULL, ref(0)))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.IS_NULL, ref(0)), QDialect.PERMISSIVE)).hasValue("Name IS NULL");
    assertThat(q(call(SqlStdOperatorTable.EQUALS, ref(6), str("x")))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.EQUALS, call(SqlStdOperatorTable.UPPER, ref(0)), str("X")))).isEmpty();
    assertThat(q(call(SqlStdOperatorTable.EQUALS, ref(0), rb.makeNullLiteral(tf.createSqlType(SqlTypeName.VARCHAR)))))
        .isEmpty();
  }

  @Test
  void datesAndTimestampsRenderAsUtcLiterals() {
    assertThat(q(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ref(3),
        rb.makeDateLiteral(new DateString("2024-02-29"))))).hasValue("Day >= '2024-02-29'");
    assertThat(q(call(SqlStdOperatorTable.LESS_THAN, ref(4),
        rb.makeTimestampLiteral(new TimestampString("2024-01-01 10:20:30.250"), 3))))
        .hasValue("Stamp < '2024-01-01T10:20:30.25+00:00'");
    FilterTranslator paris = new FilterTranslator(cols::get, rb, QDialect.STRICT, ZoneId.of("Europe/Paris"), null);
    assertThat(paris.translate(call(SqlStdOperatorTable.LESS_THAN, ref(4),
        rb.makeTimestampLiteral(new TimestampString("2024-07-01 12:00:00"), 0))).map(QExpr::toString))
        .hasValue("Stamp < '2024-07-01T10:00:00+00:00'");
  }

  @Test
  void searchFromInAndBetweenExpandsIntoComparisons() {
    RexNode in = rb.makeIn(ref(2), List.of(rb.makeExactLiteral(BigDecimal.ONE), rb.makeExactLiteral(BigDecimal.TEN)));
    assertThat(q(in)).hasValue("Id = 1 or Id = 10");
    RexNode between = rb.makeBetween(ref(1), rb.makeExactLiteral(BigDecimal.ONE), rb.makeExactLiteral(BigDecimal.TEN));
    assertThat(q(between)).hasValue("Amount >= 1 and Amount <= 10");
  }

  @org.junit.jupiter.api.Test
  void aNullCheckBesideAComparisonOnTheSameColumnIsImpliedAndDropped() {
    // Spark adds "c IS NOT NULL" to each filter on a nullable column; a comparison is never true for a null.
    RexNode bounded = call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.IS_NOT_NULL, ref(1)),
        call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ref(1), rb.makeExactLiteral(java.math.BigDecimal.TEN)));
    org.assertj.core.api.Assertions.assertThat(q(bounded)).contains("Amount >= 10");
    // as RexUtil.expandSearch writes a range with NULL AS FALSE: the comparisons sit in a nested AND
    RexNode range = call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.IS_NOT_NULL, ref(1)),
        call(SqlStdOperatorTable.AND,
            call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ref(1), rb.makeExactLiteral(java.math.BigDecimal.TEN)),
            call(SqlStdOperatorTable.LESS_THAN, ref(1), rb.makeExactLiteral(java.math.BigDecimal.valueOf(20)))));
    org.assertj.core.api.Assertions.assertThat(q(range)).contains("Amount >= 10 and Amount < 20");
    // a null check on another column is not implied: the whole AND stays in Calcite
    RexNode other = call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.IS_NOT_NULL, ref(0)),
        call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ref(1), rb.makeExactLiteral(java.math.BigDecimal.TEN)));
    org.assertj.core.api.Assertions.assertThat(q(other)).isEmpty();
    // under OR the null check is not implied either: "c IS NOT NULL OR c > 10" is not "c > 10"
    RexNode either = call(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.IS_NOT_NULL, ref(1)),
        call(SqlStdOperatorTable.GREATER_THAN, ref(1), rb.makeExactLiteral(java.math.BigDecimal.TEN)));
    org.assertj.core.api.Assertions.assertThat(q(either)).isEmpty();
  }

  @Test
  void parentKeyColumnsOfAChildTableSelectParentsOnlyThroughTheParentSide() {
    List<FusionColumn> child = List.of(
        new FusionColumn("PersonId", SampleData.attr("PersonId", AttributeType.INTEGER, true, true), true, 0, true),
        new FusionColumn("Seq", SampleData.attr("Seq", AttributeType.INTEGER, false, true), true, 1, true),
        col("LastName", AttributeType.STRING, true, false));
    FilterTranslator tr = new FilterTranslator(child::get, rb, QDialect.STRICT, ZoneId.of("UTC"), null);
    RexNode person = rb.makeInputRef(FusionTypes.toRelType(tf, child.get(0).attribute(), true), 0);
    RexNode start = rb.makeInputRef(FusionTypes.toRelType(tf, child.get(1).attribute(), true), 1);
    RexNode last = rb.makeInputRef(FusionTypes.toRelType(tf, child.get(2).attribute(), false), 2);
    RexNode byPerson = call(SqlStdOperatorTable.LESS_THAN, person, rb.makeExactLiteral(BigDecimal.valueOf(300)));
    RexNode byName = call(SqlStdOperatorTable.EQUALS, last, str("Ito"));
    assertThat(tr.translate(byPerson)).as("not an attribute of the child rows").isEmpty();
    assertThat(tr.parentSide().translate(byPerson).map(e -> e.render(QDialect.STRICT))).hasValue("PersonId < 300");
    assertThat(tr.parentSide().translate(byName)).as("a child attribute does not select parents").isEmpty();
    assertThat(tr.parentKey(call(SqlStdOperatorTable.EQUALS, person, rb.makeExactLiteral(BigDecimal.valueOf(7)))))
        .hasValue(7L);
    assertThat(tr.parentKey(call(SqlStdOperatorTable.EQUALS, start, rb.makeExactLiteral(BigDecimal.ONE))))
        .as("a key q cannot name (not queryable)").isEmpty();
  }
}
