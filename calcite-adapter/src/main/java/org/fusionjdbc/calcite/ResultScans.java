package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.rel.RelNode;

/**
 * Finds the Fusion scan whose rows are, one for one, the statement's result rows: only projections
 * without a condition may sit above it. Only such a scan may take {@code setMaxRows} as its limit.
 */
final class ResultScans {
  private ResultScans() {
  }

  /** {@code plan} with its result scan (if any) replaced by one that knows it produces the result rows. */
  static RelNode mark(RelNode plan) {
    if (plan instanceof FusionToEnumerableConverter c) {
      return c.asResultRows();
    }
    boolean passesRows = plan instanceof EnumerableCalc calc && calc.getProgram().getCondition() == null
        || plan instanceof EnumerableProject;
    if (!passesRows) {
      return plan;
    }
    RelNode input = plan.getInput(0);
    RelNode marked = mark(input);
    return marked == input ? plan : plan.copy(plan.getTraitSet(), List.of(marked));
  }
}
