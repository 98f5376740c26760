package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexTableInputRef;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.fusionjdbc.client.describe.AttributeType;

/**
 * The pushdown rules, as {@link RelRule}s. Each declines (transforms nothing) when it cannot translate exactly; the
 * operator then stays in Calcite. The convention makes Volcano keep OFFSET/LIMIT above any residual filter.
 */
final class FusionRules {
  private FusionRules() {
  }

  static final RelOptRule TO_ENUMERABLE = ConverterRule.Config.INSTANCE
      .withConversion(RelNode.class, FusionRel.CONVENTION, EnumerableConvention.INSTANCE,
          "FusionToEnumerableConverterRule")
      .withRuleFactory(ToEnumerableRule::new)
      .toRule();

  /*
   * Each pushdown rule matches its logical operator over a Fusion node (an operand tree, as Calcite's own rules do)
   * and reads what lies below from that node's FusionRows. A logical operator sees Fusion nodes below it only when
   * its input is asked for in the Fusion convention, which FUSION_INPUT does for the operators the rules push.
   */
  static final RelOptRule FUSION_INPUT = FusionRuleConfig.rule("FusionInputRule",
      b -> b.operand(SingleRel.class).predicate(FusionRules::asksForFusionInput).anyInputs(), FusionInputRule::new);

  static final RelOptRule FILTER = FusionRuleConfig.rule("FusionFilterRule",
      b -> b.operand(LogicalFilter.class).oneInput(in -> fusionRows(in)
          // above a FusionFilter sits only our own residual, and nothing goes below an OFFSET/LIMIT
          .predicate(r -> !(r instanceof FusionFilter || r.rows().limited())).anyInputs()),
      FilterRule::new);

  static final RelOptRule PROJECT = FusionRuleConfig.rule("FusionProjectRule",
      b -> b.operand(LogicalProject.class)
          .predicate(p -> p.getProjects().stream().allMatch(e -> e instanceof RexInputRef))
          .oneInput(in -> fusionRows(in).anyInputs()),
      ProjectRule::new);

  static final RelOptRule SORT = FusionRuleConfig.rule("FusionSortRule",
      b -> b.operand(LogicalSort.class).oneInput(in -> fusionRows(in).predicate(r -> r.rows().onePath()).anyInputs()),
      SortRule::new);

  /** COUNT(*) over the Fusion rows, or over a projection of them (COUNT(*) reads no column of it). */
  static final RelOptRule COUNT = FusionRuleConfig.rule("FusionCountRule",
      b -> b.operand(LogicalAggregate.class).predicate(FusionRules::isCountStar)
          .oneInput(in -> fusionRows(in).predicate(r -> r.rows().onePath()).anyInputs()),
      CountRule::new);

  static final RelOptRule COUNT_OVER_PROJECT = FusionRuleConfig.rule("FusionCountRule(over a projection)",
      b -> b.operand(LogicalAggregate.class).predicate(FusionRules::isCountStar)
          .oneInput(p -> p.operand(Project.class)
              .oneInput(in -> fusionRows(in).predicate(r -> r.rows().onePath()).anyInputs())),
      CountRule::new);

  static final List<RelOptRule> PUSHDOWN = List.of(FUSION_INPUT, FILTER, PROJECT, SORT, COUNT, COUNT_OVER_PROJECT,
      InListRule.VALUES_RIGHT, InListRule.VALUES_LEFT, MinMaxRule.INSTANCE, TransitiveJoinFilterRule.INSTANCE,
      NotInListRule.INSTANCE);

