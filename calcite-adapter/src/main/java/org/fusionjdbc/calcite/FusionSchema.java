package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.ResourceCatalog;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.error.FusionException;

/**
 * One REST family (context root) as a schema. Discovery degrades, it never strands a user
 * (docs/fusion-rest-contract.md, "Discovery"):
 *
 * <ul>
 *   <li>Top-level tables are the names in the {@code resources} property, described directly (no catalog needed),
 *       or else the catalog's list. A catalog that is unreadable or not available to the user (401, 403, 404) lists
 *       nothing and leaves a warning ({@link #warnings()}).</li>
 *   <li>A name no list holds is described directly ({@code <resource>/describe}) before it is "not found".</li>
 *   <li>Child tables ({@code <parent>_<child>}) are listed from their parents' describes, which the client caches
 *       (in memory, and on disk with {@code metadataCacheDir}), so every connection gives the same answer whatever
 *       ran before on it.</li>
 * </ul>
 */
public final class FusionSchema extends AbstractSchema {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.calcite");

  /** The driver's schema names (and Calcite's internal one): never looked up as resources. */
  private static final Set<String> SCHEMA_NAMES = Set.of("FSCM", "HCM", "CRM", "FUSION_DB", "BIP", "METADATA");

  private final FusionClient client;
  private final String contextRoot;
  private final AdapterOptions options;
  /** Tables by their exact SQL name, top-level and child. */
  private final Map<String, FusionTable> tables = new ConcurrentHashMap<>();
  /** Names a direct describe answered 404 for, so validation's repeated lookups ask once. */
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final Map<String, String> warnings = new LinkedHashMap<>();
  private volatile List<String> listed;

  FusionSchema(FusionClient client, String contextRoot, AdapterOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.contextRoot = Objects.requireNonNull(contextRoot, "contextRoot");
    this.options = Objects.requireNonNull(options, "options");
  }

  public String contextRoot() {
    return contextRoot;
  }

  /**
   * Top-level resource names (for DatabaseMetaData.getTables): the {@code resources} property's names this family
   * has (each described directly), else the catalog's list. Computed once per schema.
   */
  public List<String> resourceNames() {
    List<String> l = listed;
    if (l == null) {
      l = options.resources().isPresent() ? namedResources() : catalogResources();
      listed = l;
    }
    return l;
  }

  private List<String> namedResources() {
    List<String> out = new ArrayList<>();
    for (String r : new TreeSet<>(options.resources().get())) {
      if (describeIfExists(r) != null) { // 404: the name belongs to another family
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  private List<String> catalogResources() {
    ResourceCatalog catalog = client.catalog(contextRoot);
    catalog.problem().ifPresent(p -> warn("catalog", p));
    return catalog.names();
  }

  /** Every table name: resources and their child tables (see the class comment). */
  public Set<String> tableNames() {
    return tableNames(LikePattern.any());
  }

  /**
   * Table names matching {@code pattern}. A parent is described for its children only when a child table's name
   * ({@code <parent>_...}) could match the pattern's literal prefix, so a pattern naming one table describes one
   * parent, not the whole family.
   */
  public Set<String> tableNames(LikePattern pattern) {
    Predicate1<String> matcher = pattern.matcher();
    String prefix = literalPrefix(pattern.pattern).toLowerCase(Locale.ROOT);
    Set<String> out = new LinkedHashSet<>();
    for (String r : resourceNames()) {
      if (matcher.apply(r)) {
        out.add(r);
      }
      String childPrefix = (r + "_").toLowerCase(Locale.ROOT);
      if (!(prefix.startsWith(childPrefix) || childPrefix.startsWith(prefix))) {
        continue;
      }
      ResourceDescription d = describeForListing(r);
      if (d != null) {
        for (String c : d.children().keySet()) {
          if (matcher.apply(r + "_" + c)) {
            out.add(r + "_" + c);
          }
        }
      }
    }
    return out;
  }

  /**
   * Why this schema may show fewer tables than the pod has (a catalog that could not be read or is not available,
   * a parent whose describe failed), as sentences for SQLWarnings; empty when nothing went wrong. Never causes a
   * request: it reports what this schema's earlier calls found.
   */
  public List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings.values());
    }
  }

  private void warn(String key, String text) {
    boolean added;
    synchronized (warnings) {
      added = warnings.putIfAbsent(key, text) == null;
    }
    if (added) {
      LOG.warning(text);
    }
  }

