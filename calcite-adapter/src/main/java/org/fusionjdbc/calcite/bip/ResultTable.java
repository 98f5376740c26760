package org.fusionjdbc.calcite.bip;

import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.fusionjdbc.client.bip.ProxyColumn;

/** The table a table function returns: known columns, rows from a {@link RowSource}. */
final class ResultTable extends AbstractTable implements TranslatableTable {
  private final List<ProxyColumn> columns;
  private final RowSource source;

  ResultTable(List<ProxyColumn> columns, RowSource source) {
    this.columns = List.copyOf(columns);
    this.source = source;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return InternalValues.rowType(typeFactory, columns);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new SourceScan(context.getCluster(), relOptTable, source);
  }
}
