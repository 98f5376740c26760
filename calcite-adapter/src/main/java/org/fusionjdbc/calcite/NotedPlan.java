package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The root of a final plan, carrying its {@link PlanNotes}: implementing it stores the notes among the prepared
 * statement's internal parameters (which Calcite keeps in the statement's signature and hands to each execution),
 * then implements the plan itself unchanged. Added after optimization only, so it never takes part in planning.
 */
final class NotedPlan extends SingleRel implements EnumerableRel {
  private final List<String> notes;

  NotedPlan(RelNode plan, List<String> notes) {
    super(plan.getCluster(), plan.getTraitSet(), plan);
    this.notes = List.copyOf(notes);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new NotedPlan(sole(inputs), notes);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeZeroCost();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    implementor.map.put(PlanNotes.KEY, notes);
    return implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
  }
}
