package org.fusionjdbc.calcite.bip;

import java.util.Iterator;
import java.util.List;
import org.fusionjdbc.client.bip.ProxyColumn;

/** Rows already in memory (answers of DatabaseMetaData). */
final class ListCursor implements Cursor {
  private final List<ProxyColumn> columns;
  private final Iterator<Object[]> rows;
  private Object[] row;

  ListCursor(List<ProxyColumn> columns, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows).iterator();
  }

  /** A text column (for metadata results). */
  static ProxyColumn text(String name) {
    return new ProxyColumn(name, "VARCHAR2", 0, 0, 4000, true);
  }

  /** An integer column (for metadata results). */
  static ProxyColumn integer(String name) {
    return new ProxyColumn(name, "NUMBER", 10, 0, 22, true);
  }

  @Override
  public List<ProxyColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    row = rows.hasNext() ? rows.next() : null;
    return row != null;
  }

  @Override
  public Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row");
    }
    return row;
  }

  @Override
  public void close() {
    row = null;
  }
}
