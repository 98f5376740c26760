package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
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
   * Each rule matches its logical operator and asks for the input in the Fusion convention (Volcano finds or builds
   * the Fusion plan of the input); it reads what lies below from the input's logical plan, which exists before any
   * rule runs, so no rule depends on the order the planner fires them in.
   */
  static final RelOptRule FILTER = FusionRuleConfig.rule("FusionFilterRule",
      b -> b.operand(LogicalFilter.class).anyInputs(), FilterRule::new);

  static final RelOptRule PROJECT = FusionRuleConfig.rule("FusionProjectRule",
      b -> b.operand(LogicalProject.class)
          .predicate(p -> p.getProjects().stream().allMatch(e -> e instanceof RexInputRef)).anyInputs(),
      ProjectRule::new);

  static final RelOptRule SORT = FusionRuleConfig.rule("FusionSortRule",
      b -> b.operand(LogicalSort.class).anyInputs(), SortRule::new);

  static final RelOptRule COUNT = FusionRuleConfig.rule("FusionCountRule",
      b -> b.operand(LogicalAggregate.class).anyInputs(), CountRule::new);

  static final List<RelOptRule> PUSHDOWN = List.of(FILTER, PROJECT, SORT, COUNT, InListRule.VALUES_RIGHT,
      InListRule.VALUES_LEFT, MinMaxRule.Config.DEFAULT.toRule(), TransitiveJoinFilterRule.INSTANCE,
      NotInListRule.INSTANCE);

  /** The rel a subset was registered from (all rels in a subset are equivalent). */
  static RelNode original(RelNode n) {
    return n instanceof RelSubset s && s.getOriginal() != null ? s.getOriginal() : n;
  }

  /** Whether an OFFSET/LIMIT sits anywhere between {@code n} and its scan (then filter/sort cannot go below). */
  static boolean limitBelow(RelNode n) {
    RelNode r = original(n);
    while (true) {
      if (r instanceof Sort s && (s.offset != null || s.fetch != null)) {
        return true;
      }
      if (r instanceof TableScan) {
        return false;
      }
      if (r.getInputs().size() != 1) {
        return true;
      }
      r = original(r.getInput(0));
    }
  }

  /** Whether a filter below picks one parent's child path ({@code parentKey = literal} on a single-key parent). */
  static boolean childPathFixed(RelNode n) {
    FusionTable t = tableOf(n);
    if (t == null || t.childName().isEmpty() || t.parentDescription().keyAttributes().size() != 1) {
      return false;
    }
    RelNode r = original(n);
    while (!(r instanceof TableScan)) {
      if (r.getInputs().size() != 1) {
        return false;
      }
      if (r instanceof Filter f) {
        RelNode in = f.getInput();
        FilterTranslator tr = new FilterTranslator(i -> columnOf(in, i), f.getCluster().getRexBuilder(),
            org.fusionjdbc.client.config.QDialect.STRICT, java.time.ZoneOffset.UTC, null);
        if (RelOptUtil.conjunctions(f.getCondition()).stream().anyMatch(c -> tr.parentKey(c).isPresent())) {
          return true;
        }
      }
      r = original(r.getInput(0));
    }
    return false;
  }

  /** The Fusion table under a chain of row-preserving single-input operators (no aggregate), or null. */
  static FusionTable tableOf(RelNode n) {
    RelNode r = original(n);
    while (!(r instanceof TableScan)) {
      if (r.getInputs().size() != 1 || r instanceof Aggregate) {
        return null;
      }
      r = original(r.getInput(0));
    }
    return r.getTable() == null ? null : r.getTable().unwrap(FusionTable.class);
  }

  /**
   * The table column behind output {@code i} of {@code input}, if it is a plain Fusion column: followed
   * through filters, sorts and projections of plain references (the shapes the rules build on).
   */
  static FusionColumn columnOf(RelNode input, int i) {
    RelNode r = original(input);
    int at = i;
    while (true) {
      if (r instanceof TableScan scan) {
        FusionTable t = scan.getTable() == null ? null : scan.getTable().unwrap(FusionTable.class);
        return t == null ? null : t.columns().get(at);
      } else if (r instanceof Project p) {
        if (!(p.getProjects().get(at) instanceof RexInputRef ref)) {
          return null;
        }
        at = ref.getIndex();
        r = original(p.getInput());
      } else if (r instanceof Filter || r instanceof Sort || r instanceof FusionFilter) {
        r = original(r.getInput(0));
      } else {
        return null;
      }
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
      RelNode input = filter.getInput();
      FusionTable table = tableOf(input);
      if (table == null || limitBelow(input) || original(input) instanceof FusionFilter) {
        return; // above a FusionFilter sits only our own residual: it stays in Calcite
      }
      var rexBuilder = filter.getCluster().getRexBuilder();
      FilterTranslator tr = new FilterTranslator(i -> columnOf(input, i), rexBuilder,
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
            transform(call, filter, input, pushed, atExecution, residual);
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
      transform(call, filter, input, pushed, atExecution, residual);
    }

    private void transform(RelOptRuleCall call, LogicalFilter filter, RelNode input, List<RexNode> pushed,
        List<RexNode> atExecution, List<RexNode> residual) {
      var rexBuilder = filter.getCluster().getRexBuilder();
      RelNode fusion = new FusionFilter(filter.getCluster(), filter.getTraitSet().replace(FusionRel.CONVENTION),
          convert(input, input.getTraitSet().replace(FusionRel.CONVENTION)), pushed, atExecution);
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
      if (tableOf(p.getInput()) == null) {
        return;
      }
      call.transformTo(new FusionProject(p.getCluster(), p.getTraitSet().replace(FusionRel.CONVENTION),
          convert(p.getInput(), p.getInput().getTraitSet().replace(FusionRel.CONVENTION)), p.getProjects(),
          p.getRowType()));
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
      RelNode input = sort.getInput();
      FusionTable table = tableOf(input);
      if (table == null || (table.childName().isPresent() && !childPathFixed(input))
          || !literalOrNull(sort.offset) || !literalOrNull(sort.fetch)) {
        return;
      }
      boolean ordered = !sort.getCollation().getFieldCollations().isEmpty();
      if (!ordered && sort.offset == null && sort.fetch == null) {
        return;
      }
      if (ordered) {
        if (limitBelow(input)) {
          return;
        }
        for (RelFieldCollation fc : sort.getCollation().getFieldCollations()) {
          if (!sortable(columnOf(input, fc.getFieldIndex()), fc)) {
            return;
          }
        }
      }
      call.transformTo(new FusionSort(sort.getCluster(), sort.getTraitSet().replace(FusionRel.CONVENTION),
          convert(input, input.getTraitSet().replace(FusionRel.CONVENTION)), sort.getCollation(), sort.offset,
          sort.fetch));
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

  /** {@code COUNT(*)} without GROUP BY: one request with totalResults=true. */
  static final class CountRule extends RelRule<FusionRuleConfig> {
    CountRule(FusionRuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate agg = call.rel(0);
      if (!agg.getGroupSet().isEmpty() || agg.getGroupType() != Aggregate.Group.SIMPLE) {
        return;
      }
      for (AggregateCall c : agg.getAggCallList()) {
        if (c.getAggregation().getKind() != SqlKind.COUNT || !c.getArgList().isEmpty() || c.isDistinct()
            || c.filterArg >= 0) {
          return;
        }
      }
      RelNode input = agg.getInput();
      // COUNT(*) reads no column, so a projection below it does not matter.
      while (original(input) instanceof Project p) {
        input = p.getInput();
      }
      FusionTable table = tableOf(input);
      if (table == null || (table.childName().isPresent() && !childPathFixed(input))
          || !table.options().countPushdown()
          || agg.getAggCallList().isEmpty()) {
        return;
      }
      call.transformTo(new FusionCount(agg.getCluster(), agg.getTraitSet().replace(FusionRel.CONVENTION),
          convert(input, input.getTraitSet().replace(FusionRel.CONVENTION)), agg.getAggCallList()));
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
