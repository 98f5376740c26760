package org.fusionjdbc.client;

import java.util.List;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.describe.ResourceCatalog;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.UrlEncoding.Param;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.Requests;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.ScanPlan;

/**
 * One connection's view of a Fusion pod: describe, scans and counts. Thread-safe; one HTTP pool and one
 * token source per instance, released by {@link #close()}. Knows nothing of SQL, Calcite or JDBC.
 */
public interface FusionClient extends AutoCloseable {

  /** Opens a client; performs no network call (authentication happens on the first request). */
  static FusionClient open(FusionClientConfig config) {
    return DefaultFusionClient.open(config);
  }

  FusionClientConfig config();

  /** Names of the resources under a context root ({@code describe?metadataMode=list}), cached. */
  List<String> resourceNames(String contextRoot);

  /**
   * The catalog of a context root, classified instead of thrown when it cannot help: a catalog the user may not
   * read or the pod does not have (401, 403, 404) is {@link ResourceCatalog.State#UNAVAILABLE}, one in a shape the
   * driver does not know (or that the pod rejects, 400) is {@link ResourceCatalog.State#UNREADABLE}. Transient
   * failures (throttling, 5xx, transport, timeout) still throw: they say nothing about the catalog.
   */
  default ResourceCatalog catalog(String contextRoot) {
    try {
      return ResourceCatalog.read(resourceNames(contextRoot));
    } catch (FusionException e) {
      return CatalogFailures.classify(contextRoot, e);
    }
  }

  /** Describe of one top-level resource with its children, cached per client (and on disk if configured). */
  ResourceDescription describe(String contextRoot, String resource);

  /** Streams the rows of {@code spec}; the caller closes the stream. */
  RowStream scan(QuerySpec spec);

  /**
   * Rows of child collection {@code child} across every parent matched by {@code parentSpec}: each row is
   * the values of {@code parentSpec.fields()} followed by {@code childFields}. Uses {@code expand} on the
   * parent collection and follows a child's own URL when its nested page has more rows.
   */
  RowStream scanChildren(QuerySpec parentSpec, String child, List<String> childFields);

  /**
   * The REST versions of a context root ({@code GET /<contextRoot>/resources/}); never cached. One small
   * authenticated request: the liveness check of a connection.
   */
  default RestVersions restVersions(String contextRoot) {
    throw new UnsupportedOperationException("this FusionClient cannot list REST versions");
  }

  /** Obtains the credential now (oauth: the token call; jwt: signs) and describes it, for diagnostics. */
  default TokenInfo token() {
    throw new UnsupportedOperationException("this FusionClient cannot describe its token");
  }

  /** Row count of the spec's resource and filter, from one request with {@code totalResults=true}. */
  long count(QuerySpec spec);

  /**
   * The first request {@link #scan} (or, with {@code count}, {@link #count}) sends for {@code spec}, as a line to
   * read ({@code GET path?params}, unencoded): what EXPLAIN shows. {@code pendingFilter}, when not null, describes
   * filter terms whose values come at execution. Describes the resource if that has not happened yet.
   */
  default String describeRequest(QuerySpec spec, boolean count, String pendingFilter) {
    ResourcePath r = spec.resource();
    ResourceDescription top = describe(r.contextRoot(), r.resource());
    ResourceDescription d = r.isChild() ? top.children().get(r.child()).resource() : top;
    FusionClientConfig c = config();
    List<Param> params = count ? Requests.count(spec, Requests.countField(d, spec), c.dialect())
        : Requests.firstPage(ScanPlan.of(spec, d, c.dialect()), c.firstPageSize(), c.pageSize());
    return Requests.line(Requests.path(c.restVersion(), r), params, pendingFilter);
  }

  /**
   * The first request {@link #scanChildren} sends for these arguments, as {@link #describeRequest} shows a scan's:
   * the parents' first page with the child expanded.
   */
  default String describeChildScan(QuerySpec parentSpec, String child, List<String> childFields) {
    ResourcePath r = parentSpec.resource();
    FusionClientConfig c = config();
    ScanPlan plan = ScanPlan.of(parentSpec, describe(r.contextRoot(), r.resource()), c.dialect());
    List<Param> params = Requests.expandChild(Requests.firstPage(plan, c.firstPageSize(), c.pageSize()), child,
        childFields);
    return Requests.line(Requests.path(c.restVersion(), r), params, null);
  }

  /**
   * The BI Publisher channel of this connection, sharing its pool and token source; one instance per client
   * (its concurrency limit is per connection). Closed with the client.
   */
  default org.fusionjdbc.client.bip.BipClient bip() {
    throw new UnsupportedOperationException("this FusionClient has no BI Publisher channel");
  }

  @Override
  void close();
}
