package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.SortKey;

/** A relational operator that runs inside Fusion: the nodes of one tree fold into one REST query. */
public interface FusionRel extends RelNode {
  Convention CONVENTION = new Convention.Impl("FUSION", FusionRel.class);

  /** Adds this node's part of the request; the input is implemented first. */
  void implement(Implementor implementor);

  /**
   * Accumulates one request while visiting a Fusion tree bottom-up. Keeps the ordinal to column map so
   * that SQL aliases never leak into q, fields or orderBy.
   */
  final class Implementor {
    FusionTable table;
    /** Output ordinal to index in {@link FusionTable#columns()}. */
    int[] columns;
    final List<QExpr> filters = new ArrayList<>();
    /** Conjuncts with dynamic parameters, translated at execution; each with the column map it was written against. */
    final List<DeferredFilter> deferred = new ArrayList<>();
    /** The deferred conditions written against the table's columns, to send each once. */
    final java.util.Set<RexNode> deferredOnTable = new java.util.HashSet<>();
    final List<SortKey> orderBy = new ArrayList<>();
    long offset;
    OptionalLong limit = OptionalLong.empty();
    /** For a child table: the parent item whose child path is read (null: all parents, via expand). */
    Object parentKey;
    /** For a child table read across parents (expand): terms on the parent-key columns, sent as the parents' q. */
    final List<QExpr> parentFilters = new ArrayList<>();
    /** Set when COUNT(*) replaces the rows; the value is the number of COUNT columns. */
    int countColumns = -1;
    /** Set when MIN/MAX replace the rows: one bound request per output column, in output order. */
    final List<Bound> bounds = new ArrayList<>();

    /** {@code MIN(column)}, or {@code MAX(column)} when {@code max}. */
    record Bound(FusionColumn column, boolean max) {
    }

    /** A filter term whose literal values come from {@code ?} parameters. */
    record DeferredFilter(RexNode condition, List<FusionColumn> columns) {
    }

    public void visitChild(RelNode input) {
      ((FusionRel) input).implement(this);
    }

    void scan(FusionTable t) {
      this.table = Objects.requireNonNull(t, "table");
      this.columns = IntStream.range(0, t.columns().size()).toArray();
    }

    /** The column behind output ordinal {@code i}. */
    FusionColumn column(int i) {
      return table.columns().get(columns[i]);
    }

    List<FusionColumn> outputColumns() {
      List<FusionColumn> out = new ArrayList<>(columns.length);
      for (int i = 0; i < columns.length; i++) {
        out.add(column(i));
      }
      return out;
    }

    boolean limited() {
      return offset > 0 || limit.isPresent();
    }

    /** Applies a further OFFSET/FETCH on top of what is already there; exact composition. */
    void offsetLimit(long off, OptionalLong fetch) {
      long newLimit = -1;
      if (limit.isPresent()) {
        newLimit = Math.max(0, limit.getAsLong() - off);
      }
      if (fetch.isPresent()) {
        newLimit = newLimit < 0 ? fetch.getAsLong() : Math.min(newLimit, fetch.getAsLong());
      }
      offset += off;
      limit = newLimit < 0 ? OptionalLong.empty() : OptionalLong.of(newLimit);
    }
  }
}
