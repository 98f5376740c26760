package org.fusionjdbc.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.FusionCalciteBridge;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.fusionjdbc.calcite.FusionTable;
import org.fusionjdbc.calcite.PlanNotes;
import org.fusionjdbc.calcite.StatementContext;
import org.fusionjdbc.client.error.FusionException;

/**
 * The driver's Calcite Meta: it owns the {@link StatementContext} of each statement and hands it to the adapter at
 * every execution, and it answers DatabaseMetaData on top of Calcite's: primary and foreign keys and column REMARKS
 * from the adapter's tables (keys from Fusion's describe; child tables reference their parent) where Calcite answers
 * none, and no catalogs. Every answer depends only on the pod (describes, cached like describes), never on what ran
 * before on this connection, and a call touches only the schemas and tables its arguments name. What needs Calcite's
 * package-private API is in {@link FusionCalciteBridge}.
 */
final class FusionMeta extends FusionCalciteBridge {
  /** The context of each open statement of this connection, by statement id (Avatica's own key for it). */
  private final Map<Integer, StatementContext> contexts = new ConcurrentHashMap<>();

  FusionMeta(AvaticaConnection connection) {
    super(connection, RemarkedColumnFactory.INSTANCE);
  }

  /**
   * The context of a statement of a connection the driver opened (its max rows, plan notes, scans); for a prepared
   * statement it already holds the notes of the plan it was prepared with.
   */
  static StatementContext context(Statement calciteStatement) throws SQLException {
    AvaticaStatement st = calciteStatement.unwrap(AvaticaStatement.class);
    FusionMeta meta = (FusionMeta) metaOf(st);
    try {
      return st instanceof java.sql.PreparedStatement ? meta.preparedContext(st.handle) : meta.context(st.handle);
    } catch (IllegalStateException | NoSuchStatementException e) {
      throw new SQLException("the statement is closed", "HY000", e);
    }
  }

  /** The context of an open statement of this connection. */
  private StatementContext context(StatementHandle h) {
    StatementContext c = contexts.get(h.id);
    if (c == null) {
      throw new IllegalStateException("statement " + h.id + " is closed");
    }
    return c;
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle h = super.createStatement(ch); // also for prepare(), which creates its statement here
    try {
      contexts.put(h.id, new StatementContext(connection.getCancelFlag(h)));
    } catch (NoSuchStatementException e) {
      throw new IllegalStateException("statement " + h.id + " vanished while being created", e);
    }
    return h;
  }

  @Override
  public void closeStatement(StatementHandle h) {
    contexts.remove(h.id);
    super.closeStatement(h);
  }

  /**
   * The context of a prepared statement, holding the notes of the plan it was just prepared with (Calcite's
   * connection prepares without this meta, and keeps the signature with the server statement).
   */
  private StatementContext preparedContext(StatementHandle h) throws NoSuchStatementException {
    StatementContext c = context(h);
    if (preparedSignature(h) instanceof CalcitePrepare.CalciteSignature<?> s) {
      c.planNotes(PlanNotes.of(s.internalParameters));
    }
    return c;
  }

  /**
   * Each execution of a statement, plain or prepared, passes here: the statement's context starts the execution with
   * the statement's max rows and reaches the adapter inside the DataContext (Calcite puts a signature's internal
   * parameters there), and the rows stop at max rows (Calcite applies it to plain statements only).
   */
  @Override
  public Iterable<Object> createIterable(StatementHandle h, QueryState state, Signature signature,
      List<TypedValue> parameterValues, Frame firstFrame) {
    StatementContext c = contexts.get(h.id);
    if (c == null || !(signature instanceof CalcitePrepare.CalciteSignature<?> s)) {
      return super.createIterable(h, state, signature, parameterValues, firstFrame);
    }
    long maxRows = maxRows(h);
    c.startExecution(maxRows);
    c.planNotes(PlanNotes.of(s.internalParameters));
    Map<String, Object> internal = new LinkedHashMap<>(s.internalParameters);
    internal.put(StatementContext.KEY, c);
    CalcitePrepare.CalciteSignature<Object> withContext = new CalcitePrepare.CalciteSignature<>(s.sql, s.parameters,
        internal, s.rowType, s.columns, s.cursorFactory, s.rootSchema, s.getCollationList(), -1,
        ((CalcitePrepare.CalciteSignature<Object>) s)::enumerable, s.statementType);
    Iterable<Object> rows = super.createIterable(h, state, withContext, parameterValues, firstFrame);
    return maxRows > 0 ? Linq4j.asEnumerable(rows).take((int) Math.min(maxRows, Integer.MAX_VALUE)) : rows;
  }

