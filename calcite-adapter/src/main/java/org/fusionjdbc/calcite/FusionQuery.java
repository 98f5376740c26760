package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rex.RexBuilder;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;

/**
 * One folded Fusion request, ready to run: generated code calls {@link #enumerable}. Immutable; the
 * values of {@code ?} parameters are read from the DataContext at each execution.
 */
public final class FusionQuery {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("org.fusionjdbc.calcite");
  private final FusionTable table;
  private final QuerySpec spec;
  private final List<FusionRel.Implementor.DeferredFilter> deferred;
  private final List<FusionColumn> columns;
  private final int countColumns;
  private final RexBuilder rexBuilder;
  private final Object parentKey;
  /** For a child table read across parents: the q on the parents of the expanded scan, or null. */
  private final QExpr parentFilter;
  private final boolean resultRows;
  private final List<FusionRel.Implementor.Bound> bounds;

  private FusionQuery(FusionTable table, QuerySpec spec, List<FusionRel.Implementor.DeferredFilter> deferred,
      List<FusionColumn> columns, int countColumns, RexBuilder rexBuilder, Object parentKey, QExpr parentFilter,
      boolean resultRows, List<FusionRel.Implementor.Bound> bounds) {
    this.bounds = List.copyOf(bounds);
    this.parentKey = parentKey;
    this.parentFilter = parentFilter;
    this.resultRows = resultRows;
    this.table = table;
    this.spec = spec;
    this.deferred = List.copyOf(deferred);
    this.columns = List.copyOf(columns);
    this.countColumns = countColumns;
    this.rexBuilder = rexBuilder;
  }

  static FusionQuery of(FusionRel.Implementor impl, RexBuilder rexBuilder) {
    FusionTable t = Objects.requireNonNull(impl.table, "scan");
    List<FusionColumn> out = impl.outputColumns();
    List<String> fields = new ArrayList<>();
    for (FusionColumn c : out) {
      if (!c.fromParent() && !fields.contains(c.name())) {
        fields.add(c.name());
      }
    }
    if (fields.isEmpty()) {
      // fields is never empty: ask for the smallest useful thing, the key.
      List<String> keys = t.description().keyAttributes();
      fields.add(keys.isEmpty() ? t.description().attributes().get(0).name() : keys.get(0));
    }
    ResourcePath path = ResourcePath.of(t.contextRoot(), t.resourceName());
    if (t.childName().isPresent() && impl.parentKey != null) {
      path = path.child(String.valueOf(impl.parentKey), t.childName().get());
    }
    QuerySpec.Builder b = QuerySpec.builder(path)
        .fields(fields).orderBy(impl.orderBy).offset(impl.offset);
    if (!impl.filters.isEmpty()) {
      b.filter(QExpr.and(impl.filters));
    }
    impl.limit.ifPresent(b::limit);
    QExpr parents = impl.parentFilters.isEmpty() ? null : QExpr.and(impl.parentFilters);
    return new FusionQuery(t, b.build(), impl.deferred, out, impl.countColumns, rexBuilder, impl.parentKey, parents,
        false, impl.bounds);
  }

  /** This query, marked as producing the statement's result rows (setMaxRows may limit it). */
  FusionQuery withResultRows(boolean result) {
    return new FusionQuery(table, spec, deferred, columns, countColumns, rexBuilder, parentKey, parentFilter, result,
        bounds);
  }

  /** The spec as planned (with {@code ?} terms not yet bound). */
  public QuerySpec spec() {
    return spec;
  }

  public boolean isCount() {
    return countColumns >= 0;
  }

  /**
   * The REST request, as EXPLAIN shows it: rendered by the client from the same parameters it sends (the first page
   * of a scan, or the count), with the terms bound at execution named inside q.
   */
  public String describeRequest() {
    String pending = deferred.isEmpty() ? null : deferred.size() + " term(s) with ? bound at execution";
    FusionClient client = table.client();
    if (!bounds.isEmpty()) { // MIN/MAX: one first-row request per bound, as MinMaxRequests sends them
      MinMaxRequests minMax = new MinMaxRequests(client, spec, null, null, 0, null);
      return String.join(" ; ", bounds.stream().map(b -> client.describeRequest(minMax.firstRow(b), false, pending))
          .toList());
    }
    if (table.childName().isPresent() && parentKey == null) { // one expanded scan of the parents
      return client.describeChildScan(parents(), table.childName().get(), spec.fields());
    }
    QuerySpec shown = isCount() ? spec.toBuilder().offset(0).noLimit().build() : spec;
    return client.describeRequest(shown, isCount(), pending);
  }

