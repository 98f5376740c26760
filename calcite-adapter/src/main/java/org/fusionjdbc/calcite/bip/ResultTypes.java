package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Hook;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * The column types of each FUSION_DB query, learnt from the plan, for the XMLGEN proxy shape: it returns Oracle's
 * text of each value and no describe, so the types come from where the plan got them, the FUSION_DB dictionary
 * (ALL_TAB_COLUMNS) behind each table's row type and Calcite's derivation of every expression over them. Before
 * implementation, every JDBC subtree of our dialect is unparsed exactly as the adapter will, and its row type is
 * kept (bounded) under that SQL text as the Oracle types the FJ1 proxy would have described.
 */
final class ResultTypes {
  private static final int CAPACITY = 512;
  private static final Map<String, List<ProxyColumn>> BY_SQL = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ProxyColumn>> eldest) {
          return size() > CAPACITY;
        }
      });

  static {
    Hook.PLAN_BEFORE_IMPLEMENTATION.add((Consumer<RelRoot>) root -> visit(root.rel));
  }

  private ResultTypes() {
  }

  /** Loads the class, which installs the hook. */
  static void install() {
    // the static initialiser does the work
  }

  /** The columns {@code sql} returns, or null when the plan did not produce it. */
  static List<ProxyColumn> of(String sql) {
    return sql == null ? null : BY_SQL.get(sql);
  }

  private static void visit(RelNode node) {
    if (node instanceof JdbcToEnumerableConverter c) {
      record(c);
      return;
    }
    for (RelNode input : node.getInputs()) {
      visit(input);
    }
  }

  private static void record(JdbcToEnumerableConverter converter) {
    RelNode child = converter.getInput();
    if (!(child.getConvention() instanceof JdbcConvention jdbc) || !(jdbc.dialect instanceof FusionOracleDialect)) {
      return;
    }
    String sql = new JdbcImplementor(jdbc.dialect, (JavaTypeFactory) converter.getCluster().getTypeFactory())
        .visitRoot(child).asStatement().toSqlString(jdbc.dialect).getSql();
    BY_SQL.put(sql, columns(child.getRowType()));
  }

  /** The Oracle type the FJ1 proxy would describe for each column of {@code rowType}. */
  static List<ProxyColumn> columns(RelDataType rowType) {
    List<ProxyColumn> out = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      RelDataType t = f.getType();
      boolean nullable = t.isNullable();
      int p = t.getPrecision();
      int s = t.getScale();
      String name = f.getName();
      out.add(switch (t.getSqlTypeName()) {
        case BIGINT -> new ProxyColumn(name, "NUMBER", 18, 0, 22, nullable);
        case INTEGER -> new ProxyColumn(name, "NUMBER", 10, 0, 22, nullable);
        case SMALLINT, TINYINT, BOOLEAN -> new ProxyColumn(name, "NUMBER", 5, 0, 22, nullable);
        case DECIMAL -> new ProxyColumn(name, "NUMBER", p, Math.max(s, 0), 22, nullable);
        case DOUBLE, FLOAT -> new ProxyColumn(name, "BINARY_DOUBLE", 0, 0, 8, nullable);
        case REAL -> new ProxyColumn(name, "BINARY_FLOAT", 0, 0, 4, nullable);
        case DATE -> new ProxyColumn(name, "DATE", 0, 0, 7, nullable);
        // TIMESTAMP(0) is how FUSION_DB shows an Oracle DATE
        case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> p == 0 ? new ProxyColumn(name, "DATE", 0, 0, 7, nullable)
            : new ProxyColumn(name, "TIMESTAMP", 0, Math.max(p, 0), 11, nullable);
        case CHAR -> new ProxyColumn(name, "CHAR", 0, 0, Math.max(p, 0), nullable);
        default -> new ProxyColumn(name, "VARCHAR2", 0, 0, Math.max(p, 0), nullable);
      });
    }
    return List.copyOf(out);
  }
}
