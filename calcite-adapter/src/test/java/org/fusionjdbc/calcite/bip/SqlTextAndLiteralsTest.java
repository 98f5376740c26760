package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;

/** The lexical helpers, the literal renderer, the type mapping and the options' validation. */
class SqlTextAndLiteralsTest {

  @Test
  void topLevelKeywordsIgnoreQuotesCommentsAndSubqueries() {
    assertThat(SqlText.hasTopLevel("SELECT * FROM t ORDER BY 1", "ORDER")).isTrue();
    assertThat(SqlText.hasTopLevel("SELECT * FROM (SELECT * FROM t ORDER BY 1) x", "ORDER")).isFalse();
    assertThat(SqlText.hasTopLevel("SELECT 'ORDER BY' FROM t", "ORDER")).isFalse();
    assertThat(SqlText.hasTopLevel("SELECT \"ORDER\" FROM t -- ORDER BY\n", "ORDER")).isFalse();
    assertThat(SqlText.hasTopLevel("SELECT a /* FETCH */ FROM t", "FETCH")).isFalse();
    assertThat(SqlText.hasTopLevel("SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t", "ORDER")).isFalse();
    assertThat(SqlText.hasTopLevel("SELECT x_order FROM t", "ORDER")).isFalse();
    assertThat(SqlText.hasTopLevel("SELECT 'it''s' FROM t FETCH NEXT 5 ROWS ONLY", "FETCH")).isTrue();
  }

  @Test
  void onlySingleQueriesPassTheGuard() {
    SqlText.requireSingleQuery("  -- note\n/* x */ select 1 from dual");
    SqlText.requireSingleQuery("WITH a AS (SELECT 1 x FROM dual) SELECT x FROM a");
    SqlText.requireSingleQuery("select ';' as semi, 'for update' from dual");
    for (String bad : List.of("", "  ", "delete from t", "select 1 from dual; select 2 from dual",
        "select * from t for update nowait", "with function f return number is begin return 1; end; select 1 from dual",
        "merge into t using s on (1=1) when matched then update set a = 1", "call p()", "selectx from t")) {
      assertThatThrownBy(() -> SqlText.requireSingleQuery(bad)).as(bad).isInstanceOf(FusionException.class)
          .hasMessageContaining("only a single SELECT or WITH query");
    }
  }

  @Test
  void parametersBecomeDialectLiterals() {
    List<Object> p = Arrays.asList("O'Brien' OR '1'='1", 42L, new BigDecimal("1E+3"), null,
        Timestamp.valueOf("2024-01-31 10:15:00"), java.sql.Date.valueOf("2024-01-31"));
    String sql = Literals.bind("SELECT '?' FROM t WHERE a = ? AND b = ? AND c = ? AND d = ? AND e = ? AND f = ?",
        p, BipSql.DIALECT);
    assertThat(sql).isEqualTo("SELECT '?' FROM t WHERE a = 'O''Brien'' OR ''1''=''1' AND b = 42 AND c = 1000 "
        + "AND d = NULL AND e = TIMESTAMP '2024-01-31 10:15:00.000' AND f = DATE '2024-01-31'");
    assertThatThrownBy(() -> Literals.bind("SELECT ? FROM t", List.of(), BipSql.DIALECT))
        .hasMessageContaining("parameter 1 was not set");
    assertThatThrownBy(() -> Literals.literal(Double.NaN, BipSql.DIALECT)).isInstanceOf(FusionException.class);
    assertThatThrownBy(() -> Literals.literal(new Object(), BipSql.DIALECT)).isInstanceOf(FusionException.class);
  }

  @Test
  void oracleTypesMapToSqlTypes() {
    assertThat(OracleTypes.map("NUMBER", 22, 18, 0).jdbcType()).isEqualTo(Types.BIGINT);
    assertThat(OracleTypes.map("NUMBER", 22, 19, 0)).isEqualTo(new OracleTypes.SqlType(Types.DECIMAL, "DECIMAL", 19, 0));
    assertThat(OracleTypes.map("NUMBER", 22, 12, 2)).isEqualTo(new OracleTypes.SqlType(Types.DECIMAL, "DECIMAL", 12, 2));
    assertThat(OracleTypes.map("NUMBER", 22, null, null).digits()).isEqualTo(OracleTypes.DEFAULT_SCALE);
    assertThat(OracleTypes.map("NUMBER", 22, 0, -127).digits()).isEqualTo(OracleTypes.DEFAULT_SCALE);
    assertThat(OracleTypes.map("TIMESTAMP(6) WITH TIME ZONE", 13, null, 6).jdbcType()).isEqualTo(Types.TIMESTAMP);
    assertThat(OracleTypes.map("DATE", 7, null, null).digits()).isZero();
    assertThat(OracleTypes.map("VARCHAR2", 240, null, null).size()).isEqualTo(240);
    assertThat(OracleTypes.map("CLOB", 4000, null, null).size()).isEqualTo(-1);
    assertThat(OracleTypes.map("SDO_GEOMETRY", 1, null, null).jdbcType()).isEqualTo(Types.VARCHAR);
  }

  @Test
  void optionsAreValidated() {
    assertThat(BipSqlOptions.defaults().withOwners(List.of(" fusion ", "fnd")).owners())
        .containsExactly("FUSION", "FND");
    assertThatThrownBy(() -> BipSqlOptions.defaults().withOwners(List.of("FUSION' OR 1=1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
    assertThatThrownBy(() -> BipSqlOptions.defaults().withOwners(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BipSqlOptions.defaults().withWindowSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window size");
    assertThat(BipSqlOptions.disabled().enabled()).isFalse();
  }

  @Test
  void likePatternsFollowJdbc() {
    assertThat(BipMetaData.like("AP_INVOICES_ALL").matcher("AP_INVOICES_ALL").matches()).isTrue();
    assertThat(BipMetaData.like("AP\\_%").matcher("APXINV").matches()).isFalse();
    assertThat(BipMetaData.like("AP\\_%").matcher("AP_INV").matches()).isTrue();
    assertThat(BipMetaData.like(null).matcher("anything").matches()).isTrue();
  }
}
