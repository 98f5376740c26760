package org.fusionjdbc.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;

class PageParserTest {

  private static Page parse(List<String> layout, String json) throws Exception {
    return new PageParser(layout).read(new ByteArrayInputStream(json.replace('`', '"').getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void numbersAreNeverDoubles() throws Exception {
    Page p = parse(List.of("A", "B", "C", "D", "E"), "{`items`:[{`A`:9007199254740993,`B`:123456789012345678901234567890,"
        + "`C`:0.1,`D`:1e2,`E`:-7}],`count`:1,`hasMore`:false,`limit`:25,`offset`:0,`totalResults`:1}");
    Object[] r = p.rows().get(0);
    assertThat(r[0]).isEqualTo(9007199254740993L);
    assertThat(r[1]).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(r[2]).isEqualTo(new BigDecimal("0.1"));
    assertThat(r[3]).isInstanceOf(BigDecimal.class);
    assertThat(((BigDecimal) r[3]).compareTo(BigDecimal.valueOf(100))).isZero();
    assertThat(r[4]).isEqualTo(-7L);
    assertThat(p.count()).isEqualTo(1L);
    assertThat(p.hasMore()).isFalse();
    assertThat(p.totalResults()).isEqualTo(1L);
  }

  @Test
  void missingAttributesAreNullAndRepeatedLayoutNamesAreFilledTwice() throws Exception {
    Page p = parse(List.of("A", "B", "A"), "{`items`:[{`A`:`x`,`Z`:{`deep`:[1]},`links`:[{`rel`:`self`}],`B`:null},"
        + "{`A`:true,`B`:[1,{`c`:2.50}]}],`hasMore`:true}");
    assertThat(p.rows().get(0)).containsExactly("x", null, "x");
    assertThat(p.rows().get(1)).containsExactly(true, "[1,{\"c\":2.50}]", true);
    assertThat(p.hasMore()).isTrue();
    assertThat(p.count()).isNull();
  }

  @Test
  void notACollectionIsAProtocolError() {
    assertThatThrownBy(() -> parse(List.of("A"), "[1]")).isInstanceOfSatisfying(FusionException.class,
        e -> assertThat(e.kind()).isEqualTo(FusionException.Kind.PROTOCOL));
    assertThatThrownBy(() -> parse(List.of("A"), "{`A`:1}")).hasMessageContaining("no items array");
  }

  @Test
  void exponentFormNumbersAreExactDecimals() throws Exception {
    // 1.7842464E+12 as a real pod wrote it; the second has more digits than a double holds
    Page p = parse(List.of("A", "B", "C"), "{`items`:[{`A`:1.7842464E+12,`B`:9007199254740993.1E+1,`C`:`31`}],"
        + "`count`:1,`hasMore`:false,`limit`:`499`,`offset`:0}");
    Object[] r = p.rows().get(0);
    assertThat((BigDecimal) r[0]).isEqualByComparingTo("1784246400000");
    assertThat((BigDecimal) r[1]).isEqualByComparingTo("90071992547409931");
    assertThat(r[2]).isEqualTo("31"); // a code sent as a string stays the pod's text; the column type decides
    assertThat(p.limit()).isEqualTo(499L);
  }
}
