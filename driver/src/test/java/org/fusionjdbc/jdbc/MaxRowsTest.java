package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxRowsTest {
  @Test
  void aPlainQueryGetsAFetch() {
    assertThat(MaxRows.limit("select * from fscm.invoices", 200))
        .isEqualTo("SELECT *\nFROM \"fscm\".\"invoices\"\nFETCH NEXT 200 ROWS ONLY");
  }

  @Test
  void orderByIsKeptAndALargerLimitShrinks() {
    assertThat(MaxRows.limit("select \"A\" from t order by \"A\" desc limit 1000", 10))
        .isEqualTo("SELECT \"A\"\nFROM \"t\"\nORDER BY \"A\" DESC\nFETCH NEXT 10 ROWS ONLY");
  }

  @Test
  void aSmallerLimitOrAParameterIsLeftAlone() {
    String small = "select a from t limit 5";
    assertThat(MaxRows.limit(small, 10)).isSameAs(small);
    String param = "select a from t limit ?";
    assertThat(MaxRows.limit(param, 10)).isSameAs(param);
  }

  @Test
  void withQueriesLimitTheirBodyAndSetOperationsAreWrapped() {
    assertThat(MaxRows.limit("with x as (select a from t) select a from x order by a", 3))
        .contains("ORDER BY \"a\"\nFETCH NEXT 3 ROWS ONLY");
    assertThat(MaxRows.limit("select a from t union all select a from u", 3)).endsWith("FETCH NEXT 3 ROWS ONLY");
  }

  @Test
  void nonQueriesUnparsableTextAndZeroAreUnchanged() {
    for (String sql : new String[] {"explain plan for select 1", "selec 1", "insert into t values (1)"}) {
      assertThat(MaxRows.limit(sql, 10)).isSameAs(sql);
    }
    String q = "select 1";
    assertThat(MaxRows.limit(q, 0)).isSameAs(q);
  }

  @Test
  void literalsSurviveTheRoundTripUnchanged() {
    String sql = "select * from t where \"Name\" = 'O''Brien; drop -- ''x''' and \"City\" = 'Zürich 日本'";
    String limited = MaxRows.limit(sql, 7);
    assertThat(limited).contains("'O''Brien; drop -- ''x'''");
    assertThat(limited).containsAnyOf("'Zürich 日本'", "u&'Z\\00fcrich \\65e5\\672c'");
  }
}
