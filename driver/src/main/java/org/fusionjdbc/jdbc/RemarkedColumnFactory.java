package org.fusionjdbc.jdbc;

import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;
import org.fusionjdbc.calcite.FusionColumn;
import org.fusionjdbc.calcite.FusionTable;

/**
 * getColumns rows with REMARKS from Fusion's describe (attribute title and description). The table is already
 * described when its columns are listed, so this costs no extra request.
 */
final class RemarkedColumnFactory implements CalciteMetaColumnFactory {
  static final RemarkedColumnFactory INSTANCE = new RemarkedColumnFactory();

  private RemarkedColumnFactory() {
  }

  @Override
  public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
      String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
      int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    Integer size = JdbcTypes.columnSize(dataType, columnSize);
    if (dataType == java.sql.Types.VARCHAR && (size == null || size <= 0)) {
      size = stringLength(table, columnName); // the row type is unbounded; describe knows the length
    }
    return new RemarkedColumn(tableCat, tableSchem, tableName, columnName, dataType, JdbcTypes.baseName(typeName),
        size, JdbcTypes.decimalDigits(dataType, columnSize, decimalDigits), numPrecRadix, nullable, size != null && dataType == java.sql.Types.VARCHAR ? size
        : charOctetLength, ordinalPosition, isNullable, remarks(table, columnName));
  }

  @Override
  public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
    return RemarkedColumn.class;
  }

  private static Integer stringLength(Table table, String columnName) {
    if (table instanceof FusionTable fusion) {
      for (FusionColumn c : fusion.columns()) {
        if (c.name().equals(columnName)) {
          return org.fusionjdbc.calcite.FusionTypes.columnSize(c.attribute());
        }
      }
    }
    return null;
  }

  private static String remarks(Table table, String columnName) {
    if (!(table instanceof FusionTable fusion)) {
      return null;
    }
    for (FusionColumn c : fusion.columns()) {
      if (c.name().equals(columnName)) {
        String title = c.attribute().title();
        String description = c.attribute().description();
        if (description != null && !description.isBlank() && !description.equals(title)) {
          return title == null || title.isBlank() ? description : title + ": " + description;
        }
        return title;
      }
    }
    return null;
  }

  /** Shadows the inherited REMARKS field: columns are read from fields by name. */
  public static final class RemarkedColumn extends MetaImpl.MetaColumn {
    public final String remarks;

    RemarkedColumn(String tableCat, String tableSchem, String tableName, String columnName, int dataType,
        String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix, int nullable,
        Integer charOctetLength, int ordinalPosition, String isNullable, String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits, numPrecRadix,
          nullable, charOctetLength, ordinalPosition, isNullable);
      this.remarks = remarks;
    }
  }
}
