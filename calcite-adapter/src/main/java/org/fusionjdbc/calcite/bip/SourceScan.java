package org.fusionjdbc.calcite.bip;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scan of a table function's result (NATIVE, REPORT): an enumerable leaf whose generated code asks the
 * stashed {@link RowSource} for its rows. Table functions' tables have no schema path for Calcite's own
 * EnumerableTableScan to reach them by, hence this node.
 */
final class SourceScan extends TableScan implements EnumerableRel {
  private final RowSource source;

  SourceScan(RelOptCluster cluster, RelOptTable table, RowSource source) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.source = source;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Not optimised: a one-column row would otherwise become a scalar, while RowSource always yields Object[]
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression rows = Expressions.call(implementor.stash(source, RowSource.class), "rows");
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
