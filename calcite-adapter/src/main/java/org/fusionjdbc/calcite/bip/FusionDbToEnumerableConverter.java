package org.fusionjdbc.calcite.bip;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.runtime.ResultSetEnumerable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * Calcite's JDBC-to-enumerable step for {@code FUSION_DB}, with parameter values bound by their SQL type. Calcite's
 * own step hands a prepared statement's values over in its internal form (a DATE as epoch days, a TIMESTAMP as epoch
 * milliseconds) through plain setInt/setLong, so the proxy report would get a number. Here the generated code is
 * Calcite's, except that its parameter binder is {@link TypedParameters}, given the types this plan declares for
 * its {@code ?}s, and the data source it opens its connection on is wrapped by {@link TypedResults} with the
 * Oracle types of the query's columns (which the XMLGEN proxy shape does not describe). Both are compiled into the
 * statement's own code and live exactly as long as it does: no cache keyed by SQL text, no global hook.
 */
final class FusionDbToEnumerableConverter extends JdbcToEnumerableConverter {
  private static final Method CALCITE_ENRICHER;
  private static final Method TYPED_ENRICHER;
  private static final Method TYPED_RESULTS;
  private static final Constructor<ProxyColumn> COLUMN;

  static {
    try {
      CALCITE_ENRICHER = ResultSetEnumerable.class.getMethod("createEnricher", Integer[].class,
          org.apache.calcite.DataContext.class);
      TYPED_ENRICHER = TypedParameters.class.getMethod("enricher", Integer[].class,
          org.apache.calcite.DataContext.class, String[].class);
      TYPED_RESULTS = TypedResults.class.getMethod("dataSource", DataSource.class, ProxyColumn[].class);
      COLUMN = ProxyColumn.class.getConstructor(String.class, String.class, int.class, int.class, int.class,
          boolean.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  FusionDbToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FusionDbToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result calcite = super.implement(implementor, pref);
    Map<Integer, SqlTypeName> types = parameterTypes(getInput());
    Expression typeArray = types.isEmpty() ? null : typeArray(types);
    Expression columnArray = columnArray(ResultTypes.columns(getInput().getRowType()));
    boolean[] replaced = {false, false};
    BlockStatement block = calcite.block.accept(new Shuttle() {
      @Override
      public Expression visit(MethodCallExpression call, Expression target, List<Expression> args) {
        if (typeArray != null && call.method.equals(CALCITE_ENRICHER)) {
          replaced[0] = true;
          return Expressions.call(TYPED_ENRICHER, args.get(0), args.get(1), typeArray);
        }
        if (opensResultSet(call.method)) {
          replaced[1] = true;
          List<Expression> typed = new ArrayList<>(args);
          typed.set(0, Expressions.call(TYPED_RESULTS, args.get(0), columnArray));
          return Expressions.call(call.method, typed);
        }
        return super.visit(call, target, args);
      }
    });
    if (typeArray != null && !replaced[0]) {
      // Calcite's generated code changed shape: binding by number would be silently wrong, so refuse.
      throw new IllegalStateException("FUSION_DB: the parameter binder of Calcite's JDBC adapter was not found");
    }
    if (!replaced[1]) {
      // Without the column types the XMLGEN proxy's values would all be text, so refuse.
      throw new IllegalStateException("FUSION_DB: the result set of Calcite's JDBC adapter was not found");
    }
    return new Result(block, calcite.physType, calcite.format);
  }

  /** Calcite's {@code ResultSetEnumerable.of(DataSource, sql, ...)}, which runs the query on the data source. */
  private static boolean opensResultSet(Method method) {
    return method.getDeclaringClass() == ResultSetEnumerable.class && method.getName().equals("of")
        && method.getParameterCount() > 0 && method.getParameterTypes()[0] == DataSource.class;
  }

  private static Expression typeArray(Map<Integer, SqlTypeName> types) {
    int size = types.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    Expression[] names = new Expression[size];
    for (int i = 0; i < size; i++) {
      SqlTypeName t = types.get(i);
      names[i] = Expressions.constant(t == null ? null : t.name(), String.class);
    }
    return Expressions.newArrayInit(String.class, names);
  }

  private static Expression columnArray(List<ProxyColumn> columns) {
    List<Expression> out = new ArrayList<>(columns.size());
    for (ProxyColumn c : columns) {
      out.add(Expressions.new_(COLUMN, Expressions.constant(c.name(), String.class),
          Expressions.constant(c.oracleType(), String.class), Expressions.constant(c.precision(), int.class),
          Expressions.constant(c.scale(), int.class), Expressions.constant(c.length(), int.class),
          Expressions.constant(c.nullable(), boolean.class)));
    }
    return Expressions.newArrayInit(ProxyColumn.class, out);
  }

  /** The SQL type of each {@code ?} (by its index) in the subtree Calcite unparses into one Oracle query. */
  private static Map<Integer, SqlTypeName> parameterTypes(RelNode node) {
    Map<Integer, SqlTypeName> types = new HashMap<>();
    collect(node, types);
    return types;
  }

  private static void collect(RelNode node, Map<Integer, SqlTypeName> types) {
    node.accept(new RexShuttle() {
      @Override
      public RexNode visitDynamicParam(RexDynamicParam p) {
        types.put(p.getIndex(), p.getType().getSqlTypeName());
        return p;
      }
    });
    for (RelNode input : node.getInputs()) {
      collect(input, types);
    }
  }
}
