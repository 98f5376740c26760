package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContexts;
import org.junit.jupiter.api.Test;

/** FUSION_DB parameters are bound by the types compiled into the plan; a parameter without one is refused. */
class TypedParametersTest {
  private final List<String> calls = new ArrayList<>();

  private PreparedStatement recorder() {
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          calls.add(method.getName() + " " + args[0] + " " + args[args.length - 1]);
          return null;
        });
  }

  @Test
  void internalDatetimesBecomeJdbcValuesByTheirPlannedType() throws SQLException {
    var root = DataContexts.of(Map.of("?0", 19875, "?1", 1_717_243_200_000L, "?2", "Acme", "?3", 19875));
    TypedParameters.enricher(new Integer[] {2, 0, 1, 3}, root, new String[] {"DATE", "TIMESTAMP", "VARCHAR",
        "INTEGER"}).enrich(recorder());
    assertThat(calls).containsExactly("setObject 1 Acme", "setDate 2 2024-06-01", "setTimestamp 3 2024-06-01 12:00:00.0",
        "setObject 4 19875");
  }

  @Test
  void aParameterWithoutATypeIsRefusedNotBoundAsANumber() {
    var root = DataContexts.of(Map.of("?0", 19875, "?1", 7));
    assertThatThrownBy(() -> TypedParameters.enricher(new Integer[] {0, 1}, root, new String[] {"DATE"})
        .enrich(recorder())).isInstanceOf(SQLException.class).hasMessageContaining("parameter 2 has no SQL type");
    assertThat(calls).containsExactly("setDate 1 2024-06-01");
  }
}
