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

/**
 * An aggregate without GROUP BY that Fusion answers in a request or two per call, whatever the collection holds:
 * {@link FusionCount} and {@link FusionMinMax}. What they send differs; their shape and cost do not.
 */
abstract sealed class FusionAggregate extends Aggregate implements FusionRel permits FusionCount, FusionMinMax {

  FusionAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<AggregateCall> aggCalls) {
    super(cluster, traits, List.of(), input, ImmutableBitSet.of(), null, aggCalls);
  }

  /** This kind of aggregate over another (equivalent) input. */
  abstract FusionAggregate copy(RelTraitSet traitSet, RelNode input, List<AggregateCall> aggCalls);

  @Override
  public final Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
    return copy(traitSet, input, aggCalls);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // a row per call crosses the wire, not the collection
    return super.computeSelfCost(planner, mq).multiplyBy(0.001);
  }
}
