package org.fusionjdbc.calcite;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;

/**
 * What a statement's plan leaves to the driver that a user would want to know about, as plain sentences the driver
 * reports through {@code Statement.getWarnings()}: a filter Fusion cannot answer exactly (every row the pushed part
 * selects is fetched, then filtered) and an ORDER BY sorted in memory. Computed once per plan when it is
 * implemented; the notes travel with the prepared statement's signature under {@link #KEY}.
 */
public final class PlanNotes {
  /** The internal parameter of a prepared statement (Calcite's signature) that holds its notes. */
  public static final String KEY = "fusionPlanNotes";

  private PlanNotes() {
  }

  /** The notes of a prepared statement's signature parameters, empty when its plan left nothing to say. */
  public static List<String> of(java.util.Map<String, Object> internalParameters) {
    Object notes = internalParameters == null ? null : internalParameters.get(KEY);
    if (notes instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** The notes of an optimized plan. */
  static List<String> of(RelNode plan) {
    Set<String> notes = new LinkedHashSet<>();
    visit(plan, notes);
    if (sortsResultInMemory(plan)) {
      notes.add("ORDER BY is sorted by the driver, which holds every row of the result in memory before returning"
          + " the first (an ORDER BY Fusion can apply avoids that)");
    }
    return List.copyOf(notes);
  }

  /** The statement's own ORDER BY, below only projections and LIMIT (a sort feeding a merge join is not it). */
  private static boolean sortsResultInMemory(RelNode root) {
    RelNode r = root;
    while (r instanceof EnumerableCalc || r instanceof EnumerableProject || r instanceof EnumerableLimit) {
      r = r.getInput(0);
    }
    return r instanceof EnumerableSort sort && sort.fetch == null && sort.offset == null
        && !sort.getCollation().getFieldCollations().isEmpty();
  }

  private static void visit(RelNode rel, Set<String> notes) {
    RexNode condition = rel instanceof EnumerableCalc calc && calc.getProgram().getCondition() != null
        ? calc.getProgram().expandLocalRef(calc.getProgram().getCondition())
        : rel instanceof EnumerableFilter f ? f.getCondition() : null;
    if (condition != null && rel.getInput(0) instanceof FusionToEnumerableConverter scan) {
      List<String> names = scan.getRowType().getFieldNames();
      Set<String> columns = new TreeSet<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
        // A conjunct with a bound parameter is pushed when its value can be said and always re-checked here;
        // which of the two happens is only known at execution, so it is not reported.
        if (!FilterTranslator.hasParam(conjunct)) {
          RelOptUtil.InputFinder.bits(conjunct).forEach(i -> columns.add(names.get(i)));
        }
      }
      if (!columns.isEmpty()) {
        notes.add("The condition on " + String.join(", ", columns) + " of " + table(scan) + " is evaluated by the"
            + " driver, not by Fusion (REST q cannot express it exactly), so rows it rejects are fetched too;"
            + " see docs/sql.md, 'What runs in Calcite'");
      }
    }
    for (RelNode input : rel.getInputs()) {
      visit(input, notes);
    }
  }

  private static String table(FusionToEnumerableConverter converter) {
    String name = firstScan(converter);
    return name == null ? "a Fusion resource" : name;
  }

  /** The qualified name of the first table scanned under {@code rel}, or null. */
  private static String firstScan(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return String.join(".", scan.getTable().getQualifiedName());
    }
    for (RelNode input : rel.getInputs()) {
      String name = firstScan(input);
      if (name != null) {
        return name;
      }
    }
    return null;
  }
}
