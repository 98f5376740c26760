package org.fusionjdbc.calcite;

import java.time.ZoneId;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;
import org.fusionjdbc.client.describe.AttributeType;

/**
 * {@code MIN(x)} and {@code MAX(x)} without GROUP BY, the bounds query Spark users run before a partitioned load,
 * become one request each: {@code orderBy=x:asc} (or {@code :desc}) with {@code limit=1} and the pushed filter,
 * instead of reading the whole collection ({@link FusionMinMax}).
 *
 * <p>Exact: Fusion orders as Oracle does, nulls last ascending, so the first ascending row holds the smallest
 * non-null value, or null only when every value is null (MIN is then null too). Descending puts nulls first, so a
 * null first row of a MAX request on a nullable column says only that nulls exist; {@link MinMaxRequests} then
 * reads that column whole. Only types whose Fusion order is the order Calcite compares in are pushed: integers,
 * numbers, dates, and datetimes when the connection's zone has a fixed offset (across a DST fall-back the wall
 * clock Calcite compares is not monotonic in the instant Fusion sorts by). Strings stay in Calcite: nothing
 * settles that a pod's string order is the binary order Calcite's MIN uses.
 */
final class MinMaxRule extends RelRule<FusionRuleConfig> {
  /** MIN/MAX calls over the rows of a Fusion table (not a child's) that no OFFSET/LIMIT cut. */
  static final RelOptRule INSTANCE = FusionRuleConfig.rule("FusionMinMaxRule",
      b0 -> b0.operand(LogicalAggregate.class).predicate(MinMaxRule::shapeFits)
          .oneInput(b1 -> FusionRules.fusionRows(b1)
              .predicate(r -> r.rows().table().childName().isEmpty() && !r.rows().limited()).anyInputs()),
      MinMaxRule::new);

  private MinMaxRule(FusionRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate agg = call.rel(0);
    FusionRows rows = call.<FusionRowRel>rel(1).rows();
    for (AggregateCall c : agg.getAggCallList()) {
      if (!pushable(rows.column(c.getArgList().get(0)), rows.table().options().timeZone())) {
        return;
      }
    }
    call.transformTo(new FusionMinMax(agg.getCluster(), agg.getTraitSet().replace(FusionRel.CONVENTION),
        agg.getInput(), agg.getAggCallList()));
  }

  /** MIN/MAX of one column, no DISTINCT-sensitive or filtered form, no GROUP BY: the shape the rule handles. */
  static boolean shapeFits(Aggregate agg) {
    if (!agg.getGroupSet().isEmpty() || agg.getGroupType() != Aggregate.Group.SIMPLE
        || agg.getAggCallList().isEmpty()) {
      return false;
    }
    for (AggregateCall c : agg.getAggCallList()) {
      SqlKind k = c.getAggregation().getKind();
      // DISTINCT does not change MIN or MAX; a FILTER clause or an ORDER BY inside the call would.
      if ((k != SqlKind.MIN && k != SqlKind.MAX) || c.getArgList().size() != 1 || c.filterArg >= 0
          || !c.collation.getFieldCollations().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** A queryable attribute of the table itself whose Fusion order is Calcite's comparison order. */
  static boolean pushable(FusionColumn c, ZoneId zone) {
    if (c == null || !c.queryable() || c.fromParent()) {
      return false;
    }
    AttributeType t = c.attribute().type();
    return t == AttributeType.INTEGER || t == AttributeType.NUMBER || t == AttributeType.DATE
        || (t == AttributeType.DATETIME && zone.getRules().isFixedOffset());
  }
}
