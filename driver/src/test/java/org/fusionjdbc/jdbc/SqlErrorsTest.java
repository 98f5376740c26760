package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlErrorsTest {

  static Stream<Arguments> fusionKinds() {
    return Stream.of(
        Arguments.of(FusionException.Kind.AUTHENTICATION, "28000", SQLInvalidAuthorizationSpecException.class),
        Arguments.of(FusionException.Kind.AUTHORIZATION, "42501", SQLException.class),
        Arguments.of(FusionException.Kind.CONFIGURATION, "08001", SQLException.class),
        Arguments.of(FusionException.Kind.THROTTLED, "08S01", SQLTransientConnectionException.class),
        Arguments.of(FusionException.Kind.SERVER, "08S01", SQLTransientConnectionException.class),
        Arguments.of(FusionException.Kind.TRANSPORT, "08S01", SQLTransientConnectionException.class),
        Arguments.of(FusionException.Kind.TIMEOUT, "HYT00", SQLTimeoutException.class),
        Arguments.of(FusionException.Kind.CANCELLED, "57014", SQLException.class),
        Arguments.of(FusionException.Kind.NOT_FOUND, "42S02", SQLSyntaxErrorException.class),
        Arguments.of(FusionException.Kind.PROTOCOL, "08P01", SQLException.class),
        Arguments.of(FusionException.Kind.BAD_REQUEST, "HY000", SQLException.class));
  }

  @ParameterizedTest
  @MethodSource("fusionKinds")
  void fusionErrorsFoundDeepInTheCauseChainKeepTheirMessage(FusionException.Kind kind, String state,
      Class<? extends SQLException> type) {
    FusionException cause = FusionException.builder(kind, "Fusion said: no").build();
    SQLException wrapped = new SQLException("Error while executing SQL \"select 1\": boom",
        new RuntimeException("wrapper", cause));
    SQLException mapped = SqlErrors.map(wrapped);
    assertThat((Throwable) mapped).isInstanceOf(type);
    assertThat(mapped.getSQLState()).isEqualTo(state);
    assertThat(mapped.getMessage()).contains("Fusion said: no");
    assertThat(mapped.getCause()).isSameAs(wrapped);
  }

  @Test
  void calciteValidatorMessagesBecomeUnknownTableAndColumnStates() {
    SQLException table = SqlErrors.map(new SQLException("Error while executing SQL",
        new RuntimeException("From line 1, column 15 to line 1, column 22: Object 'nosuch' not found within 'FSCM'")));
    assertThat(table.getSQLState()).isEqualTo("42S02");
    assertThat(table.getMessage()).startsWith("Table or schema 'nosuch' not found in 'FSCM'");
    SQLException column = SqlErrors.map(new SQLException("Error while executing SQL",
        new RuntimeException("From line 1, column 8 to line 1, column 10: Column 'Bogus' not found in any table")));
    assertThat(column.getSQLState()).isEqualTo("42S22");
    assertThat(column.getMessage()).isEqualTo("Column 'Bogus' not found in any table (line 1, column 8)");
  }

  @Test
  void ourOwnSqlExceptionsPassThroughUnchanged() {
    SQLException ours = new SQLException("Connection property 'x' ...", "08001");
    assertThat((Throwable) SqlErrors.map(ours)).isSameAs(ours);
  }

  @Test
  void unknownFailuresGetAGeneralStateAndTheDeepestMessage() {
    SQLException mapped = SqlErrors.map(new IllegalStateException("outer", new IllegalStateException("root cause")));
    assertThat(mapped.getSQLState()).isEqualTo("HY000");
    assertThat(mapped.getMessage()).isEqualTo("root cause");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"ORA-00942,42S02", "ORA-00904,42S22", "ORA-00933,42000",
      "ORA-01013,HYT00", "ORA-01476,22000", "ORA-20003,HY000"})
  void biPublisherOracleCodesGetPreciseStates(String code, String state) {
    FusionException e = FusionException.builder(FusionException.Kind.BAD_REQUEST, code + ": something").fusionErrorCode(code)
        .build();
    assertThat(SqlErrors.map(e).getSQLState()).isEqualTo(state);
  }

  @Test
  void aWireValueTheDriverCannotReadIsADataExceptionNamingResourceAttributeAndValue() {
    var cause = new org.fusionjdbc.calcite.WireValueException("Cannot read a value of resource workers: attribute "
        + "PersonId is BIGINT but Fusion sent String 'abc'", "22018", null);
    SQLException mapped = SqlErrors.map(new RuntimeException("Error while executing SQL", cause));
    assertThat((Object) mapped).isInstanceOf(java.sql.SQLDataException.class);
    assertThat(mapped.getSQLState()).isEqualTo("22018");
    assertThat(mapped.getMessage()).contains("workers").contains("PersonId").contains("'abc'");
  }
}
