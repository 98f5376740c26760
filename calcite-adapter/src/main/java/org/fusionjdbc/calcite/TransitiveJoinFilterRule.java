package org.fusionjdbc.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.JoinPushTransitivePredicatesRule;

/**
 * Calcite's transitive predicate inference across a join, so a filter on one side reaches the other side's request:
 * {@code invoices i join invoices_invoiceLines l on i.InvoiceId = l.InvoiceId where i.InvoiceId = 7} reads one
 * parent's child path instead of every parent's lines, and {@code ... join suppliers s on i.SupplierId = s.SupplierId
 * where i.SupplierId = 3} sends {@code SupplierId = 3} to both resources. The inferred filters are implied by the
 * join, so the rows do not change. Joins with a VALUES list are left to {@link InListRule}, which turns them into one
 * filter (inferring from them would send the list twice).
 */
final class TransitiveJoinFilterRule extends JoinPushTransitivePredicatesRule {
  static final TransitiveJoinFilterRule INSTANCE = new TransitiveJoinFilterRule();

  private TransitiveJoinFilterRule() {
    super(Config.DEFAULT.withOperandFor(LogicalJoin.class));
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    return !(FusionRules.original(join.getLeft()) instanceof Values)
        && !(FusionRules.original(join.getRight()) instanceof Values);
  }
}
