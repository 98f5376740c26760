package org.fusionjdbc.calcite;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.fusionjdbc.calcite.like.LikeRewriter;

/**
 * Calcite's statement preparation with the adapter's corrections to what Calcite evaluates in the JVM (LIKE with
 * SQL's meaning, see {@link LikeRewriter}) and the {@link PlanNotes} of each plan. Connections get it through
 * {@code Driver.withPrepareFactory(FusionPrepare::new)}. It also marks the scan whose rows are the statement's
 * result rows (see {@link ResultScans}).
 */
public class FusionPrepare extends CalcitePrepareImpl {
  /** A statement prepared before on this connection reuses its plan ({@link PlanCache}). */
  @Override
  @SuppressWarnings("unchecked")
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, CalcitePrepare.Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    PlanCache.Key key = PlanCache.key(context, query.sql, elementType, maxRowCount);
    PlanCache.Entry hit = PlanCache.get(context, key);
    if (hit != null) {
      return (CalciteSignature<T>) hit.signature();
    }
    CalciteSignature<T> signature = super.prepareSql(context, query, elementType, maxRowCount);
    PlanCache.put(context, key, new PlanCache.Entry(signature));
    return signature;
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    // as CalcitePrepareImpl builds its own, with the subclass below
    EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
        : EnumerableRel.Prefer.CUSTOM;
    return new PreparingStmt(this, context, catalogReader, context.getTypeFactory(), context.getRootSchema(), prefer,
        createCluster(planner, new RexBuilder(context.getTypeFactory())),
        enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE, createConvertletTable());
  }

  private static final class PreparingStmt extends CalcitePreparingStmt {
    PreparingStmt(CalcitePrepareImpl prepare, CalcitePrepare.Context context, CalciteCatalogReader catalogReader,
        org.apache.calcite.rel.type.RelDataTypeFactory typeFactory, CalciteSchema schema, EnumerableRel.Prefer prefer,
        org.apache.calcite.plan.RelOptCluster cluster, org.apache.calcite.plan.Convention resultConvention,
        org.apache.calcite.sql2rel.SqlRexConvertletTable convertletTable) {
      super(prepare, context, catalogReader, typeFactory, schema, prefer, cluster, resultConvention, convertletTable);
    }

    @Override
    protected RelRoot optimize(RelRoot root, List<Prepare.Materialization> materializations,
        List<CalciteSchema.LatticeEntry> lattices) {
      RelRoot optimized = super.optimize(root.withRel(LikeRewriter.replaceConstantLikes(root.rel)), materializations,
          lattices);
      return optimized.withRel(LikeRewriter.replaceEvaluatedLikes(optimized.rel));
    }

    /** The optimized plan, with its result scan marked and its notes kept with the prepared statement. */
    @Override
    protected Prepare.PreparedResult implement(RelRoot root) {
      if (!(root.rel instanceof EnumerableRel)) {
        return super.implement(root);
      }
      RelNode plan = ResultScans.mark(root.rel);
      List<String> notes = PlanNotes.of(plan);
      return super.implement(root.withRel(notes.isEmpty() ? plan : new NotedPlan(plan, notes)));
    }
  }
}
