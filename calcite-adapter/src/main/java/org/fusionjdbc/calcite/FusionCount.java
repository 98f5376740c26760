package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;

/** {@code COUNT(*)} without GROUP BY: answered by one request with totalResults=true. */
public final class FusionCount extends FusionAggregate {

  FusionCount(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<AggregateCall> aggCalls) {
    super(cluster, traits, input, aggCalls);
  }

  @Override
  FusionCount copy(RelTraitSet traitSet, RelNode input, List<AggregateCall> aggCalls) {
    return new FusionCount(getCluster(), traitSet, input, aggCalls);
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.visitChild(getInput());
    implementor.countColumns = getAggCallList().size();
  }
}
