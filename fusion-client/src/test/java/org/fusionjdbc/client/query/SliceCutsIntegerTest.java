package org.fusionjdbc.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;

/** An integer key as pods send it: a JSON number in any form, or a JSON string of one. */
class SliceCutsIntegerTest {

  @Test
  void readsNumbersInEveryFormAndNumericStrings() {
    assertThat(SliceCuts.integer(300000047486514L)).isEqualTo(BigInteger.valueOf(300000047486514L));
    assertThat(SliceCuts.integer(new BigDecimal("1.7842464E+12"))).isEqualTo(BigInteger.valueOf(1784246400000L));
    assertThat(SliceCuts.integer("300000047486514")).isEqualTo(BigInteger.valueOf(300000047486514L));
    assertThat(SliceCuts.integer(" 1.7842464E+12 ")).isEqualTo(BigInteger.valueOf(1784246400000L));
  }

  @Test
  void anythingElseIsAProtocolErrorNamingTheValue() {
    for (Object odd : new Object[] {"", "1.5", "12a", new BigDecimal("0.5"), true}) {
      assertThatThrownBy(() -> SliceCuts.integer(odd)).isInstanceOf(FusionException.class)
          .satisfies(e -> assertThat(((FusionException) e).kind()).isEqualTo(FusionException.Kind.PROTOCOL))
          .hasMessageContaining("an integer key came back as");
    }
  }
}
