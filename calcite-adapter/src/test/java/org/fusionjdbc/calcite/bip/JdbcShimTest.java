package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSetMetaData;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.api.Test;

/** A shim forwards to the target's methods, refuses the rest, and fails loudly on a method that matches nothing. */
class JdbcShimTest {
  /** Implements two ResultSetMetaData methods. */
  public static final class TwoColumns {
    public int getColumnCount() {
      return 2;
    }

    public String getColumnName(int column) {
      return "C" + column;
    }
  }

  /** A misspelt method: no ResultSetMetaData caller would ever reach it. */
  public static final class Misspelt {
    public int getColumnCout() {
      return 2;
    }
  }

  /** The right name with a parameter type ResultSetMetaData does not declare. */
  public static final class WrongParameter {
    public String getColumnName(long column) {
      return "C" + column;
    }
  }

  /** The right signature with an answer the interface cannot return. */
  public static final class WrongAnswer {
    public long getColumnCount() {
      return 2;
    }
  }

  @Test
  void forwardsWhatTheTargetImplementsAndRefusesTheRest() throws Exception {
    ResultSetMetaData md = JdbcShim.of(ResultSetMetaData.class, new TwoColumns());
    assertThat(md.getColumnCount()).isEqualTo(2);
    assertThat(md.getColumnName(2)).isEqualTo("C2");
    assertThatThrownBy(() -> md.getColumnType(1)).isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("ResultSetMetaData.getColumnType");
  }

  @Test
  void aTargetMethodThatMatchesNoInterfaceMethodFailsWhenTheShimIsMade() {
    assertThatThrownBy(() -> JdbcShim.of(ResultSetMetaData.class, new Misspelt()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("getColumnCout");
    assertThatThrownBy(() -> JdbcShim.of(ResultSetMetaData.class, new WrongParameter()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("getColumnName");
    assertThatThrownBy(() -> JdbcShim.of(ResultSetMetaData.class, new WrongAnswer()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("getColumnCount");
    // and again: a failed check is not remembered as passed
    assertThatThrownBy(() -> JdbcShim.of(ResultSetMetaData.class, new Misspelt()))
        .isInstanceOf(IllegalStateException.class);
  }
}
