package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

/** {@code COUNT(*)} without GROUP BY: answered by one request with totalResults=true. */
public final class FusionCount extends Aggregate implements FusionRel {

  FusionCount(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<AggregateCall> aggCalls) {
    super(cluster, traits, List.of(), input, ImmutableBitSet.of(), null, aggCalls);
  }

  @Override
  public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
    return new FusionCount(getCluster(), traitSet, input, aggCalls);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(0.001);
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.visitChild(getInput());
    implementor.countColumns = getAggCallList().size();
  }
}