  @Override
  public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override
      public Table get(String name) {
        return find(name, false);
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        FusionTable t = find(name, true);
        return t == null ? null : new Named<>(t.tableName(), t);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        return tableNames(pattern);
      }
    };
  }

  /** The table a SQL name denotes, or null; see the class comment for the order of the steps. */
  FusionTable find(String name, boolean ignoreCase) {
    FusionTable known = tables.get(name);
    if (known != null) {
      return known;
    }
    if (ignoreCase) {
      for (Map.Entry<String, FusionTable> e : tables.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
    }
    // A name already listed is a table without a describe: getTables over a whole family must stay cheap.
    List<String> l = listed;
    String r = l == null ? null : match(l, name, ignoreCase);
    if (r != null) {
      return topLevel(r);
    }
    if (SCHEMA_NAMES.contains(name.toUpperCase(Locale.ROOT))) {
      // Calcite probes the default schema for the first part of a qualified name (FSCM.hcm for hcm.workers):
      // a schema's name is never a resource, so that probe must not cost a describe and a catalog request
      return null;
    }
    FusionTable direct = resolve(name, ignoreCase);
    if (direct != null || !ignoreCase) {
      return direct;
    }
    // Spelled differently from Fusion: the list (catalog or resources) knows the spelling.
    List<String> names = resourceNames();
    r = match(names, name, true);
    if (r != null) {
      return topLevel(r);
    }
    for (int i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
      String parent = match(names, name.substring(0, i), true);
      if (parent != null) {
        FusionTable child = resolve(parent + name.substring(i), true);
        if (child != null) {
          return child;
        }
      }
    }
    return null;
  }

  /**
   * Asks Fusion directly: {@code name} as {@code <parent>_<child>} (the parent name may itself contain '_'), else as
   * a resource. {@code ignoreCase} applies to the child's name; Fusion's own names are asked as spelled.
   */
  private FusionTable resolve(String name, boolean ignoreCase) {
    for (int i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
      String parent = name.substring(0, i);
      ResourceDescription d = describeIfExists(parent);
      if (d == null) {
        continue;
      }
      String wanted = name.substring(i + 1);
      for (ChildDescription c : d.children().values()) {
        if (ignoreCase ? c.name().equalsIgnoreCase(wanted) : c.name().equals(wanted)) {
          return tables.computeIfAbsent(parent + "_" + c.name(),
              k -> new FusionTable(client, contextRoot, parent, c.name(), options));
        }
      }
    }
    return describeIfExists(name) != null ? topLevel(name) : null;
  }

  private FusionTable topLevel(String resource) {
    return tables.computeIfAbsent(resource, r -> new FusionTable(client, contextRoot, r, null, options));
  }

  /** The describe of {@code resource}, or null when Fusion has no such resource here (or it is not exposed). */
  private ResourceDescription describeIfExists(String resource) {
    if (missing.contains(resource) || !options.resources().map(s -> s.contains(resource)).orElse(true)) {
      return null;
    }
    try {
      return client.describe(contextRoot, resource);
    } catch (FusionException e) {
      if (e.kind() == FusionException.Kind.NOT_FOUND) {
        missing.add(resource);
        return null;
      }
      throw e;
    }
  }

  /** A parent's describe for listing its children; one that fails for this user lists no children and warns. */
  private ResourceDescription describeForListing(String resource) {
    try {
      return client.describe(contextRoot, resource);
    } catch (FusionException e) {
      switch (e.kind()) {
        case NOT_FOUND, AUTHORIZATION, AUTHENTICATION, PROTOCOL, BAD_REQUEST -> {
          warn("describe:" + resource, "the describe of " + contextRoot + " resource " + resource + " failed ("
              + firstLine(e.getMessage()) + "); its child tables are not listed");
          return null;
        }
        default -> throw e;
      }
    }
  }

  private static String match(List<String> names, String wanted, boolean ignoreCase) {
    if (names.contains(wanted)) {
      return wanted;
    }
    if (ignoreCase) {
      for (String n : names) {
        if (n.equalsIgnoreCase(wanted)) {
          return n;
        }
      }
    }
    return null;
  }

  /** The characters of a LIKE pattern before its first wildcard ({@code %} or {@code _}; {@code \} escapes). */
  static String literalPrefix(String pattern) {
    if (pattern == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        sb.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        break;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
