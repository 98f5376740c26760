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
  /** For a child path of one parent: the parent key, appended to every row (the child rows lack it). */
  private final List<String> keyNames;
  private final Object keyValue;

  ChildRows(RowStream inner, int parentFields) {
    this.inner = inner;
    this.parentFields = parentFields;
    this.keyNames = null;
    this.keyValue = null;
  }

  ChildRows(RowStream inner, List<String> keyNames, Object keyValue) {
    this.inner = inner;
    this.parentFields = 0;
    this.keyNames = List.copyOf(keyNames);
    this.keyValue = keyValue;
  }

  @Override
  public List<String> fields() {
    if (keyNames != null) {
      List<String> f = new java.util.ArrayList<>(inner.fields());
      f.add(keyNames.get(0));
      return f;
    }
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
    if (keyNames == null) {
      return inner.row();
    }
    Object[] r = inner.row();
    Object[] out = java.util.Arrays.copyOf(r, r.length + 1);
    out[r.length] = keyValue;
    return out;
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
