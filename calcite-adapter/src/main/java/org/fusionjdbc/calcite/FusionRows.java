package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the rows of a Fusion node are, as the pushdown rules need to know it: the table they come from, the table
 * column behind each output field, whether an OFFSET/LIMIT already cut them (then no filter or ORDER BY can join the
 * request) and, on a child table, whether a pushed {@code parentKey = literal} picks one parent's child path. Each
 * node derives its own from the node a rule matched below it, so no rule looks inside the planner's subsets.
 */
record FusionRows(FusionTable table, List<FusionColumn> columns, boolean limited, boolean childPathFixed) {

  FusionRows {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }

  /** A scan's rows: every column of the table, uncut. */
  static FusionRows of(FusionTable table) {
    return new FusionRows(table, table.columns(), false, false);
  }

  /** The table column behind output field {@code i}. */
  FusionColumn column(int i) {
    return columns.get(i);
  }

  /** The same rows with only the fields at {@code ordinals}, in that order. */
  FusionRows project(List<Integer> ordinals) {
    List<FusionColumn> kept = new ArrayList<>(ordinals.size());
    ordinals.forEach(i -> kept.add(columns.get(i)));
    return new FusionRows(table, kept, limited, childPathFixed);
  }

  /** The same rows after an OFFSET/LIMIT. */
  FusionRows cut() {
    return new FusionRows(table, columns, true, childPathFixed);
  }

  /** The same rows after a pushed {@code parentKey = literal}. */
  FusionRows onOneChildPath() {
    return new FusionRows(table, columns, limited, true);
  }

  /** Whether ORDER BY, OFFSET/LIMIT and COUNT can be sent: always on a table, on a child only on one path. */
  boolean onePath() {
    return table.childName().isEmpty() || childPathFixed;
  }
}