  /** COUNT(*) calls only, no GROUP BY. */
  private static boolean isCountStar(Aggregate agg) {
    if (!agg.getGroupSet().isEmpty() || agg.getGroupType() != Aggregate.Group.SIMPLE
        || agg.getAggCallList().isEmpty()) {
      return false;
    }
    for (AggregateCall c : agg.getAggCallList()) {
      if (c.getAggregation().getKind() != SqlKind.COUNT || !c.getArgList().isEmpty() || c.isDistinct()
          || c.filterArg >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The operand of a Fusion node with table rows, in the Fusion convention. */
  static RelRule.OperandDetailBuilder<FusionRowRel> fusionRows(RelRule.OperandBuilder b) {
    return b.operand(FusionRowRel.class).trait(FusionRel.CONVENTION);
  }

  /**
   * A logical operator the rules push, over an input not yet asked for in the Fusion convention that may be a Fusion
   * table's rows: Calcite's table-reference metadata does not rule it out (it knows no references through an input
   * already in another convention, such as the sorted input Volcano asks for below a merge join).
   */
  private static boolean asksForFusionInput(SingleRel r) {
    if (!(r instanceof LogicalFilter || r instanceof LogicalProject || r instanceof LogicalSort
        || r instanceof LogicalAggregate) || r.getInput().getConvention() == FusionRel.CONVENTION) {
      return false;
    }
    var refs = r.getCluster().getMetadataQuery().getTableReferences(r.getInput());
    return refs == null || oneFusionTable(refs);
  }

  /**
   * Whether {@code rel} reads one table and it is a Fusion table, by Calcite's table-reference metadata: the join
   * rules rewrite only joins whose other side is a Fusion table's rows.
   */
  static boolean readsOneFusionTable(RelNode rel) {
    var refs = rel.getCluster().getMetadataQuery().getTableReferences(rel);
    return refs != null && oneFusionTable(refs);
  }

  private static boolean oneFusionTable(java.util.Set<RexTableInputRef.RelTableRef> refs) {
    return refs.size() == 1 && refs.iterator().next().getTable().unwrap(FusionTable.class) != null;
  }

  /**
   * Asks for the input of a logical filter, projection, sort or aggregate in the Fusion convention: the same
   * operator over the Fusion form of its input, so the pushdown rules' operand trees can match the Fusion node there.
   * Where the input has no Fusion form the copy costs infinitely and is never chosen.
   */
  static final class FusionInputRule extends RelRule<FusionRuleConfig> {
    FusionInputRule(FusionRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      SingleRel rel = call.rel(0);
      RelNode input = rel.getInput();
      call.transformTo(rel.copy(rel.getTraitSet(),
          List.of(convert(input, input.getTraitSet().replace(FusionRel.CONVENTION)))));
    }
  }

  /** {@code WHERE}: the exact conjuncts go to q, the rest (and every bound one, again) stays in Calcite above. */
  static final class FilterRule extends RelRule<FusionRuleConfig> {
    FilterRule(FusionRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      FusionRows rows = call.<FusionRowRel>rel(1).rows();
      RelNode input = filter.getInput();
      FusionTable table = rows.table();
      var rexBuilder = filter.getCluster().getRexBuilder();
      FilterTranslator tr = new FilterTranslator(rows::column, rexBuilder,
          table.client().config().dialect(), table.options().timeZone(), null);
      List<RexNode> pushed = new ArrayList<>();
      List<RexNode> atExecution = new ArrayList<>();
      List<RexNode> residual = new ArrayList<>();
      List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
      if (table.childName().isPresent()) {
        // On a child table q is possible on one parent's child path (parentKey = literal on a single-key parent
        // picks it), or else on the parents of the expanded scan: terms on the parent-key columns select them.
        RexNode key = table.parentDescription().keyAttributes().size() != 1 ? null
            : conjuncts.stream().filter(c -> tr.parentKey(c).isPresent()).findFirst().orElse(null);
        if (key == null) {
          FilterTranslator parents = tr.parentSide();
          for (RexNode c : conjuncts) {
            if (!FilterTranslator.hasParam(c) && parents.translate(c).isPresent()) {
              pushed.add(c);
            } else {
              residual.add(c);
            }
          }
          if (!pushed.isEmpty()) {
            transform(call, filter, input, rows, pushed, atExecution, residual);
          }
          return;
        }
        pushed.add(key);
        conjuncts = new ArrayList<>(conjuncts);
        conjuncts.remove(key);
      }
      for (RexNode c : conjuncts) {
        if (tr.translate(c).isPresent()) {
          if (FilterTranslator.hasParam(c)) {
            atExecution.add(c); // a bound value may not be sayable in q; then Calcite filters alone
            residual.add(c);
          } else {
            pushed.add(c);
          }
        } else {
          // Calcite checks the whole term; q may still carry a condition every matching row meets.
          NecessaryCondition.of(tr, rexBuilder, c).ifPresent(pushed::add);
          residual.add(c);
        }
      }
      if (pushed.isEmpty() && atExecution.isEmpty()) {
        return;
      }
      transform(call, filter, input, table.childName().isPresent() ? rows.onOneChildPath() : rows, pushed,
          atExecution, residual);
    }

    private static void transform(RelOptRuleCall call, LogicalFilter filter, RelNode input, FusionRows rows,
        List<RexNode> pushed, List<RexNode> atExecution, List<RexNode> residual) {
      var rexBuilder = filter.getCluster().getRexBuilder();
      RelNode fusion = new FusionFilter(filter.getCluster(), filter.getTraitSet().replace(FusionRel.CONVENTION),
          input, rows, pushed, atExecution);
      call.transformTo(residual.isEmpty() ? fusion
          : LogicalFilter.create(fusion, RexUtil.composeConjunction(rexBuilder, residual)));
    }
  }

  /** A projection of plain columns becomes {@code fields}. */
  static final class ProjectRule extends RelRule<FusionRuleConfig> {
    ProjectRule(FusionRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Project p = call.rel(0);
      call.transformTo(new FusionProject(p.getCluster(), p.getTraitSet().replace(FusionRel.CONVENTION),
          p.getInput(), call.<FusionRowRel>rel(1).rows(), p.getProjects(), p.getRowType()));
    }
  }

  /** ORDER BY on sortable attributes (Oracle's null order) and literal OFFSET/FETCH. */
  static final class SortRule extends RelRule<FusionRuleConfig> {
    SortRule(FusionRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Sort sort = call.rel(0);
      FusionRows rows = call.<FusionRowRel>rel(1).rows();
      if (!literalOrNull(sort.offset) || !literalOrNull(sort.fetch)) {
        return;
      }
      boolean ordered = !sort.getCollation().getFieldCollations().isEmpty();
      if (!ordered && sort.offset == null && sort.fetch == null) {
        return;
      }
      if (ordered) {
        if (rows.limited()) {
          return;
        }
        for (RelFieldCollation fc : sort.getCollation().getFieldCollations()) {
          if (!sortable(rows.column(fc.getFieldIndex()), fc)) {
            return;
          }
        }
      }
      call.transformTo(new FusionSort(sort.getCluster(), sort.getTraitSet().replace(FusionRel.CONVENTION),
          sort.getInput(), rows, sort.getCollation(), sort.offset, sort.fetch));
    }

    private static boolean literalOrNull(RexNode n) {
      return n == null || (n instanceof RexLiteral l && !l.isNull());
    }

    /** Fusion sorts nulls last ascending and first descending (Oracle); other null orders stay in Calcite. */
    private static boolean sortable(FusionColumn c, RelFieldCollation fc) {
      if (c == null || !c.queryable() || c.fromParent()) {
        return false;
      }
      AttributeType t = c.attribute().type();
      if (t != AttributeType.STRING && t != AttributeType.INTEGER && t != AttributeType.NUMBER
          && t != AttributeType.DATE && t != AttributeType.DATETIME) {
        return false;
      }
      boolean desc = fc.direction.isDescending();
      RelFieldCollation.NullDirection nd = fc.nullDirection;
      return nd == RelFieldCollation.NullDirection.UNSPECIFIED
          || nd == (desc ? RelFieldCollation.NullDirection.FIRST : RelFieldCollation.NullDirection.LAST);
    }
  }

  /**
   * {@code COUNT(*)} without GROUP BY: one request with totalResults=true. It reads no column, so it goes below a
   * projection to the rows the projection reads (matched by {@link #COUNT_OVER_PROJECT}).
   */
  static final class CountRule extends RelRule<FusionRuleConfig> {
    CountRule(FusionRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate agg = call.rel(0);
      FusionRowRel rows = call.rel(call.getRelList().size() - 1);
      if (rows instanceof FusionProject || !rows.rows().table().options().countPushdown()) {
        return; // the count goes below the projection: the match on the projection's own input does it
      }
      // the rows' subset: the aggregate's input, or below a projection the projection's input
      RelNode input = call.getRelList().size() == 3 ? call.<Project>rel(1).getInput() : agg.getInput();
      call.transformTo(new FusionCount(agg.getCluster(), agg.getTraitSet().replace(FusionRel.CONVENTION), input,
          agg.getAggCallList()));
    }
  }

  static final class ToEnumerableRule extends ConverterRule {
    ToEnumerableRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return new FusionToEnumerableConverter(rel.getCluster(),
          rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
    }
  }
}
