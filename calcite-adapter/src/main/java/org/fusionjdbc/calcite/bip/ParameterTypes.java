package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlString;

/**
 * The SQL types of the {@code ?} parameters of each FUSION_DB query, learnt from the plan. Calcite's JDBC
 * adapter hands a prepared statement's values over in its internal form (a TIMESTAMP as epoch milliseconds, a
 * DATE as epoch days) through plain setLong/setInt, so without the types such a value would reach Oracle as a
 * number. Before implementation, every JDBC subtree of our dialect is unparsed exactly as the adapter will, and
 * its parameters' types are kept (bounded) under that SQL text for {@link BipStatement}.
 */
final class ParameterTypes {
  private static final int CAPACITY = 512;
  private static final Map<String, List<SqlTypeName>> BY_SQL = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SqlTypeName>> eldest) {
          return size() > CAPACITY;
        }
      });

  static {
    Hook.PLAN_BEFORE_IMPLEMENTATION.add((Consumer<RelRoot>) root -> visit(root.rel));
  }

  private ParameterTypes() {
  }

  /** Loads the class, which installs the hook. */
  static void install() {
    // the static initialiser does the work
  }

  /** The types of the {@code ?}s of {@code sql} in text order, or an empty list when unknown. */
  static List<SqlTypeName> of(String sql) {
    List<SqlTypeName> t = BY_SQL.get(sql);
    return t == null ? List.of() : t;
  }

  private static void visit(RelNode node) {
    if (node instanceof JdbcToEnumerableConverter c) {
      record(c);
      return;
    }
    for (RelNode input : node.getInputs()) {
      visit(input);
    }
  }

  private static void record(JdbcToEnumerableConverter converter) {
    RelNode child = converter.getInput();
    Convention convention = child.getConvention();
    if (!(convention instanceof JdbcConvention jdbc) || !(jdbc.dialect instanceof FusionOracleDialect)) {
      return;
    }
    Map<Integer, SqlTypeName> types = new HashMap<>();
    collect(child, types);
    if (types.isEmpty()) {
      return;
    }
    SqlDialect dialect = jdbc.dialect;
    SqlString sql = new JdbcImplementor(dialect, (JavaTypeFactory) converter.getCluster().getTypeFactory())
        .visitRoot(child).asStatement().toSqlString(dialect);
    List<Integer> order = sql.getDynamicParameters();
    if (order == null) {
      return;
    }
    List<SqlTypeName> list = new ArrayList<>();
    for (Integer index : order) {
      list.add(types.getOrDefault(index, SqlTypeName.ANY));
    }
    BY_SQL.put(sql.getSql(), List.copyOf(list));
  }

  private static void collect(RelNode node, Map<Integer, SqlTypeName> types) {
    node.accept(new RexShuttle() {
      @Override
      public org.apache.calcite.rex.RexNode visitDynamicParam(RexDynamicParam p) {
        types.put(p.getIndex(), p.getType().getSqlTypeName());
        return p;
      }
    });
    for (RelNode input : node.getInputs()) {
      collect(input, types);
    }
  }
}