  /** For a child table read across parents: the parents' scan, their keys and the q on them. */
  private QuerySpec parents() {
    return QuerySpec.builder(ResourcePath.of(table.contextRoot(), table.resourceName()))
        .fields(table.parentDescription().keyAttributes()).filter(parentFilter).build();
  }

  @Override
  public String toString() {
    return "FusionQuery[" + spec + (deferred.isEmpty() ? "" : ", " + deferred.size() + " term(s) bound at execution")
        + "]";
  }

  /** Called from generated code. {@code scalar}: a one-column row is the value itself, not an array. */
  public Enumerable<Object> enumerable(DataContext root, boolean scalar) {
    QuerySpec planned = bind(root);
    StatementContext statement = StatementContext.of(root).orElse(null);
    long maxRows = statement == null ? 0 : statement.maxRows();
    QuerySpec bound = resultRows && maxRows > 0 && !isCount() && bounds.isEmpty()
        && (planned.limit().isEmpty() || planned.limit().getAsLong() > maxRows)
        ? planned.toBuilder().limit(maxRows).build() : planned;
    LOG.fine(() -> "fusion request " + bound);
    FusionClient client = table.client();
    if (isCount()) {
      long started = System.nanoTime();
      long total = client.count(bound.toBuilder().offset(0).noLimit().build());
      if (statement != null) {
        statement.requestOutsideScans(java.time.Duration.ofNanos(System.nanoTime() - started));
      }
      long n = Math.max(0, total - bound.offset());
      if (bound.limit().isPresent()) {
        n = Math.min(n, bound.limit().getAsLong());
      }
      Object[] row = new Object[countColumns];
      java.util.Arrays.fill(row, n);
      return Linq4j.singletonEnumerable(scalar ? (Object) n : row);
    }
    AtomicBoolean cancel = cancelFlag(root);
    long deadline = RunningScan.deadlineNanos(root == null ? null : root.get(DataContext.Variable.TIMEOUT.camelName));
    RowConverter converter = new RowConverter(table.options().timeZone(), table.tableName());
    if (!bounds.isEmpty()) {
      Object[] row = new MinMaxRequests(client, bound, converter, cancel, deadline, statement).values(bounds);
      return Linq4j.singletonEnumerable(scalar ? row[0] : row);
    }
    Supplier<RowStream> opener = table.childName().isEmpty() ? () -> client.scan(bound)
        : parentKey != null ? () -> new ChildRows(client.scan(bound), table.parentDescription().keyAttributes(),
            parentKey) : () -> {
      // Every parent's child rows in one expanded scan; the parent key comes along in the row.
      QuerySpec parent = parents();
      return new ChildRows(client.scanChildren(parent, table.childName().get(), bound.fields()),
          parent.fields().size());
    };
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new FusionEnumerator(opener, columns, converter, cancel, scalar, deadline, statement);
      }
    };
  }

  private QuerySpec bind(DataContext root) {
    if (deferred.isEmpty()) {
      return spec;
    }
    List<QExpr> terms = new ArrayList<>();
    spec.filter().ifPresent(terms::add);
    var dialect = table.client().config().dialect();
    for (FusionRel.Implementor.DeferredFilter d : deferred) {
      FilterTranslator tr = new FilterTranslator(d.columns()::get, rexBuilder, dialect, table.options().timeZone(),
          i -> root.get("?" + i), e -> evaluate(e, root));
      // Not sayable exactly with these values: Calcite's residual filter alone decides.
      tr.translate(d.condition()).ifPresent(terms::add);
    }
    QuerySpec.Builder b = spec.toBuilder();
    b.filter(terms.isEmpty() ? null : QExpr.and(terms));
    return b.build();
  }

  /** A relative-time expression's value for this execution (days for DATE, local millis for TIMESTAMP). */
  private Object evaluate(org.apache.calcite.rex.RexNode e, DataContext root) {
    var executable = org.apache.calcite.rex.RexExecutorImpl.getExecutable(rexBuilder, List.of(e),
        rexBuilder.getTypeFactory().builder().build());
    executable.setDataContext(root);
    Object[] values = executable.execute();
    return values == null || values.length != 1 ? null : values[0];
  }

  private static AtomicBoolean cancelFlag(DataContext root) {
    Object f = root == null ? null : root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    return f instanceof AtomicBoolean a ? a : null;
  }
}
