package org.fusionjdbc.calcite;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.JoinPushTransitivePredicatesRule;

/**
 * Calcite's transitive predicate inference across a join, so a filter on one side reaches the other side's request:
 * {@code invoices i join invoices_invoiceLines l on i.InvoiceId = l.InvoiceId where i.InvoiceId = 7} reads one
 * parent's child path instead of every parent's lines, and {@code ... join suppliers s on i.SupplierId = s.SupplierId
 * where i.SupplierId = 3} sends {@code SupplierId = 3} to both resources. The inferred filters are implied by the
 * join, so the rows do not change. Joins with a VALUES list (an input that reads no table) are left to
 * {@link InListRule}, which turns them into one filter (inferring from them would send the list twice).
 */
final class TransitiveJoinFilterRule {
  /** Calcite's rule, on a logical join both of whose inputs read a table. */
  static final RelOptRule INSTANCE = JoinPushTransitivePredicatesRule.Config.DEFAULT
      .withOperandSupplier(b -> b.operand(LogicalJoin.class)
          .predicate(j -> readsATable(j.getLeft()) && readsATable(j.getRight())).anyInputs())
      .withDescription("FusionTransitiveJoinFilterRule")
      .toRule();

  private TransitiveJoinFilterRule() {
  }

  /** By Calcite's table-reference metadata: a list of literals reads none (or none Calcite can name). */
  private static boolean readsATable(RelNode input) {
    var refs = input.getCluster().getMetadataQuery().getTableReferences(input);
    return refs != null && !refs.isEmpty();
  }
}
