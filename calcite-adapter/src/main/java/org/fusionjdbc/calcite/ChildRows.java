package org.fusionjdbc.calcite;

import java.util.List;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * Rows of {@link org.fusionjdbc.client.FusionClient#scanChildren}: the parent-key values come first. The
 * enumerator finds columns by name, so parent key columns and child attributes resolve from one row; the
 * parent's key names win only where the child has no attribute of that name (the table's column rule).
 */
final class ChildRows implements RowStream {
  private final RowStream inner;
  private final int parentFields;

  ChildRows(RowStream inner, int parentFields) {
    this.inner = inner;
    this.parentFields = parentFields;
  }

  @Override
  public List<String> fields() {
    // A child attribute named like a parent key must be read from the child part of the row.
    List<String> f = new java.util.ArrayList<>(inner.fields());
    for (int i = 0; i < parentFields; i++) {
      if (f.subList(parentFields, f.size()).contains(f.get(i))) {
        f.set(i, "\\u0000parent." + f.get(i));
      }
    }
    return f;
  }

  @Override
  public boolean next() {
    return inner.next();
  }

  @Override
  public Object[] row() {
    return inner.row();
  }

  @Override
  public ScanProgress progress() {
    return inner.progress();
  }

  @Override
  public void cancel() {
    inner.cancel();
  }

  @Override
  public void close() {
    inner.close();
  }
}
