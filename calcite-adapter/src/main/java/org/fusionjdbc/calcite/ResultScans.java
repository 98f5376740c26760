package org.fusionjdbc.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;

/**
 * Finds the Fusion scan whose rows are, one for one, the statement's result rows: only projections
 * without a condition may sit above it. Only such a scan may take {@code setMaxRows} as its limit.
 */
final class ResultScans {
  private ResultScans() {
  }

  static void mark(RelRoot root) {
    RelNode r = root.rel;
    while (true) {
      if (r instanceof FusionToEnumerableConverter c) {
        c.markResultRows();
        return;
      } else if (r instanceof EnumerableCalc calc && calc.getProgram().getCondition() == null) {
        r = calc.getInput();
      } else if (r instanceof EnumerableProject p) {
        r = p.getInput();
      } else {
        return;
      }
    }
  }
}
