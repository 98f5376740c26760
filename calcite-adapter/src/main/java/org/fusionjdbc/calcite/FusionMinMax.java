package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;

/** {@code MIN}/{@code MAX} without GROUP BY: one {@code orderBy} + {@code limit=1} request per call ({@link MinMaxRule}). */
public final class FusionMinMax extends FusionAggregate {

  FusionMinMax(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<AggregateCall> aggCalls) {
    super(cluster, traits, input, aggCalls);
  }

  @Override
  FusionMinMax copy(RelTraitSet traitSet, RelNode input, List<AggregateCall> aggCalls) {
    return new FusionMinMax(getCluster(), traitSet, input, aggCalls);
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
