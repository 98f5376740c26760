package org.fusionjdbc.client.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
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

  @Test
  void withoutHasMoreAFullPageMeansMoreAndAShortOneTheEnd() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).build();
    PageCursor c = new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.STRICT), 2, 3);
    c.nextParams();
    c.advance(new Page(List.of(new Object[] {"a"}, new Object[] {"b"}), null, null, null, null, null));
    assertThat(c.done()).isFalse();
    assertThat(params(c)).containsEntry("limit", "3");
    c.advance(new Page(List.of(new Object[] {"c"}, new Object[] {"d"}), null, null, null, null, null));
    assertThat(c.done()).isTrue();
  }

  @Test
  void limitZeroNeedsNoRequest() {
    QuerySpec spec = QuerySpec.builder(ResourcePath.of("r", "codes")).fields(List.of("Code")).limit(0).build();
    assertThat(new PageCursor(ScanPlan.of(spec, List.of("Code"), Optional.of(CODE), QDialect.STRICT), 2, 3).done())
        .isTrue();
  }
}
