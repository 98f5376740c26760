package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * The Oracle types of a query's columns as the FJ1 proxy would describe them, from a Calcite row type: for the
 * XMLGEN proxy shape, which returns Oracle's text of each value and no describe, the types come from where the plan
 * got them, the FUSION_DB dictionary (ALL_TAB_COLUMNS) behind each table's row type and Calcite's derivation of every
 * expression over them. {@link FusionDbToEnumerableConverter} compiles them into each statement's generated code.
 */
final class ResultTypes {
  private ResultTypes() {
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
