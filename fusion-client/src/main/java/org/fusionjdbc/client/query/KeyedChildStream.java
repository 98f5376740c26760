package org.fusionjdbc.client.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * The child rows of one parent named by its key value ({@code WHERE "PersonId" = n} on a child table). The parent
 * is found first with one small request ({@code q} on the key, {@code expand=<child>}, onlyData); when the child
 * query has no filter, order or offset and the expanded page holds every child, that page is the answer (one
 * request). Otherwise the child collection is paged at the href the expanded page links to. The item URL is never
 * built from the key: effective-dated resources key their items by an opaque hash.
 */
public final class KeyedChildStream extends StreamedRows {
  private final HttpTransport transport;
  private final String parentPath;
  private final QExpr parentKey;
  private final String keyAttribute;
  private final String child;
  private final ScanPlan plan;
  private final ExecutorService prefetcher;
  private boolean started;
  private long lookupRows;
  private Iterator<Object[]> inline = List.<Object[]>of().iterator();
  private RowStream followed;

  /**
   * @param parentPath   encoded path of the parent collection
   * @param keyAttribute the parent's (single, queryable) key attribute
   * @param parentKey    {@code keyAttribute = value}, the q term that finds the parent
   * @param plan         the child query, planned against the child's description
   */
  public KeyedChildStream(HttpTransport transport, String parentPath, String keyAttribute, QExpr parentKey,
      String child, ScanPlan plan, ExecutorService prefetcher) {
    super(plan.spec().fields().size());
    this.transport = Objects.requireNonNull(transport, "transport");
    this.parentPath = Objects.requireNonNull(parentPath, "parentPath");
    this.keyAttribute = Objects.requireNonNull(keyAttribute, "keyAttribute");
    this.parentKey = Objects.requireNonNull(parentKey, "parentKey");
    this.child = Objects.requireNonNull(child, "child");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.prefetcher = prefetcher;
  }

  @Override
  public List<String> fields() {
    return plan.spec().fields();
  }

  @Override
  protected Object[] nextRow() {
    if (!started) {
      started = true;
      start();
    }
    if (followed != null) {
      return followed.next() ? followed.row() : null;
    }
    return inline.hasNext() ? inline.next() : null;
  }

  private void start() {
    PageParser.Children children = lookup();
    lookupRows = children == null ? 0 : 1;
    if (children == null) {
      return; // no such parent: no child rows
    }
    QuerySpec s = plan.spec();
    boolean plain = s.filter().isEmpty() && s.orderBy().isEmpty() && s.offset() == 0;
    if (plain && !children.hasMore()) {
      List<Object[]> rows = children.rows();
      long limit = s.limit().orElse(Long.MAX_VALUE);
      inline = (rows.size() > limit ? rows.subList(0, (int) limit) : rows).iterator();
      return;
    }
    followed = new PagedRowStream(transport, hrefPath(children), plan, prefetcher);
  }

  /**
   * Rows of the child query without reading them: the expanded page's count when it holds every child and the
   * query has no filter, else {@code totalResults} of the linked collection (two requests).
   */
  public long count() {
    started = true;
    PageParser.Children children = lookup();
    if (children == null) {
      return 0;
    }
    QuerySpec s = plan.spec();
    if (s.filter().isEmpty() && !children.hasMore()) {
      return children.rows().size();
    }
    String field = plan.layout().get(0);
    Page page = transport.get(hrefPath(children), Requests.count(s, field, plan.dialect()),
        new PageParser(List.of(field)), cancellation);
    if (page.totalResults() == null) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion did not return totalResults for the "
          + child + " of " + parentKey.render(plan.dialect()) + "; set countPushdown=false to count rows by scanning");
    }
    return page.totalResults();
  }

  /** The parent's expanded child page, or null when no item has the key. */
  private PageParser.Children lookup() {
    Page found = transport.get(parentPath, lookupParams(), new PageParser(List.of(keyAttribute), child,
        plan.layout()), cancellation);
    if (found.rows().isEmpty()) {
      return null;
    }
    if (found.rows().size() > 1 || Boolean.TRUE.equals(found.hasMore())) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "the key " + parentKey.render(plan.dialect())
          + " matched more than one item of " + parentPath + "; describe names it as the key");
    }
    return (PageParser.Children) found.rows().get(0)[1];
  }

  private String hrefPath(PageParser.Children children) {
    if (children.href() == null) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "the expanded " + child + " collection of "
          + parentKey.render(plan.dialect()) + " links no collection to read its rows from; use REST framework "
          + "version 3 or later");
    }
    return Hrefs.pathOf(children.href(), transport.config().baseUrl());
  }

  /**
   * The requests this stream sends, as EXPLAIN shows them: the parent lookup, then {@code childParams} at the child
   * collection's link (unless the expanded page already holds the answer). Sends nothing.
   */
  public String describe(List<Param> childParams, String pendingFilter) {
    return Requests.line(parentPath, lookupParams(), null) + ", then "
        + Requests.line("<" + child + " link>", childParams, pendingFilter);
  }

  /** The parent by its key, only the key and the child's fields, and the child collection expanded. */
  private List<Param> lookupParams() {
    List<Param> params = new ArrayList<>();
    params.add(new Param("q", parentKey.render(plan.dialect())));
    params.add(new Param("fields", keyAttribute + ";" + child + ":" + plan.fieldsParam()));
    params.add(new Param("expand", child));
    params.add(new Param("limit", "1")); // hasMore would mean the key is not one
    params.add(new Param("onlyData", "true"));
    return params;
  }

  @Override
  public ScanProgress progress() {
    long lookup = started ? 1 : 0;
    if (followed != null) {
      ScanProgress p = followed.progress();
      return new ScanProgress(lookup + p.requests(), lookup + p.pages(), lookupRows + p.rowsFetched(), rowsReturned(),
          elapsed());
    }
    return new ScanProgress(lookup, lookup, lookupRows, rowsReturned(), elapsed());
  }

  @Override
  public void cancel() {
    super.cancel();
    RowStream f = followed;
    if (f != null) {
      f.cancel();
    }
  }

  @Override
  protected void release() {
    if (followed != null) {
      followed.close();
    }
  }
}
