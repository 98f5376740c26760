package org.fusionjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.DescribeParser;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.BodyReader;
import org.fusionjdbc.client.http.Cancellation;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding;
import org.fusionjdbc.client.http.UrlEncoding.Param;
import org.fusionjdbc.client.query.ChildRowStream;
import org.fusionjdbc.client.query.Page;
import org.fusionjdbc.client.query.PageParser;
import org.fusionjdbc.client.query.PagedRowStream;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.Requests;
import org.fusionjdbc.client.query.ScanPlan;
import org.fusionjdbc.client.query.SlicedRowStream;

/** The FusionClient: one transport (pool + token source), describe caches, a prefetch thread pool. */
final class DefaultFusionClient implements FusionClient {
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final FusionClientConfig config;
  private final HttpTransport transport;
  private org.fusionjdbc.client.bip.BipClient bip;
  private final ExecutorService background;
  private final DescribeCache describeCache;
  private final Map<String, List<String>> names = new ConcurrentHashMap<>();

  DefaultFusionClient(FusionClientConfig config, HttpTransport transport) {
    this.config = Objects.requireNonNull(config, "config");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.background = Executors.newCachedThreadPool(daemonThreads("fusion-jdbc-" + CLIENTS.incrementAndGet()));
    this.describeCache = new DescribeCache(config);
  }

  static FusionClient open(FusionClientConfig config) {
    return new DefaultFusionClient(config, new HttpTransport(config));
  }

  @Override
  public FusionClientConfig config() {
    return config;
  }

  /** The transport, for pool statistics in tests and diagnostics. */
  HttpTransport transport() {
    return transport;
  }

  @Override
  public List<String> resourceNames(String contextRoot) {
    List<String> cached = names.get(contextRoot);
    if (cached != null) {
      return cached;
    }
    // fetched outside any map lock; two racing callers may both fetch, and either answer is right
    List<String> fresh = DescribeParser.resourceNames(
        getJson(root(contextRoot) + "/describe", List.of(new Param("metadataMode", "list"))));
    List<String> raced = names.putIfAbsent(contextRoot, fresh);
    return raced != null ? raced : fresh;
  }

  @Override
  public ResourceDescription describe(String contextRoot, String resource) {
    return describeCache.get(contextRoot, resource,
        () -> getJson(root(contextRoot) + "/" + UrlEncoding.encode(resource) + "/describe", List.of()));
  }

  @Override
  public RowStream scan(QuerySpec spec) {
    spec.filter().ifPresent(f -> f.render(config.dialect())); // an inexpressible filter fails here, not mid-scan
    ResourceDescription d = target(spec.resource());
    ScanPlan plan = ScanPlan.of(spec, d, config.dialect());
    String path = path(spec.resource());
    return SlicedRowStream.of(transport, path, plan, d.singleQueryableKey(), background)
        .orElseGet(() -> new PagedRowStream(transport, path, plan, background));
  }

  @Override
  public RowStream scanChildren(QuerySpec parentSpec, String child, List<String> childFields) {
    if (parentSpec.resource().isChild()) {
      throw new IllegalArgumentException("scanChildren needs a top-level parent resource: " + parentSpec.resource());
    }
    ResourceDescription parent = target(parentSpec.resource());
    target(parentSpec.resource().child("0", child)); // fails early with NOT_FOUND for an unknown child
    ScanPlan plan = ScanPlan.of(parentSpec, parent, config.dialect());
    return ChildRowStream.open(transport, path(parentSpec.resource()), plan, child, childFields, background,
        id -> scan(QuerySpec.builder(parentSpec.resource().child(id, child)).fields(childFields).build()));
  }

  @Override
  public long count(QuerySpec spec) {
    ResourceDescription d = target(spec.resource());
    String field = Requests.countField(d, spec);
    List<Param> params = Requests.count(spec, field, config.dialect());
    Page page = transport.get(path(spec.resource()), params, new PageParser(List.of(field)), new Cancellation());
    if (page.totalResults() == null) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion did not return totalResults for "
          + spec.resource() + "; set countPushdown=false to count rows by scanning");
    }
    return page.totalResults();
  }

  /** The description of the collection a path names (a child's own description for child paths). */
  private ResourceDescription target(ResourcePath path) {
    ResourceDescription top = describe(path.contextRoot(), path.resource());
    if (!path.isChild()) {
      return top;
    }
    ChildDescription c = top.children().get(path.child());
    if (c == null) {
      throw FusionException.builder(FusionException.Kind.NOT_FOUND, "resource " + path.resource()
          + " has no child collection " + path.child() + "; children are " + top.children().keySet()).build();
    }
    return c.resource();
  }

  private String root(String contextRoot) {
    return "/" + UrlEncoding.encode(contextRoot) + "/resources/" + UrlEncoding.encode(config.restVersion());
  }

  private String path(ResourcePath p) {
    return Requests.path(config.restVersion(), p);
  }

  @Override
  public String describeRequest(QuerySpec spec, boolean count, String pendingFilter) {
    ResourceDescription d = target(spec.resource());
    List<Param> params = count ? Requests.count(spec, Requests.countField(d, spec), config.dialect())
        : Requests.firstPage(ScanPlan.of(spec, d, config.dialect()), config.firstPageSize(), config.pageSize());
    return Requests.line(path(spec.resource()), params, pendingFilter);
  }

  private JsonNode getJson(String path, List<Param> params) {
    BodyReader<JsonNode> reader = PageParser::readTree;
    JsonNode node = transport.get(path, params, reader, new Cancellation());
    if (node == null || !node.isObject()) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "expected a JSON object from " + path);
    }
    return node;
  }

  @Override
  public synchronized org.fusionjdbc.client.bip.BipClient bip() {
    if (bip == null) {
      bip = org.fusionjdbc.client.bip.BipClient.over(transport, config.bipSettings());
    }
    return bip;
  }

  @Override
  public void close() {
    background.shutdownNow();
    transport.close();
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
