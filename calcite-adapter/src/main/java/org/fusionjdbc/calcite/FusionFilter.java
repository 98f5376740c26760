package org.fusionjdbc.calcite;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.rex.RexUtil;

/** A filter whose every conjunct translates to q (the rule leaves the rest in Calcite above it). */
public final class FusionFilter extends Filter implements FusionRel {

  /**
   * Marks a conjunct whose value is known only at execution ({@code ?}, relative time): it reaches q only when the
   * bound value is sayable, so the filter must not claim it. Calcite infers predicates only from deterministic
   * conjuncts; without the mark it took the conjunct as guaranteed and dropped the residual check above, and a
   * bound value q cannot say (a quote in strict mode) was silently not filtered at all. Where Calcite itself
   * evaluates the mark (after merging filters), it is the conjunct's own value.
   */
  static final SqlOperator AT_EXECUTION = new SqlUserDefinedFunction(new SqlIdentifier("FUSION_AT_EXECUTION",
      SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE, InferTypes.BOOLEAN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.BOOLEAN), tf -> List.of(
          tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.BOOLEAN), true)), i -> "condition", i -> false),
      ScalarFunctionImpl.create(FusionFilter.class, "atExecution")) {
    @Override
    public boolean isDeterministic() {
      return false;
    }
  };

  /** The value of {@link #AT_EXECUTION} where Calcite evaluates it: the condition itself. */
  public static Boolean atExecution(Boolean condition) {
    return condition;
  }

  /** {@code conjunct}, marked as known at execution when it is. */
  static RexNode mark(RexBuilder rexBuilder, RexNode conjunct) {
    return FilterTranslator.hasParam(conjunct) ? rexBuilder.makeCall(AT_EXECUTION, conjunct) : conjunct;
  }

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
    boolean singleKeyParent = t.childName().isPresent() && t.parentDescription().keyAttributes().size() == 1;
    FilterTranslator parents = tr.parentSide();
    for (RexNode marked : org.apache.calcite.plan.RelOptUtil.conjunctions(condition)) {
      RexNode conjunct = marked instanceof RexCall call && call.getOperator() == AT_EXECUTION
          ? call.getOperands().get(0) : marked;
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
      } else if (FilterTranslator.hasParam(conjunct)) {
        // Volcano may stack a copy of the residual check on the pushed filter; one term in q is enough.
        var term = new Implementor.DeferredFilter(conjunct, columns);
        if (!implementor.deferred.contains(term)) {
          implementor.deferred.add(term);
        }
      } else {
        var term = tr.translate(conjunct).orElseThrow(
            () -> new IllegalStateException("planner bug: untranslatable conjunct pushed: " + conjunct));
        if (!implementor.filters.contains(term)) {
          implementor.filters.add(term);
        }
      }
    }
  }
}
