package org.fusionjdbc.calcite;

import java.util.OptionalLong;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.fusionjdbc.client.query.SortKey;

/** ORDER BY on sortable attributes (Oracle null order) and/or literal OFFSET/FETCH: orderBy, offset, limit. */
public final class FusionSort extends Sort implements FusionRowRel {
  /** The rows of the input, which this sort orders or cuts. */
  private final FusionRows inputRows;

  FusionSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, FusionRows inputRows, RelCollation collation,
      RexNode offset, RexNode fetch) {
    super(cluster, traits, input, collation, offset, fetch);
    this.inputRows = java.util.Objects.requireNonNull(inputRows, "inputRows");
  }

  @Override
  public FusionRows rows() {
    return offset != null || fetch != null ? inputRows.cut() : inputRows;
  }

  @Override
  public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation, RexNode offset,
      RexNode fetch) {
    return new FusionSort(getCluster(), traitSet, newInput, inputRows, newCollation, offset, fetch);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(0.05);
  }

  @Override
  public void implement(Implementor implementor) {
    implementor.visitChild(getInput());
    if (!collation.getFieldCollations().isEmpty()) {
      if (implementor.limited()) {
        throw new IllegalStateException("planner bug: ORDER BY above OFFSET/LIMIT cannot be pushed");
      }
      implementor.orderBy.clear();
      for (RelFieldCollation fc : collation.getFieldCollations()) {
        String name = implementor.column(fc.getFieldIndex()).name();
        implementor.orderBy.add(fc.direction.isDescending() ? SortKey.desc(name) : SortKey.asc(name));
      }
    }
    long off = offset == null ? 0 : ((RexLiteral) offset).getValueAs(Long.class);
    OptionalLong lim = fetch == null ? OptionalLong.empty()
        : OptionalLong.of(((RexLiteral) fetch).getValueAs(Long.class));
    if (off > 0 || lim.isPresent()) {
      implementor.offsetLimit(off, lim);
    }
  }
}
