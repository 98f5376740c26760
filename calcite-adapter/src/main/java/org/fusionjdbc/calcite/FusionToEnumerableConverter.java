package org.fusionjdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * Folds a Fusion tree into one {@link FusionQuery} and emits a single call to it from generated code.
 * EXPLAIN shows the REST request.
 */
public final class FusionToEnumerableConverter extends ConverterImpl implements EnumerableRel {

  /** Whether this scan's rows are the statement's rows (see {@link ResultScans}); set on the final plan only. */
  private final boolean resultRows;

  FusionToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    this(cluster, traits, input, false);
  }

  private FusionToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input, boolean resultRows) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    this.resultRows = resultRows;
  }

  /** This scan, as the one whose rows are the statement's rows (setMaxRows may limit its request). */
  FusionToEnumerableConverter asResultRows() {
    return new FusionToEnumerableConverter(getCluster(), getTraitSet(), getInput(), true);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FusionToEnumerableConverter(getCluster(), traitSet, sole(inputs), resultRows);
  }

  /**
   * What crosses the wire: every row the request returns, the wider the dearer. Costed at least at the full row
   * count (Calcite's in-memory operators above cost about as much per row), so a plan that filters remotely is
   * strictly cheaper even when Calcite must still check part of the condition (at a tenth, pushing part of a filter
   * tied with pushing none of it), and the width term makes a narrower {@code fields} worth its FusionProject.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(1 + 0.1 * getRowType().getFieldCount());
  }

  /** The query this tree sends (bound parameters still open). */
  public FusionQuery query() {
    FusionRel.Implementor impl = new FusionRel.Implementor();
    impl.visitChild(getInput());
    return FusionQuery.of(impl, getCluster().getRexBuilder());
  }

  /**
   * EXPLAIN shows the REST request of a finished plan. Calcite also calls this for every node's digest while it
   * plans, where the inputs alone identify the node and they are still planner subsets: there nothing is folded, so
   * a digest costs no more than any other node's and never reads the table.
   */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter w = super.explainTerms(pw);
    if (pw.getDetailLevel() == SqlExplainLevel.DIGEST_ATTRIBUTES || !finished(getInput())) {
      return w;
    }
    return w.item("request", query().describeRequest());
  }

  /** Whether {@code rel} is a tree of Fusion nodes (after planning), not planner subsets. */
  private static boolean finished(RelNode rel) {
    if (!(rel instanceof FusionRel)) {
      return false;
    }
    for (RelNode input : rel.getInputs()) {
      if (!finished(input)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref.prefer(JavaRowFormat.ARRAY));
    Expression stashed = implementor.stash(query().withResultRows(resultRows), FusionQuery.class);
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null, Expressions.call(stashed, "enumerable", implementor.getRootExpression(),
        Expressions.constant(physType.getFormat() == JavaRowFormat.SCALAR))));
    return implementor.result(physType, block.toBlock());
  }
}
