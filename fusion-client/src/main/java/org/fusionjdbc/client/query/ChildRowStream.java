package org.fusionjdbc.client.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.HttpTransport;

/**
 * Rows of a child collection across parents: the parents are paged with {@code expand=<child>}; each parent
 * row is followed by its inline child rows, or, when the nested page says hasMore, by a scan of the child
 * collection at the href the nested page links to. That href is the only address used: items of
 * effective-dated resources are keyed by an opaque hash the client must not build, whatever describe calls the
 * key. So one request per parent page, plus the pages of parents whose nested page had more.
 */
public final class ChildRowStream implements RowStream {
  private final PagedRowStream parents;
  private final ScanPlan plan;
  private final List<String> fields;
  private final int parentWidth;
  private final int childWidth;
  private final Function<String, RowStream> childScan;
  private Object[] parent;
  private Iterator<Object[]> inline = List.<Object[]>of().iterator();
  private RowStream followed;
  private Object[] row;
  private long childRowsReturned;

  private ChildRowStream(PagedRowStream parents, ScanPlan plan, List<String> childFields,
      Function<String, RowStream> childScan) {
    this.parents = parents;
    this.plan = plan;
    this.parentWidth = plan.spec().fields().size();
    this.childWidth = childFields.size();
    List<String> all = new ArrayList<>(plan.spec().fields());
    all.addAll(childFields);
    this.fields = List.copyOf(all);
    this.childScan = childScan;
  }

  /**
   * @param path      encoded parent collection path
   * @param childScan opens a scan of {@code childFields} over the child collection at an href the pod returned
   */
  public static ChildRowStream open(HttpTransport transport, String path, ScanPlan plan, String child,
      List<String> childFields, ExecutorService prefetcher, Function<String, RowStream> childScan) {
    Objects.requireNonNull(child, "child");
    if (childFields.isEmpty()) {
      throw new IllegalArgumentException("scanChildren needs at least one child field");
    }
    PageParser parser = new PageParser(plan.layout(), child, childFields);
    PagedRowStream parents = new PagedRowStream(transport, path, plan, parser, plan.layout().size() + 1,
        params -> Requests.expandChild(params, child, childFields), prefetcher);
    return new ChildRowStream(parents, plan, childFields, childScan);
  }

  @Override
  public List<String> fields() {
    return fields;
  }

  @Override
  public boolean next() {
    while (true) {
      if (followed != null) {
        if (followed.next()) {
          return emit(followed.row());
        }
        followed.close();
        followed = null;
      } else if (inline.hasNext()) {
        return emit(inline.next());
      }
      if (!parents.next()) {
        row = null;
        return false;
      }
      parent = parents.row();
      PageParser.Children children = (PageParser.Children) parent[plan.layout().size()];
      if (children.hasMore()) {
        inline = List.<Object[]>of().iterator();
        followed = childScan.apply(childHref(children));
      } else {
        inline = children.rows().iterator();
      }
    }
  }

  private boolean emit(Object[] childRow) {
    Object[] r = new Object[parentWidth + childWidth];
    System.arraycopy(parent, 0, r, 0, parentWidth);
    System.arraycopy(childRow, 0, r, parentWidth, childWidth);
    row = r;
    childRowsReturned++;
    return true;
  }

  private static String childHref(PageParser.Children children) {
    if (children.href() == null) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "a parent's expanded child page says hasMore but "
          + "links no collection to read the rest from; use REST framework version 3 or later");
    }
    return children.href();
  }

  @Override
  public Object[] row() {
    if (row == null) {
      throw new IllegalStateException("no current row: call next() first");
    }
    return row;
  }

  @Override
  public ScanProgress progress() {
    ScanProgress p = parents.progress();
    return new ScanProgress(p.requests(), p.pages(), p.rowsFetched(), childRowsReturned, p.elapsed());
  }

  @Override
  public void cancel() {
    parents.cancel();
    RowStream f = followed;
    if (f != null) {
      f.cancel();
    }
  }

  @Override
  public void close() {
    try {
      if (followed != null) {
        followed.close();
      }
    } finally {
      parents.close();
    }
  }
}
