package org.fusionjdbc.client.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.http.UrlEncoding.Param;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  private static final AttributeDescription CODE = new AttributeDescription("Code", AttributeType.STRING, null, null,
      OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), true, false, true);

  private static Map<String, String> params(PageCursor c) {
    return c.nextParams().stream().collect(Collectors.toMap(Param::name, Param::value));
  }

  private static Page page(boolean hasMore, String... codes) {
    return new Page(java.util.Arrays.stream(codes).map(s -> new Object[] {s}).toList(), (long) codes.length, hasMore,
        null, null, null);
  }

  @Test
  void aKeyQCannotExpressExtendsTheOffsetFromTheLastExpressibleKey() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).offset(5).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.STRICT), 2, 3);
    assertThat(params(c)).containsEntry("offset", "5").containsEntry("limit", "2").doesNotContainKey("q")
        .containsEntry("orderBy", "Code:asc");
    c.advance(page(true, "a", "b'c"));
    assertThat(params(c)).containsEntry("q", "Code > 'a'").containsEntry("offset", "1").containsEntry("limit", "3");
    c.advance(page(true, "d'x", "e'y", "f'z"));
    assertThat(params(c)).containsEntry("q", "Code > 'a'").containsEntry("offset", "4");
    c.advance(page(true, "g"));
    assertThat(params(c)).containsEntry("q", "Code > 'g'").containsEntry("offset", "0");
    c.advance(page(false, "h"));
    assertThat(c.done()).isTrue();
  }

  @Test
  void aNumberKeySentAsAStringIsThatNumberAndANonNumberFallsBackToTheOffset() {
    AttributeDescription id = new AttributeDescription("Id", AttributeType.INTEGER, null, null, OptionalInt.empty(),
        OptionalInt.empty(), OptionalInt.empty(), true, false, true);
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "things")).fields(List.of("Id")).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Id"), Optional.of(id), QDialect.STRICT), 2, 2);
    c.advance(page(true, "300000047486514", "300000047486515"));
    assertThat(params(c)).containsEntry("q", "Id > 300000047486515").containsEntry("offset", "0");
    c.advance(new Page(List.<Object[]>of(new Object[] {300000047486516L}, new Object[] {"n/a"}), 2L, true, null, null,
        null));
    assertThat(params(c)).as("no quoted literal for a number key").containsEntry("q", "Id > 300000047486516")
        .containsEntry("offset", "1");
  }

  @Test
  void thePodsPageSizeIsTheTruthOnceItAnswersWithLessThanAsked() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).offset(3).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.empty(), QDialect.STRICT), 50, 500);
    assertThat(params(c)).containsEntry("limit", "50").containsEntry("offset", "3");
    List<Object[]> rows = c.advance(new Page(List.<Object[]>of(new Object[] {"a"}, new Object[] {"b"}), 2L, true, 2L, 3L, null));
    assertThat(rows).hasSize(2);
    assertThat(c.pageSize()).isEqualTo(2);
    assertThat(params(c)).as("asks for what the pod gives, and advances by the rows that came")
        .containsEntry("limit", "2").containsEntry("offset", "5");
    c.advance(new Page(List.<Object[]>of(new Object[] {"c"}), 1L, true, 2L, 5L, null)); // a short page is not the end
    assertThat(c.done()).isFalse();
    assertThat(params(c)).containsEntry("limit", "2").containsEntry("offset", "6");
    c.advance(new Page(List.<Object[]>of(new Object[] {"d"}), 1L, false, 2L, 6L, null));
    assertThat(c.done()).isTrue();
  }

  @Test
  void aLimitThatFitsTheRequestIsNotMistakenForACap() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).limit(3).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.empty(), QDialect.STRICT), 50, 500);
    assertThat(params(c)).containsEntry("limit", "3");
    c.advance(new Page(List.<Object[]>of(new Object[] {"a"}), 1L, true, 3L, 0L, null));
    assertThat(c.pageSize()).isEqualTo(500);
    assertThat(params(c)).containsEntry("limit", "2").containsEntry("offset", "1");
  }

  @Test
  void quoteDoublingDialectKeepsKeysetExact() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.PERMISSIVE), 2, 3);
    c.nextParams();
    c.advance(page(true, "a", "b'c"));
    assertThat(params(c)).containsEntry("q", "Code > 'b''c'").containsEntry("offset", "0");
  }

  @Test
  void userOrderOnAnotherAttributePagesByOffsetWithKeyTieBreaker() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Name"))
        .orderBy(List.of(SortKey.desc("Name"))).limit(7).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.STRICT), 2, 3);
    assertThat(params(c)).containsEntry("orderBy", "Name:desc,Code:asc").containsEntry("fields", "Name,Code")
        .containsEntry("limit", "2");
    c.advance(new Page(List.of(new Object[] {"z", "1"}, new Object[] {"y", "2"}), 2L, true, null, null, null));
    assertThat(params(c)).containsEntry("offset", "2").containsEntry("limit", "3").doesNotContainKey("q");
  }

  private static final ResourceDescription NAMED = new ResourceDescription("codes", null, List.of(
      new AttributeDescription("Id", AttributeType.INTEGER, null, null, OptionalInt.empty(), OptionalInt.empty(),
          OptionalInt.empty(), true, false, true),
      new AttributeDescription("Name", AttributeType.STRING, null, null, OptionalInt.empty(), OptionalInt.empty(),
          OptionalInt.empty(), true, false, false)), List.of("Id"), List.of(), Map.of());

  private static final ResourceDescription TIMED = new ResourceDescription("codes", null, List.of(
      new AttributeDescription("Id", AttributeType.INTEGER, null, null, OptionalInt.empty(), OptionalInt.empty(),
          OptionalInt.empty(), true, false, true),
      new AttributeDescription("At", AttributeType.DATETIME, null, null, OptionalInt.empty(), OptionalInt.empty(),
          OptionalInt.empty(), true, false, false)), List.of("Id"), List.of(), Map.of());

  private static Page rows(boolean hasMore, Object... idNamePairs) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < idNamePairs.length; i += 2) {
      rows.add(new Object[] {idNamePairs[i], idNamePairs[i + 1]});
    }
    return new Page(rows, (long) rows.size(), hasMore, null, null, null);
  }

  @Test
  void ascendingNonKeyOrderPagesByCompositeKeysetThenReadsTheNullsNullsFirst() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.asc("Name"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, NAMED, QDialect.STRICT), 2, 3);
    assertThat(params(c)).containsEntry("fields", "Id,Name").containsEntry("orderBy", "Name:asc,Id:asc")
        .doesNotContainKey("q");
    assertThat(c.advance(rows(true, 1L, "a", 2L, "b"))).hasSize(2);
    assertThat(params(c)).containsEntry("q", "Name > 'b' or (Name = 'b' and Id > 2)").containsEntry("offset", "0");
    c.advance(rows(false, 3L, "b", 4L, "c"));
    // the anchor excluded the null rows: read them in Name-descending order, where they come first
    assertThat(params(c)).doesNotContainKey("q").containsEntry("orderBy", "Name:desc,Id:asc")
        .containsEntry("offset", "0");
    assertThat(c.advance(rows(true, 5L, null, 7L, null, 9L, null))).hasSize(3);
    assertThat(params(c)).containsEntry("q", "Id > 9");
    assertThat(c.advance(rows(true, 11L, null, 4L, "c", 3L, "b"))).extracting(r -> r[0]).containsExactly(11L);
    assertThat(c.done()).isTrue();
  }

  @Test
  void descendingNonKeyOrderReadsTheNullsKeepingTheNonNullRowsInTheRequest() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id", "Name"))
        .filter(QExpr.compare("Id", QExpr.Op.LT, QValue.of(100))).orderBy(List.of(SortKey.desc("Name"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, NAMED, QDialect.STRICT), 2, 3);
    assertThat(params(c)).containsEntry("orderBy", "Name:desc,Id:asc").containsEntry("q", "Id < 100");
    c.advance(rows(true, 5L, null, 7L, null));
    assertThat(params(c)).containsEntry("q", "Id < 100 and (Id > 7 or (Name <= 'a' or Name > 'a'))");
    assertThat(c.advance(rows(true, 9L, null, 2L, "z", 1L, "y"))).hasSize(3);
    assertThat(params(c)).containsEntry("q", "Id < 100 and (Name < 'y' or (Name = 'y' and Id > 1))")
        .containsEntry("orderBy", "Name:desc,Id:asc").containsEntry("offset", "0");
    c.advance(rows(true, 3L, "x'", 4L, "x'", 6L, "x'"));
    // no literal for a quoted value without quote doubling: the offset grows from the last anchor
    assertThat(params(c)).containsEntry("q", "Id < 100 and (Name < 'y' or (Name = 'y' and Id > 1))")
        .containsEntry("offset", "3");
    c.advance(rows(false, 8L, "w"));
    assertThat(c.done()).isTrue();
  }

  @Test
  void nullsStartingInsideAnUnanchoredPageContinueAsTheNullRegion() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.asc("Name"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, NAMED, QDialect.STRICT), 2, 3);
    c.nextParams();
    assertThat(c.advance(rows(true, 1L, "a", 2L, null))).hasSize(2);
    assertThat(params(c)).containsEntry("q", "Id > 2").containsEntry("orderBy", "Name:desc,Id:asc")
        .containsEntry("offset", "0");
    assertThat(c.advance(rows(true, 4L, null, 1L, "a"))).extracting(r -> r[0]).containsExactly(4L);
    assertThat(c.done()).isTrue();
  }

  @Test
  void descendingWithNoExpressibleValueCountsTheNonNullRowsFromTheirStart() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.desc("Name"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, NAMED, QDialect.STRICT), 2, 3);
    c.nextParams();
    assertThat(c.advance(rows(true, 5L, null, 6L, "x'"))).hasSize(2);
    assertThat(params(c)).containsEntry("q", "Name <= 'a' or Name > 'a'").containsEntry("offset", "1");
    c.advance(rows(true, 7L, "w", 8L, "v'"));
    assertThat(params(c)).containsEntry("q", "Name < 'w' or (Name = 'w' and Id > 7)").containsEntry("offset", "1");
  }

  @Test
  void aNullAfterACompositeAnchorIsAProtocolErrorNotASilentSkip() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.asc("Name"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, NAMED, QDialect.STRICT), 2, 3);
    c.nextParams();
    c.advance(rows(true, 1L, "a", 2L, "b"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.advance(rows(true, 3L, "c", 4L, null)))
        .isInstanceOf(org.fusionjdbc.client.error.FusionException.class).hasMessageContaining("Name is null");
  }

  @Test
  void onlyExactLiteralTypesAndNoOffsetGetCompositeKeyset() {
    QuerySpec.Builder b = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.asc("Name")));
    assertThat(ScanPlan.of(b.build(), NAMED, QDialect.STRICT).sorted()).isPresent();
    assertThat(ScanPlan.of(b.offset(3).build(), NAMED, QDialect.STRICT).sorted()).isEmpty();
    assertThat(ScanPlan.of(b.offset(0).orderBy(List.of(SortKey.asc("Name"), SortKey.asc("Id"), SortKey.asc("X")))
        .build(), NAMED, QDialect.STRICT).sorted()).isEmpty();
    assertThat(ScanPlan.of(b.orderBy(List.of(SortKey.asc("Id"))).build(), NAMED, QDialect.STRICT).sorted()).isEmpty();
    assertThat(SortedKeyset.literal("2024-02-30", AttributeType.DATE)).isNull();
    assertThat(SortedKeyset.literal("2024-02-29", AttributeType.DATE)).isEqualTo(QValue.of(LocalDate.of(2024, 2, 29)));
    assertThat(SortedKeyset.literal("2024-02-29T00:00:00Z", AttributeType.DATE)).isNull();
    assertThat(SortedKeyset.literal(new java.math.BigDecimal("1.50"), AttributeType.NUMBER))
        .isEqualTo(QValue.of(new java.math.BigDecimal("1.50")));
    assertThat(SortedKeyset.literal(true, AttributeType.STRING)).isNull();
  }

  @Test
  void aDatetimeLiteralNamesExactlyTheInstantOfItsJsonValue() {
    // fraction kept to the digit and never rounded, any offset turned into the same instant at +00:00
    assertThat(render("2024-01-15T10:20:30+00:00")).isEqualTo("'2024-01-15T10:20:30+00:00'");
    assertThat(render("2024-01-15T10:20:30.000Z")).isEqualTo("'2024-01-15T10:20:30+00:00'");
    assertThat(render("2024-01-15T10:20:30.1239+02:00")).isEqualTo("'2024-01-15T08:20:30.1239+00:00'");
    assertThat(render("2024-01-15T00:00:00.999999999-05:30")).isEqualTo("'2024-01-15T05:30:00.999999999+00:00'");
    assertThat(render("2024-01-15T10:20Z")).isEqualTo("'2024-01-15T10:20:00+00:00'");
    assertThat(render("0001-01-01T00:30:00+01:00")).isNull(); // year 0 in UTC: no plain ISO form
    for (String none : List.of("2024-01-15T10:20:30", "2024-01-15", "2024-01-15T10:20:30.1234567891Z",
        "2024-01-15T23:59:60Z", "2024-02-30T10:00:00Z", "yesterday")) {
      assertThat(SortedKeyset.literal(none, AttributeType.DATETIME)).as(none).isNull();
    }
    assertThat(SortedKeyset.literal(12L, AttributeType.DATETIME)).isNull();
  }

  private static String render(String json) {
    QValue v = SortedKeyset.literal(json, AttributeType.DATETIME);
    if (v == null) {
      return null;
    }
    String q = QExpr.compare("T", QExpr.Op.EQ, v).render(QDialect.STRICT);
    assertThat(java.time.OffsetDateTime.parse(q.substring(5, q.length() - 1)).toInstant())
        .isEqualTo(java.time.OffsetDateTime.parse(json).toInstant());
    return q.substring(4);
  }

  @Test
  void descendingDatetimeScansReadTheNullsThenEveryNonNullRowWithoutIsNull() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.desc("At"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, TIMED, QDialect.STRICT), 2, 3);
    assertThat(params(c)).containsEntry("orderBy", "At:desc,Id:asc").doesNotContainKey("q");
    c.advance(rows(true, 1L, null, 2L, null));
    assertThat(params(c)).containsEntry("q",
        "Id > 2 or (At <= '2000-01-01T00:00:00+00:00' or At > '2000-01-01T00:00:00+00:00')");
    c.advance(rows(true, 3L, null, 4L, "2024-01-15T10:20:30.5+01:00", 5L, "2024-01-15T09:20:30.5Z"));
    // plus the window of what .5 may stand for if the pod held more digits than it wrote
    assertThat(params(c)).containsEntry("q", "At < '2024-01-15T09:20:30.5+00:00' or "
        + "(At = '2024-01-15T09:20:30.5+00:00' and Id > 5) or (At > '2024-01-15T09:20:30.5+00:00' and "
        + "At < '2024-01-15T09:20:30.6+00:00')").containsEntry("offset", "0");
    // an exact pod answers the window with rows written after .5, all returned before: dropped, counted
    assertThat(c.advance(rows(true, 2L, "2024-01-15T09:20:30.55Z", 6L, "2024-01-15T09:20:30Z")))
        .extracting(r -> r[0]).containsExactly(6L);
    assertThat(params(c)).containsEntry("q", "At < '2024-01-15T09:20:30+00:00' or "
        + "(At = '2024-01-15T09:20:30+00:00' and Id > 6) or (At > '2024-01-15T09:20:30+00:00' and "
        + "At < '2024-01-15T09:20:31+00:00')").containsEntry("offset", "0");
    assertThat(c.advance(rows(true, 1L, "2024-01-15T09:20:30.2Z"))).isEmpty();
    assertThat(params(c)).containsEntry("q", "At < '2024-01-15T09:20:30+00:00' or "
        + "(At = '2024-01-15T09:20:30+00:00' and Id > 6) or (At > '2024-01-15T09:20:30+00:00' and "
        + "At < '2024-01-15T09:20:31+00:00')").containsEntry("offset", "1");
  }

  @Test
  void aDatetimeWithoutAnOffsetNamesNoInstantSoTheOffsetGrowsFromTheLastAnchor() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.asc("At"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, TIMED, QDialect.STRICT), 2, 3);
    c.nextParams();
    c.advance(rows(true, 1L, "2024-01-15T10:20:30-08:00", 2L, "2024-01-15T18:20:31"));
    assertThat(params(c)).containsEntry("q", "At > '2024-01-15T18:20:30+00:00' or "
        + "(At = '2024-01-15T18:20:30+00:00' and Id > 1)").containsEntry("offset", "1");
    c.advance(rows(true, 3L, "2024-01-15T18:20:32", 4L, "2024-01-15T18:20:33", 5L, "2024-01-15T18:20:34"));
    assertThat(params(c)).containsEntry("q", "At > '2024-01-15T18:20:30+00:00' or "
        + "(At = '2024-01-15T18:20:30+00:00' and Id > 1)").containsEntry("offset", "4");
    c.advance(rows(true, 6L, "2024-01-15T18:20:35.250+00:00", 7L, "2024-01-15T18:20:36Z"));
    assertThat(params(c)).containsEntry("q", "At > '2024-01-15T18:20:36+00:00' or "
        + "(At = '2024-01-15T18:20:36+00:00' and Id > 7)").containsEntry("offset", "0");
  }

  @Test
  void anAscendingDatetimeHeldFinerThanWrittenFallsBackToOffsetFromTheRegionStart() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.asc("At"))).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, TIMED, QDialect.STRICT), 2, 3);
    c.nextParams();
    assertThat(c.advance(rows(true, 1L, "2024-01-15T10:20:30Z", 2L, "2024-01-15T10:20:31Z"))).hasSize(2);
    assertThat(params(c)).containsEntry("q", "At > '2024-01-15T10:20:31+00:00' or "
        + "(At = '2024-01-15T10:20:31+00:00' and Id > 2)");
    // row 2 again with its value unchanged: the server holds 10:20:31.x and compares that, so A = x never held
    assertThat(c.advance(rows(true, 2L, "2024-01-15T10:20:31Z", 3L, "2024-01-15T10:20:31Z", 4L, "2024-01-15T10:20:32Z")))
        .isEmpty();
    assertThat(params(c)).doesNotContainKey("q").containsEntry("offset", "2").containsEntry("orderBy", "At:asc,Id:asc");
    assertThat(c.advance(rows(true, 3L, "2024-01-15T10:20:31Z", 4L, "2024-01-15T10:20:32Z", 5L, "2024-01-15T10:20:33Z")))
        .hasSize(3);
    assertThat(params(c)).doesNotContainKey("q").containsEntry("offset", "5");
    assertThat(c.advance(rows(false, 6L, "2024-01-15T10:20:34Z", 7L, null))).hasSize(2);
    assertThat(c.done()).isTrue();
  }

  @Test
  void aDescendingDatetimeHeldFinerThanWrittenFallsBackToOffsetBeforeOrAfterAnAnchor() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Id"))
        .orderBy(List.of(SortKey.desc("At"))).build();
    PageCursor early = new PageCursor(ScanPlan.of(spec, TIMED, QDialect.STRICT), 3, 3);
    early.nextParams();
    // one written second, keys out of order: the server sorted by the fraction it does not write
    assertThat(early.advance(rows(true, 1L, null, 9L, "2024-01-15T10:20:31Z", 4L, "2024-01-15T10:20:31Z")))
        .extracting(r -> r[0]).containsExactly(1L);
    assertThat(params(early)).containsEntry("q",
        "At <= '2000-01-01T00:00:00+00:00' or At > '2000-01-01T00:00:00+00:00'").containsEntry("offset", "0");
    PageCursor late = new PageCursor(ScanPlan.of(spec, TIMED, QDialect.STRICT), 3, 3);
    late.nextParams();
    late.advance(rows(true, 1L, "2024-01-15T10:20:33Z", 2L, "2024-01-15T10:20:32Z", 3L, "2024-01-15T10:20:31Z"));
    // the window of 10:20:31 brings row 3 back unchanged: the pod holds 10:20:31.x; nothing was skipped yet
    assertThat(late.advance(rows(true, 3L, "2024-01-15T10:20:31Z", 4L, "2024-01-15T10:20:31Z"))).isEmpty();
    assertThat(params(late)).containsEntry("q",
        "At <= '2000-01-01T00:00:00+00:00' or At > '2000-01-01T00:00:00+00:00'").containsEntry("offset", "3");
  }

  @Test
  void withoutHasMoreOnlyAnEmptyPageEndsTheScan() {
    // contract decision 4: a short page is not the end (a body cut short but parseable looks like one)
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.STRICT), 2, 3);
    c.nextParams();
    c.advance(new Page(List.of(new Object[] {"a"}, new Object[] {"b"}), null, null, null, null, null));
    assertThat(c.done()).isFalse();
    assertThat(params(c)).containsEntry("limit", "3");
    c.advance(new Page(List.<Object[]>of(new Object[] {"c"}), null, null, null, null, null));
    assertThat(c.done()).as("one row of three, no hasMore").isFalse();
    assertThat(params(c)).containsEntry("q", "Code > 'c'");
    c.advance(new Page(List.<Object[]>of(), null, null, null, null, null));
    assertThat(c.done()).isTrue();
  }

  @Test
  void limitZeroNeedsNoRequest() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).limit(0).build();
    assertThat(new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.STRICT), 2, 3).done())
        .isTrue();
  }
}
