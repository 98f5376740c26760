package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyTest {
  @ParameterizedTest
  @ValueSource(strings = {"insert into invoices values (1)", "  UPDATE invoices set x = 1", "/* c */ delete from t",
      "-- note\ncreate table t (x int)", "drop table t", "( merge into t using u on 1=1 when matched then delete )",
      "CREATE LOCAL TEMPORARY TABLE XT_Connect_CheckCreateTempTableCap (COL INTEGER) ON COMMIT PRESERVE ROWS"})
  void writesAreRefusedWithFeatureNotSupported(String sql) {
    assertThatThrownBy(() -> ReadOnly.check(sql))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("read-only")
        .extracting(e -> ((SQLFeatureNotSupportedException) e).getSQLState()).isEqualTo("0A000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"select * from invoices", "with x as (select 1) select * from x", "values 1",
      "explain plan for select 1", "/* insert */ select 'delete' from t", "(select 1)"})
  void readsPass(String sql) {
    assertThatCode(() -> ReadOnly.check(sql)).doesNotThrowAnyException();
  }
}
