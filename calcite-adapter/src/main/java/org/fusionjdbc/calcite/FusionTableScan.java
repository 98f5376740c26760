package org.fusionjdbc.calcite;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** Scan of one Fusion table; the leaf every Fusion tree starts from. */
public final class FusionTableScan extends TableScan implements FusionRowRel {
  private final FusionTable fusionTable;

  FusionTableScan(RelOptCluster cluster, RelOptTable table, FusionTable fusionTable) {
    super(cluster, cluster.traitSetOf(FusionRel.CONVENTION), List.of(), table);
    this.fusionTable = Objects.requireNonNull(fusionTable, "fusionTable");
  }

  public FusionTable fusionTable() {
    return fusionTable;
  }

  @Override
  public FusionRows rows() {
    return FusionRows.of(fusionTable);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("resource", fusionTable.contextRoot() + ":" + fusionTable.tableName());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Remote rows are expensive; every pushed operator above multiplies this down.
    return super.computeSelfCost(planner, mq).multiplyBy(10);
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(FusionRules.TO_ENUMERABLE);
    if (fusionTable.options().pushdown()) {
      for (var rule : FusionRules.PUSHDOWN) {
        planner.addRule(rule);
      }
    }
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.scan(fusionTable);
  }
}
