package org.fusionjdbc.calcite;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/** A filter whose every conjunct translates to q (the rule leaves the rest in Calcite above it). */
public final class FusionFilter extends Filter implements FusionRel {

  FusionFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
    super(cluster, traits, input, condition);
  }

  @Override
  public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
    return new FusionFilter(getCluster(), traitSet, input, condition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(0.1);
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.visitChild(getInput());
    if (implementor.limited()) {
      throw new IllegalStateException("planner bug: a filter above OFFSET/LIMIT cannot be pushed");
    }
    var columns = implementor.outputColumns();
    FusionTable t = implementor.table;
    FilterTranslator tr = new FilterTranslator(columns::get, getCluster().getRexBuilder(),
        t.client().config().dialect(), t.options().timeZone(), null);
    for (RexNode conjunct : org.apache.calcite.plan.RelOptUtil.conjunctions(condition)) {
      var key = tr.parentKey(conjunct);
      if (key.isPresent()) {
        if (implementor.parentKey != null && !implementor.parentKey.equals(key.get())) {
          throw new IllegalStateException("planner bug: two parent keys pushed");
        }
        implementor.parentKey = key.get();
      } else if (FilterTranslator.hasParam(conjunct)) {
        implementor.deferred.add(new Implementor.DeferredFilter(conjunct, columns));
      } else {
        implementor.filters.add(tr.translate(conjunct).orElseThrow(
            () -> new IllegalStateException("planner bug: untranslatable conjunct pushed: " + conjunct)));
      }
    }
  }
}
