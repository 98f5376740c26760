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
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/** {@code MIN}/{@code MAX} without GROUP BY: one {@code orderBy} + {@code limit=1} request per call ({@link MinMaxRule}). */
public final class FusionMinMax extends Aggregate implements FusionRel {

  FusionMinMax(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<AggregateCall> aggCalls) {
    super(cluster, traits, List.of(), input, ImmutableBitSet.of(), null, aggCalls);
  }

  @Override
  public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
    return new FusionMinMax(getCluster(), traitSet, input, aggCalls);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // As cheap as COUNT: a row per call crosses the wire, whatever the collection holds.
    return super.computeSelfCost(planner, mq).multiplyBy(0.001);
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.visitChild(getInput());
    for (AggregateCall c : getAggCallList()) {
      implementor.bounds.add(new Implementor.Bound(implementor.column(c.getArgList().get(0)),
          c.getAggregation().getKind() == SqlKind.MAX));
    }
  }
}
