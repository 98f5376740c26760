package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns {@code x NOT IN (20 or more literals)} on a NOT NULL column back into a filter. Calcite plans it as
 * {@code t LEFT JOIN (SELECT v, TRUE AS i FROM VALUES ...) ON x = v WHERE i IS NULL}, which no filter rule sees, so
 * Tableau's "exclude" lists scanned the whole collection. The rows kept are those that match no value; for a column
 * that is never null that is {@code x <> v1 AND x <> v2 ...}, which the usual rules send as q. A nullable column gets
 * a different plan from Calcite (counting the list's nulls) and stays as it is.
 */
final class NotInListRule extends RelRule<FusionRuleConfig> {
  /** A filter on a table left-joined with a flagged list: {@code filter(left join(t, project(values)))}. */
  static final RelOptRule INSTANCE = FusionRuleConfig.rule("FusionNotInListRule",
      b -> b.operand(LogicalFilter.class).oneInput(j -> j.operand(LogicalJoin.class)
          .predicate(join -> join.getJoinType() == JoinRelType.LEFT)
          .inputs(table -> table.operand(RelNode.class).anyInputs(),
              list -> list.operand(Project.class).oneInput(v -> v.operand(Values.class).noInputs()))),
      NotInListRule::new);

  private NotInListRule(FusionRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    LogicalJoin join = call.rel(1);
    RelNode table = join.getLeft();
    Project p = call.rel(3);
    Values values = call.rel(4);
    if (!FusionRules.readsOneFusionTable(table) || values.getRowType().getFieldCount() != 1
        || values.getTuples().isEmpty()
        // a NULL in the list makes NOT IN never true, which "matches no value" would not say
        || values.getTuples().stream().anyMatch(t -> t.get(0).isNull())
        || values.getTuples().size() > InListRule.MAX_VALUES || p.getProjects().size() != 2
        || !(p.getProjects().get(0) instanceof RexInputRef v0) || v0.getIndex() != 0
        || !(p.getProjects().get(1) instanceof RexLiteral flagValue) || flagValue.isNull()) {
      return;
    }
    int leftCount = table.getRowType().getFieldCount();
    int valueField = leftCount;
    int flagField = leftCount + 1;
    // the join: x = v, x a NOT NULL column of the table, of the list's type
    if (!(join.getCondition() instanceof RexCall eq) || eq.getKind() != SqlKind.EQUALS
        || !(eq.getOperands().get(0) instanceof RexInputRef a) || !(eq.getOperands().get(1) instanceof RexInputRef b)) {
      return;
    }
    RexInputRef x = a.getIndex() == valueField ? b : b.getIndex() == valueField ? a : null;
    if (x == null || x.getIndex() >= leftCount || x.getType().isNullable()
        || x.getType().getSqlTypeName() != values.getRowType().getFieldList().get(0).getType().getSqlTypeName()) {
      return;
    }
    // the filter: "no match" (flag IS NULL) and conditions on the table alone
    List<RexNode> kept = new ArrayList<>();
    boolean unmatched = false;
    ImmutableBitSet leftFields = ImmutableBitSet.range(leftCount);
    for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
      if (c.getKind() == SqlKind.IS_NULL && ((RexCall) c).getOperands().get(0) instanceof RexInputRef r
          && r.getIndex() == flagField) {
        unmatched = true;
      } else if (leftFields.contains(RelOptUtil.InputFinder.bits(c))) {
        kept.add(c);
      } else {
        return;
      }
    }
    if (!unmatched) {
      return;
    }
    RexBuilder rb = filter.getCluster().getRexBuilder();
    for (List<RexLiteral> tuple : values.getTuples()) {
      kept.add(rb.makeCall(SqlStdOperatorTable.NOT_EQUALS, x, rb.ensureType(x.getType(), tuple.get(0), true)));
    }
    RelNode filtered = LogicalFilter.create(table, RexUtil.composeConjunction(rb, kept));
    // Unmatched rows have NULL in the list's columns.
    List<RexNode> out = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    join.getRowType().getFieldList().forEach(f -> types.add(f.getType()));
    for (int i = 0; i < types.size(); i++) {
      out.add(i < leftCount ? rb.makeInputRef(table, i) : rb.makeNullLiteral(types.get(i)));
    }
    call.transformTo(LogicalProject.create(filtered, List.of(), out, join.getRowType().getFieldNames(),
        java.util.Set.of()));
  }
}
