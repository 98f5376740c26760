package org.fusionjdbc.calcite;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.ResourceDescription;

/**
 * One REST family (context root) as a schema. Table names come from the cheap resource list; a table is
 * described only when a query names it. Child tables ({@code <parent>_<child>}) appear in the name list
 * once their parent has been described, and are always found by name.
 */
public final class FusionSchema extends AbstractSchema {
  private final FusionClient client;
  private final String contextRoot;
  private final AdapterOptions options;
  private final Map<String, FusionTable> tables = new ConcurrentHashMap<>();

  FusionSchema(FusionClient client, String contextRoot, AdapterOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.contextRoot = Objects.requireNonNull(contextRoot, "contextRoot");
    this.options = Objects.requireNonNull(options, "options");
  }

  public String contextRoot() {
    return contextRoot;
  }

  /** Top-level resource names, without describing any of them (for DatabaseMetaData.getTables). */
  public List<String> resourceNames() {
    return client.resourceNames(contextRoot).stream()
        .filter(n -> options.resources().map(s -> s.contains(n)).orElse(true))
        .toList();
  }

  /** Table names known without a describe call: resources plus children of resources already described. */
  public Set<String> tableNames() {
    Set<String> names = new LinkedHashSet<>(resourceNames());
    for (FusionTable t : tables.values()) {
      if (t.parentLink().isEmpty() && t.isDescribed()) {
        t.description().children().keySet().forEach(c -> names.add(t.resourceName() + "_" + c));
      }
    }
    return names;
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
        Set<String> out = new LinkedHashSet<>();
        for (String n : tableNames()) {
          if (pattern.matcher().apply(n)) {
            out.add(n);
          }
        }
        return out;
      }
    };
  }

  private FusionTable find(String name, boolean ignoreCase) {
    List<String> resources = resourceNames();
    String resource = match(resources, name, ignoreCase);
    if (resource != null) {
      return tables.computeIfAbsent(resource, r -> new FusionTable(client, contextRoot, r, null, options));
    }
    // A child table: <parent>_<child>; the parent name may itself contain '_'.
    for (int i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
      String parent = match(resources, name.substring(0, i), ignoreCase);
      if (parent == null) {
        continue;
      }
      ResourceDescription d = parentTable(parent).description();
      String childWanted = name.substring(i + 1);
      for (ChildDescription c : d.children().values()) {
        if (ignoreCase ? c.name().equalsIgnoreCase(childWanted) : c.name().equals(childWanted)) {
          String tableName = parent + "_" + c.name();
          return tables.computeIfAbsent(tableName,
              k -> new FusionTable(client, contextRoot, parent, c.name(), options));
        }
      }
    }
    return null;
  }

  private FusionTable parentTable(String resource) {
    return tables.computeIfAbsent(resource, r -> new FusionTable(client, contextRoot, r, null, options));
  }

  private static String match(List<String> names, String wanted, boolean ignoreCase) {
    if (names.contains(wanted)) {
      return wanted;
    }
    if (ignoreCase) {
      String lower = wanted.toLowerCase(Locale.ROOT);
      for (String n : names) {
        if (n.toLowerCase(Locale.ROOT).equals(lower)) {
          return n;
        }
      }
    }
    return null;
  }
}
