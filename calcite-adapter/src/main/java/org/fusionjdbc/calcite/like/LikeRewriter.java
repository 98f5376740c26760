package org.fusionjdbc.calcite.like;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Puts {@link LikeOperators} in place of Calcite's LIKE wherever Calcite itself would evaluate it, so every LIKE the
 * driver answers has SQL's meaning (see {@link LikeMatcher}). LIKE stays Calcite's own while planning, so the
 * adapter's filter translation and the JDBC (BI Publisher) pushdown still recognise it; only two kinds of call are
 * replaced:
 * <ul>
 *   <li>before planning, a LIKE over no column at all (literals and parameters), which the planner would otherwise
 *       fold to a constant with Calcite's semantics;</li>
 *   <li>after planning, every LIKE left in the Enumerable part of the plan, the part Calcite runs in the JVM. Plans of
 *       other conventions (the REST scan, the Oracle SQL sent to BI Publisher) are left as the remote side reads
 *       them.</li>
 * </ul>
 */
public final class LikeRewriter {
  private LikeRewriter() {
  }

  /** Before planning: replaces LIKE calls that reference no input, anywhere in the tree. */
  public static RelNode replaceConstantLikes(RelNode root) {
    RexShuttle constants = new LikeShuttle(root.getCluster().getRexBuilder(), true);
    return root.accept(new RelHomogeneousShuttle() {
      @Override
      protected RelNode visitChildren(RelNode rel) {
        return super.visitChildren(rel).accept(constants);
      }
    });
  }

  /** After planning: replaces every LIKE in Enumerable nodes, not descending into other conventions. */
  public static RelNode replaceEvaluatedLikes(RelNode rel) {
    if (rel.getConvention() != EnumerableConvention.INSTANCE) {
      return rel;
    }
    List<RelNode> inputs = new ArrayList<>(rel.getInputs().size());
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode replaced = replaceEvaluatedLikes(input);
      changed |= replaced != input;
      inputs.add(replaced);
    }
    RelNode withInputs = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    return withInputs.accept(new LikeShuttle(rel.getCluster().getRexBuilder(), false));
  }

  private static final class LikeShuttle extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final boolean constantOnly;

    LikeShuttle(RexBuilder rexBuilder, boolean constantOnly) {
      this.rexBuilder = rexBuilder;
      this.constantOnly = constantOnly;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (!(visited instanceof RexCall c) || !LikeOperators.isCalciteLike(c) || constantOnly && !RexUtil.isConstant(c)) {
        return visited;
      }
      // the original type (nullability included) so the enclosing node's row type is unchanged
      return rexBuilder.makeCall(c.getType(), LikeOperators.replacement(c), c.getOperands());
    }
  }
}