  private long maxRows(StatementHandle h) {
    AvaticaStatement st = connection.statementMap.get(h.id);
    try {
      return st == null ? 0 : Math.max(0, st.getLargeMaxRows());
    } catch (SQLException e) {
      return 0;
    }
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    List<PrimaryKeyRow> rows = new ArrayList<>();
    forEachTable(schema, table, (schemaName, s, tableName, t) -> {
      if (!(t instanceof FusionTable fusion)) {
        return;
      }
      short seq = 1;
      for (String column : fusion.keyColumns()) {
        rows.add(new PrimaryKeyRow(schemaName, tableName, column, seq++, "PK_" + tableName));
      }
    });
    rows.sort((a, b) -> (a.columnName.compareTo(b.columnName)));
    return rows(PrimaryKeyRow.class, rows);
  }

  /** The keys of the child tables named: each references its parent (ordered by parent table, then KEY_SEQ). */
  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    List<KeyLinkRow> rows = new ArrayList<>();
    forEachTable(schema, table, (schemaName, s, tableName, t) -> {
      if (t instanceof FusionTable child && child.childName().isPresent()) {
        rows.addAll(linkRows(schemaName, tableName, child));
      }
    });
    rows.sort(Comparator.comparing((KeyLinkRow r) -> r.pktableSchem).thenComparing(r -> r.pktableName)
        .thenComparing(r -> r.fktableName).thenComparing(r -> r.keySeq));
    return rows(KeyLinkRow.class, rows);
  }

  /** The child tables of the parents named, from the parents' describes (ordered by child table, then KEY_SEQ). */
  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    List<KeyLinkRow> rows = exported(schema, table, row -> true);
    return rows(KeyLinkRow.class, rows);
  }

  @Override
  public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
      String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
    return rows(KeyLinkRow.class, exported(parentSchema, parentTable,
        row -> matches(foreignSchema, row.fktableSchem) && matches(foreignTable, row.fktableName)));
  }

  private List<KeyLinkRow> exported(String schema, String table, Predicate<KeyLinkRow> filter) {
    List<KeyLinkRow> rows = new ArrayList<>();
    boolean oneTable = isName(table);
    forEachTable(schema, table, (schemaName, s, tableName, t) -> {
      if (!(t instanceof FusionTable parent) || parent.childName().isPresent()) {
        return;
      }
      Collection<String> children;
      try {
        children = parent.description().children().keySet();
      } catch (FusionException e) {
        if (oneTable) {
          throw e;
        }
        return; // listed by the catalog but not describable by this user: the schema's warning says so
      }
      for (String c : children) {
        Table childTable = s.tables().get(tableName + "_" + c);
        if (childTable instanceof FusionTable child) {
          linkRows(schemaName, child.tableName(), child).stream().filter(filter).forEach(rows::add);
        }
      }
    });
    rows.sort(Comparator.comparing((KeyLinkRow r) -> r.fktableSchem).thenComparing(r -> r.fktableName)
        .thenComparing(r -> r.keySeq));
    return rows;
  }

  /** A child table ({@code <parent>_<child>}) references its parent through the parent's key columns. */
  private static List<KeyLinkRow> linkRows(String schemaName, String tableName, FusionTable child) {
    List<KeyLinkRow> rows = new ArrayList<>();
    child.parentLink().ifPresent(link -> {
      short seq = 1;
      for (int i = 0; i < link.parentColumns().size(); i++) {
        rows.add(new KeyLinkRow(schemaName, link.parentTable(), link.parentColumns().get(i), schemaName,
            tableName, link.childColumns().get(i), seq++, "FK_" + tableName, "PK_" + link.parentTable()));
      }
    });
    return rows;
  }

  private interface TableVisitor {
    void visit(String schemaName, SchemaPlus schema, String table, Table t);
  }

  /**
   * The tables named by a schema and a table argument, touching no other schema: JDBC key methods take names, so an
   * exact name is resolved directly (one describe at most); null or a pattern with {@code %} (DBeaver passes
   * {@code %}) lists the schema with that pattern.
   */
  private void forEachTable(String schema, String table, TableVisitor visitor) {
    SchemaPlus root = ((CalciteConnection) connection).getRootSchema();
    for (String schemaName : new TreeSet<>(root.subSchemas().getNames(LikePattern.any()))) {
      if (INTERNAL_SCHEMA.equals(schemaName) || !matches(schema, schemaName)) {
        continue;
      }
      SchemaPlus s = root.subSchemas().get(schemaName);
      if (s == null) {
        continue;
      }
      if (isName(table)) {
        org.apache.calcite.schema.lookup.Named<Table> t = s.tables().getIgnoreCase(table);
        if (t != null) {
          visitor.visit(schemaName, s, t.name(), t.entity());
        }
        continue;
      }
      LikePattern pattern = table == null ? LikePattern.any() : new LikePattern(table);
      for (String tableName : new TreeSet<>(s.tables().getNames(pattern))) {
        Table t = s.tables().get(tableName);
        if (t != null) {
          visitor.visit(schemaName, s, tableName, t);
        }
      }
    }
  }

  private static boolean isName(String table) {
    return table != null && table.indexOf('%') < 0;
  }

  /** Exact (case-insensitive) names; null, and the {@code %} DBeaver passes, match every name. */
  private static boolean matches(String wanted, String actual) {
    if (wanted == null || wanted.equals("%")) {
      return true;
    }
    if (wanted.indexOf('%') >= 0 || wanted.indexOf('_') >= 0) {
      return LikePattern.matcher(wanted).apply(actual) || wanted.equalsIgnoreCase(actual);
    }
    return wanted.equalsIgnoreCase(actual);
  }

  /** Fusion has no catalogs: no rows (Calcite would list one unnamed catalog). */
  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return rows(CatalogRow.class, List.of());
  }

  /** A getCatalogs row. */
  public static final class CatalogRow {
    public final String tableCat = null;
  }

  /** A result set whose columns are the public fields of {@code type}, in declaration order. */
  private <T> MetaResultSet rows(Class<T> type, List<T> rows) {
    List<ColumnMetaData> columns = fieldMetaData(type).columns;
    java.lang.reflect.Field[] fields = type.getFields();
    List<Object> arrays = new ArrayList<>();
    for (T row : rows) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        try {
          values[i] = fields[i].get(row);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      arrays.add(values);
    }
    return createResultSet(Map.of(), columns, CursorFactory.ARRAY, new Frame(0, true, arrays));
  }

  /** A getPrimaryKeys row; field order and names are JDBC's (camelCase becomes TABLE_CAT and so on). */
  public static final class PrimaryKeyRow {
    public final String tableCat = null;
    public final String tableSchem;
    public final String tableName;
    public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKeyRow(String schema, String table, String column, short keySeq, String pkName) {
      this.tableSchem = schema;
      this.tableName = table;
      this.columnName = column;
      this.keySeq = keySeq;
      this.pkName = pkName;
    }
  }

  /** A getImportedKeys / getExportedKeys / getCrossReference row, in JDBC's column order. */
  public static final class KeyLinkRow {
    public final String pktableCat = null;
    public final String pktableSchem;
    public final String pktableName;
    public final String pkcolumnName;
    public final String fktableCat = null;
    public final String fktableSchem;
    public final String fktableName;
    public final String fkcolumnName;
    public final short keySeq;
    public final short updateRule = (short) java.sql.DatabaseMetaData.importedKeyNoAction;
    public final short deleteRule = (short) java.sql.DatabaseMetaData.importedKeyNoAction;
    public final String fkName;
    public final String pkName;
    public final short deferrability = (short) java.sql.DatabaseMetaData.importedKeyNotDeferrable;

    KeyLinkRow(String pkSchema, String pkTable, String pkColumn, String fkSchema, String fkTable, String fkColumn,
        short keySeq, String fkName, String pkName) {
      this.pktableSchem = pkSchema;
      this.pktableName = pkTable;
      this.pkcolumnName = pkColumn;
      this.fktableSchem = fkSchema;
      this.fktableName = fkTable;
      this.fkcolumnName = fkColumn;
      this.keySeq = keySeq;
      this.fkName = fkName;
      this.pkName = pkName;
    }
  }
}
