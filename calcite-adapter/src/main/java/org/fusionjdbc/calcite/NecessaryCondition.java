package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The strongest condition q can say that every row satisfying a filter term also satisfies. For
 * {@code (a = 3 and upper(s) = 'X') or (a = 4 and b > 1)} that is {@code a = 3 or (a = 4 and b > 1)}: sent as q, it
 * keeps Fusion from returning rows that cannot match, while Calcite still checks the whole term. Each part of the
 * result is translated exactly; the result is only weaker than the term, never different, so the rows are the same.
 *
 * <p>An AND keeps its sayable conjuncts (true for the AND implies true for each); an OR needs a condition for every
 * branch (one unconstrained branch lets any row through). Nothing is derived under NOT.
 */
final class NecessaryCondition {
  private NecessaryCondition() {
  }

  /** A sayable condition implied by {@code term}, or empty when there is none (or the term is sayable itself). */
  static Optional<RexNode> of(FilterTranslator tr, RexBuilder rexBuilder, RexNode term) {
    if (tr.translate(term).isPresent()) {
      return Optional.empty();
    }
    RexNode weaker = weaken(tr, rexBuilder, term);
    return weaker != null && tr.translate(weaker).isPresent() ? Optional.of(weaker) : Optional.empty();
  }

  private static RexNode weaken(FilterTranslator tr, RexBuilder rexBuilder, RexNode term) {
    if (tr.translate(term).isPresent()) {
      return term;
    }
    if (!(term instanceof RexCall call)) {
      return null;
    }
    if (call.getKind() == SqlKind.AND) {
      List<RexNode> kept = new ArrayList<>();
      for (RexNode c : RelOptUtil.conjunctions(call)) {
        RexNode w = weaken(tr, rexBuilder, c);
        if (w != null) {
          kept.add(w);
        }
      }
      return kept.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, kept);
    }
    if (call.getKind() == SqlKind.OR) {
      List<RexNode> branches = new ArrayList<>();
      for (RexNode d : RelOptUtil.disjunctions(call)) {
        RexNode w = weaken(tr, rexBuilder, d);
        if (w == null) {
          return null;
        }
        branches.add(w);
      }
      return RexUtil.composeDisjunction(rexBuilder, branches);
    }
    return null;
  }
}
