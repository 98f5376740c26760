package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a join of a Fusion table with a list of literals back into a filter. Calcite converts {@code x IN (...)} of
 * 20 or more values (Tableau's and DBeaver's filter lists, Spark's pushed {@code IN}) into a join with a VALUES
 * list, which no filter rule sees: the table was scanned whole. As a filter, the usual rules send it as
 * {@code x = a or x = b ...} (contract decision 2).
 *
 * <p>Exact: a semi join keeps a row iff the join condition is true for some tuple, which is the disjunction of the
 * condition over the tuples. An inner join is rewritten only for one column of distinct values joined by plain
 * equality of identical types, where each row matches at most one tuple and the tuple's value is the row's own.
 */
final class InListRule extends RelRule<FusionRuleConfig> {
  /** A table joined with the list: a semi or inner join. */
  static final RelOptRule VALUES_RIGHT = FusionRuleConfig.rule("FusionInListRule",
      b -> b.operand(LogicalJoin.class)
          .predicate(j -> j.getJoinType() == JoinRelType.SEMI || j.getJoinType() == JoinRelType.INNER)
          .inputs(table -> table.operand(RelNode.class).anyInputs(), list -> list.operand(Values.class).noInputs()),
      InListRule::new);

  /** The list joined with a table: an inner join only (a semi join keeps the list's rows). */
  static final RelOptRule VALUES_LEFT = FusionRuleConfig.rule("FusionInListRule(list first)",
      b -> b.operand(LogicalJoin.class).predicate(j -> j.getJoinType() == JoinRelType.INNER)
          .inputs(list -> list.operand(Values.class).noInputs(), table -> table.operand(RelNode.class).anyInputs()),
      InListRule::new);

  /** Beyond this the q text grows past what a URL comfortably carries; the join stays (a full scan, documented). */
  static final int MAX_VALUES = 500;

  private InListRule(FusionRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    JoinRelType type = join.getJoinType();
    boolean valuesLeft = call.rel(1) instanceof Values;
    RelNode table = valuesLeft ? join.getRight() : join.getLeft();
    Values values = call.rel(valuesLeft ? 1 : 2);
    if (!FusionRules.readsOneFusionTable(table) || values.getTuples().isEmpty()
        || values.getTuples().size() > MAX_VALUES || RexUtil.containsCorrelation(join.getCondition())) {
      return;
    }
    RexBuilder rb = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int valuesStart = valuesLeft ? 0 : leftCount;
    int valuesCount = values.getRowType().getFieldCount();
    int tableStart = valuesLeft ? valuesCount : 0;
    // The condition sees both inputs (a semi join's own row type has only the left one).
    List<RelDataTypeField> fields = concat(join.getLeft().getRowType().getFieldList(),
        join.getRight().getRowType().getFieldList());
    RexInputRef tableColumn = null;
    if (type == JoinRelType.INNER) {
      tableColumn = plainEquality(join.getCondition(), valuesStart, valuesCount, fields);
      if (tableColumn == null || new HashSet<>(values.getTuples()).size() != values.getTuples().size()) {
        return;
      }
    }
    List<RexNode> disjuncts = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      disjuncts.add(join.getCondition().accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          int i = ref.getIndex();
          if (i >= valuesStart && i < valuesStart + valuesCount) {
            return rb.ensureType(fields.get(i).getType(), tuple.get(i - valuesStart), true);
          }
          return rb.makeInputRef(fields.get(i).getType(), i - tableStart);
        }
      }));
    }
    RelNode filter = LogicalFilter.create(table, RexUtil.composeDisjunction(rb, disjuncts));
    if (type == JoinRelType.SEMI) {
      call.transformTo(filter);
      return;
    }
    // Inner join: the VALUES column equals the row's own column, so project it from there.
    List<RexNode> out = new ArrayList<>();
    RexNode value = rb.makeAbstractCast(fields.get(valuesStart).getType(),
        rb.makeInputRef(table, tableColumn.getIndex() - tableStart), false);
    for (int i = 0; i < join.getRowType().getFieldCount(); i++) {
      out.add(i >= valuesStart && i < valuesStart + valuesCount ? value : rb.makeInputRef(table, i - tableStart));
    }
    call.transformTo(LogicalProject.create(filter, List.of(), out, join.getRowType().getFieldNames(), java.util.Set.of()));
  }

  /** For {@code tableRef = valuesRef} (either order) over one VALUES column of the same type: the table side. */
  private static RexInputRef plainEquality(RexNode cond, int valuesStart, int valuesCount,
      List<RelDataTypeField> fields) {
    if (valuesCount != 1 || !(cond instanceof RexCall c) || c.getKind() != SqlKind.EQUALS
        || !(c.getOperands().get(0) instanceof RexInputRef a) || !(c.getOperands().get(1) instanceof RexInputRef b)) {
      return null;
    }
    RexInputRef table = a.getIndex() == valuesStart ? b : b.getIndex() == valuesStart ? a : null;
    if (table == null || table.getIndex() == valuesStart) {
      return null;
    }
    var tt = fields.get(table.getIndex()).getType();
    var vt = fields.get(valuesStart).getType();
    return tt.getSqlTypeName() == vt.getSqlTypeName() && tt.getPrecision() == vt.getPrecision()
        && tt.getScale() == vt.getScale() ? table : null;
  }

  private static List<RelDataTypeField> concat(List<RelDataTypeField> a, List<RelDataTypeField> b) {
    List<RelDataTypeField> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
