package org.fusionjdbc.calcite.bip;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.sql.SqlDialect;

/**
 * The JDBC convention of the {@code FUSION_DB} schemas: Calcite's JDBC rules, with Calcite's converter to
 * enumerable replaced by {@link FusionDbToEnumerableConverter}, which hands the proxy report typed parameter values
 * and the query's result column types.
 */
final class FusionDbConvention extends JdbcConvention {
  FusionDbConvention(SqlDialect dialect, Expression expression, String name) {
    super(dialect, expression, name);
  }

  @Override
  public void register(RelOptPlanner planner) {
    super.register(planner);
    planner.removeRule(JdbcToEnumerableConverterRule.create(this));
    planner.addRule(ConverterRule.Config.INSTANCE
        .withConversion(org.apache.calcite.rel.RelNode.class, this, EnumerableConvention.INSTANCE,
            "FusionDbToEnumerableConverterRule(in:" + getName() + ")")
        .withRuleFactory(ToEnumerableRule::new)
        .toRule());
  }

  private static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public org.apache.calcite.rel.RelNode convert(org.apache.calcite.rel.RelNode rel) {
      return new FusionDbToEnumerableConverter(rel.getCluster(),
          rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
    }
  }
}
