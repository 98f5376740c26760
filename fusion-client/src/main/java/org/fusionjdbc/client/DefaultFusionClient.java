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
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.DescribeParser;
import org.fusionjdbc.client.describe.ResourceCatalog;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.http.BodyReader;
import org.fusionjdbc.client.http.HttpTransport;
import org.fusionjdbc.client.http.UrlEncoding;
import org.fusionjdbc.client.http.UrlEncoding.Param;
import org.fusionjdbc.client.query.ChildRowStream;
import org.fusionjdbc.client.query.Hrefs;
import org.fusionjdbc.client.query.KeyedChildStream;
import org.fusionjdbc.client.query.Page;
import org.fusionjdbc.client.query.PageParser;
import org.fusionjdbc.client.query.PagedRowStream;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.Requests;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
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
  private final Map<String, ResourceCatalog> catalogs = new ConcurrentHashMap<>();

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
    return catalog(contextRoot).names();
  }

  /**
   * The catalog, asked as {@code metadataMode=list} and, when that answer is rejected or has no shape the driver
   * knows, as {@code metadataMode=minimal} (a catalog-wide describe without a mode is never sent: it is huge and
   * newer pods refuse it). The outcome is kept per client; a list that was read also goes to the disk cache.
   */
  @Override
  public ResourceCatalog catalog(String contextRoot) {
    ResourceCatalog cached = catalogs.get(contextRoot);
    if (cached != null) {
      return cached;
    }
    ResourceCatalog fresh;
    try {
      JsonNode names = describeCache.catalog(contextRoot, () -> namesJson(fetchCatalog(contextRoot)));
      List<String> list = new java.util.ArrayList<>();
      names.path("names").forEach(n -> list.add(n.asText()));
      fresh = ResourceCatalog.read(list);
    } catch (UnreadableCatalog e) {
      fresh = e.catalog;
    } catch (FusionException e) {
      fresh = CatalogFailures.classify(contextRoot, e); // a transient failure is rethrown and not kept
    }
    // fetched outside any map lock; two racing callers may both fetch, and either answer is right
    ResourceCatalog raced = catalogs.putIfAbsent(contextRoot, fresh);
    return raced != null ? raced : fresh;
  }

  private List<String> fetchCatalog(String contextRoot) {
    List<String> problems = new java.util.ArrayList<>();
    for (String mode : List.of("list", "minimal")) {
      try {
        JsonNode doc = getJson(root(contextRoot) + "/describe", List.of(new Param("metadataMode", mode)));
        java.util.Optional<List<String>> names = DescribeParser.catalogNames(doc);
        if (names.isPresent()) {
          return names.get();
        }
        problems.add("metadataMode=" + mode + ": no Resources, items or collection links in the answer");
      } catch (FusionException e) {
        if (!CatalogFailures.answerUnreadable(e)) {
          throw e; // classified by the caller: 401/403/404, transient failures and a proxy's 407
        }
        problems.add("metadataMode=" + mode + ": " + e.getMessage());
      }
    }
    throw new UnreadableCatalog(CatalogFailures.unreadable(contextRoot, String.join("; ", problems)));
  }

  private static JsonNode namesJson(List<String> names) {
    com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode();
    com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("names");
    names.forEach(a::add);
    return o;
  }

  /** A catalog read in neither mode; carries its classification past the disk cache, which stores nothing. */
  private static final class UnreadableCatalog extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ResourceCatalog catalog;

    UnreadableCatalog(ResourceCatalog catalog) {
      super(catalog.problem().orElse("unreadable catalog"), null, false, false);
      this.catalog = catalog;
    }
  }

  @Override
  public TokenInfo token() {
    org.fusionjdbc.client.auth.TokenSource source = transport.tokenSource();
    String header = source.authorizationHeader();
    String scheme = header.substring(0, Math.max(0, header.indexOf(' ')));
    return new TokenInfo(scheme, source.renewable(), source.expiresAt(), source.renewAt());
  }

  @Override
  public RestVersions restVersions(String contextRoot) {
    return RestVersions.parse(getJson("/" + UrlEncoding.encode(contextRoot) + "/resources/", List.of()));
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
    ResourcePath r = spec.resource();
    if (r.isChild()) {
      // one parent's children: found through the pod's links, never at a URL built from the key
      ResourceDescription parent = describe(r.contextRoot(), r.resource());
      String key = parentKeyAttribute(parent, r);
      return new KeyedChildStream(transport, path(ResourcePath.of(r.contextRoot(), r.resource())), key,
          parentKeyTerm(parent, key, r.parentId()), r.child(), plan, background);
    }
    String path = path(r);
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
    ScanPlan childPlan = ScanPlan.of(QuerySpec.builder(parentSpec.resource().child("0", child)).fields(childFields)
        .build(), target(parentSpec.resource().child("0", child)), config.dialect());
    return ChildRowStream.open(transport, path(parentSpec.resource()), plan, child, childFields, background,
        href -> new PagedRowStream(transport, Hrefs.pathOf(href, config.baseUrl()), childPlan, background));
  }

  /** The parent's single key attribute, which a child path's parent key value names. */
  private static String parentKeyAttribute(ResourceDescription parent, ResourcePath r) {
    if (parent.keyAttributes().size() != 1) {
      throw new IllegalArgumentException("a child path needs a parent with a single key attribute; "
          + r.resource() + " has " + parent.keyAttributes());
    }
    return parent.keyAttributes().get(0);
  }

  /** {@code key = value} in q, the value read as the key attribute's type. */
  private QExpr parentKeyTerm(ResourceDescription parent, String key, String value) {
    AttributeDescription a = parent.attribute(key).orElseThrow(() -> FusionException.of(
        FusionException.Kind.PROTOCOL, "describe of " + parent.name() + " names key " + key + " but no such attribute"));
    QValue v;
    switch (a.type()) {
      case INTEGER, NUMBER -> {
        try {
          v = QValue.of(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("the key " + key + " of " + parent.name() + " is a number, not '"
              + value + "'");
        }
      }
      default -> v = QValue.of(value);
    }
    QExpr term = QExpr.compare(key, QExpr.Op.EQ, v);
    term.render(config.dialect()); // a key q cannot carry fails here, not mid-scan
    return term;
  }

  @Override
  public long count(QuerySpec spec) {
    ResourceDescription d = target(spec.resource());
    String field = Requests.countField(d, spec);
    if (spec.resource().isChild()) {
      try (RowStream s = scan(spec.toBuilder().fields(List.of(field)).offset(0).noLimit().build())) {
        return ((KeyedChildStream) s).count();
      }
    }
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
    if (spec.resource().isChild()) { // the parent lookup, then the child collection at the link it returns
      try (KeyedChildStream s = (KeyedChildStream) scan(spec.toBuilder().offset(0).noLimit().build())) {
        return s.describe(params, pendingFilter);
      }
    }
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
