package org.fusionjdbc.calcite;

/**
 * A Fusion node whose output is rows of its table (scan, filter, projection, sort), as opposed to an aggregate's
 * single row. The pushdown rules match it below the operator they push, and read its {@link FusionRows}.
 */
interface FusionRowRel extends FusionRel {
  /** What this node's rows are. */
  FusionRows rows();
}
