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
 * selects is fetched, then filtered) and an ORDER BY sorted in memory. Collected only inside a {@link #collect()}
 * scope on the preparing thread, so preparing without one costs nothing.
 */
public final class PlanNotes {
  private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

  private PlanNotes() {
  }

  /** Notes of the plans prepared on this thread until the scope closes. */
  public static Scope collect() {
    Set<String> previous = CURRENT.get();
    Set<String> notes = new LinkedHashSet<>();
    CURRENT.set(notes);
    return new Scope(notes, previous);
  }

  /** An open collection; {@link #close()} restores the enclosing one. */
  public static final class Scope implements AutoCloseable {
    private final Set<String> notes;
    private final Set<String> previous;

    private Scope(Set<String> notes, Set<String> previous) {
      this.notes = notes;
      this.previous = previous;
    }

    public List<String> notes() {
      return List.copyOf(notes);
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Adds notes recorded earlier for the same plan (a plan taken from the cache) when a scope is open. */
  static void replay(List<String> recorded) {
    Set<String> notes = CURRENT.get();
    if (notes != null) {
      notes.addAll(recorded);
    }
  }

  /** Records the notes of an optimized plan when a scope is open. */
  static void record(RelNode plan) {
    Set<String> notes = CURRENT.get();
    if (notes != null) {
      visit(plan, notes);
      if (sortsResultInMemory(plan)) {
        notes.add("ORDER BY is sorted by the driver, which holds every row of the result in memory before returning"
            + " the first (an ORDER BY Fusion can apply avoids that)");
      }
    }
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
