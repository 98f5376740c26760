package org.fusionjdbc.calcite;

import java.util.Objects;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of one of the adapter's {@link RelRule}s: its name, its operand tree and how to build it. A plain
 * record, as Calcite's own rule configurations are generated immutables the adapter does not need to generate.
 */
record FusionRuleConfig(String description, RelRule.OperandTransform operandSupplier,
    RelBuilderFactory relBuilderFactory, Function<FusionRuleConfig, RelOptRule> factory) implements RelRule.Config {

  FusionRuleConfig {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(operandSupplier, "operandSupplier");
    Objects.requireNonNull(relBuilderFactory, "relBuilderFactory");
    Objects.requireNonNull(factory, "factory");
  }

  static RelOptRule rule(String description, RelRule.OperandTransform operands,
      Function<FusionRuleConfig, RelOptRule> factory) {
    return new FusionRuleConfig(description, operands, RelFactories.LOGICAL_BUILDER, factory).toRule();
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public FusionRuleConfig withRelBuilderFactory(RelBuilderFactory f) {
    return new FusionRuleConfig(description, operandSupplier, f, factory);
  }

  @Override
  public FusionRuleConfig withDescription(String d) {
    return new FusionRuleConfig(d, operandSupplier, relBuilderFactory, factory);
  }

  @Override
  public FusionRuleConfig withOperandSupplier(RelRule.OperandTransform t) {
    return new FusionRuleConfig(description, t, relBuilderFactory, factory);
  }
}
