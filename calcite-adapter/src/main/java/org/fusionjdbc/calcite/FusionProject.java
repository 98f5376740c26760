package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** A projection of plain columns: becomes {@code fields}. */
public final class FusionProject extends Project implements FusionRowRel {
  /** The rows of the input, which this projection picks fields of. */
  private final FusionRows inputRows;

  FusionProject(RelOptCluster cluster, RelTraitSet traits, RelNode input, FusionRows inputRows,
      List<? extends RexNode> projects, RelDataType rowType) {
    super(cluster, traits, List.of(), input, projects, rowType, java.util.Set.of());
    this.inputRows = java.util.Objects.requireNonNull(inputRows, "inputRows");
  }

  @Override
  public FusionRows rows() {
    return inputRows.project(getProjects().stream().map(e -> ((RexInputRef) e).getIndex()).toList());
  }

  @Override
  public Project copy(RelTraitSet traitSet, RelNode input, List<RexNode> projects, RelDataType rowType) {
    return new FusionProject(getCluster(), traitSet, input, inputRows, projects, rowType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Fewer fields, fewer bytes: prefer the narrowest request.
    double share = (getRowType().getFieldCount() + 1.0) / (getInput().getRowType().getFieldCount() + 1.0);
    return super.computeSelfCost(planner, mq).multiplyBy(0.1 * share);
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.visitChild(getInput());
    int[] next = new int[getProjects().size()];
    for (int i = 0; i < next.length; i++) {
      next[i] = implementor.columns[((RexInputRef) getProjects().get(i)).getIndex()];
    }
    implementor.columns = next;
  }
}
