package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * The part of a WHERE that Fusion answers, in two lists kept apart. {@link #pushed()}: conjuncts sent in q exactly;
 * every row this node returns satisfies them. {@link #atExecution()}: conjuncts whose values are known only at
 * execution ({@code ?}, relative times); they are sent in q when the value can be said exactly and dropped from q
 * when not, so the rows need not satisfy them and the rule always leaves them to Calcite as well.
 *
 * <p>Not a {@link org.apache.calcite.rel.core.Filter} on purpose: Calcite infers from a Filter's condition that its
 * rows satisfy it and rewrites filters by their class; this node claims nothing and is rewritten by no Calcite rule.
 */
public final class FusionFilter extends SingleRel implements FusionRowRel {
  private final FusionRows rows;
  private final List<RexNode> pushed;
  private final List<RexNode> atExecution;

  FusionFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, FusionRows rows, List<RexNode> pushed,
      List<RexNode> atExecution) {
    super(cluster, traits, input);
    this.rows = java.util.Objects.requireNonNull(rows, "rows");
    if (pushed.isEmpty() && atExecution.isEmpty()) {
      throw new IllegalArgumentException("a Fusion filter needs a conjunct");
    }
    this.pushed = List.copyOf(pushed);
    this.atExecution = List.copyOf(atExecution);
  }

  @Override
  public FusionRows rows() {
    return rows;
  }

  /** The conjuncts sent in q exactly; the rows satisfy them. */
  public List<RexNode> pushed() {
    return pushed;
  }

  /** The conjuncts sent in q when their execution-time values can be said; Calcite checks them too. */
  public List<RexNode> atExecution() {
    return atExecution;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new FusionFilter(getCluster(), traitSet, sole(inputs), rows, pushed, atExecution);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .itemIf("pushed", RexUtil.composeConjunction(getCluster().getRexBuilder(), pushed), !pushed.isEmpty())
        .itemIf("atExecution", RexUtil.composeConjunction(getCluster().getRexBuilder(), atExecution),
            !atExecution.isEmpty());
  }

  /** Fewer rows cross the wire for every conjunct q carries, those bound at execution included. */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    List<RexNode> all = new ArrayList<>(pushed);
    all.addAll(atExecution);
    return mq.getRowCount(getInput())
        * RelMdUtil.guessSelectivity(RexUtil.composeConjunction(getCluster().getRexBuilder(), all));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // as a Filter costs (its rows, a CPU step per input row), at a tenth: Fusion does the work
    return planner.getCostFactory().makeCost(mq.getRowCount(this), mq.getRowCount(getInput()), 0).multiplyBy(0.1);
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
    boolean singleKeyParent = t.childName().isPresent() && t.parentDescription().keyAttributes().size() == 1;
    FilterTranslator parents = tr.parentSide();
    for (RexNode conjunct : pushed) {
      var key = singleKeyParent ? tr.parentKey(conjunct) : java.util.Optional.empty();
      var parentTerm = t.childName().isPresent() && key.isEmpty() && !FilterTranslator.hasParam(conjunct)
          ? parents.translate(conjunct) : java.util.Optional.<org.fusionjdbc.client.query.QExpr>empty();
      if (parentTerm.isPresent()) {
        if (!implementor.parentFilters.contains(parentTerm.get())) {
          implementor.parentFilters.add(parentTerm.get());
        }
      } else if (key.isPresent()) {
        if (implementor.parentKey != null && !implementor.parentKey.equals(key.get())) {
          throw new IllegalStateException("planner bug: two parent keys pushed");
        }
        implementor.parentKey = key.get();
      } else {
        var term = tr.translate(conjunct).orElseThrow(
            () -> new IllegalStateException("planner bug: untranslatable conjunct pushed: " + conjunct));
        if (!implementor.filters.contains(term)) {
          implementor.filters.add(term);
        }
      }
    }
    for (RexNode conjunct : atExecution) {
      // Volcano may stack another Fusion filter with Calcite's re-check of the same term (above a projection, so
      // with other ordinals); compared on the table's columns, one in q is enough.
      RexNode onTable = conjunct.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(implementor.columns[ref.getIndex()], ref.getType());
        }
      });
      if (implementor.deferredOnTable.add(onTable)) {
        implementor.deferred.add(new Implementor.DeferredFilter(conjunct, columns));
      }
    }
  }
}
