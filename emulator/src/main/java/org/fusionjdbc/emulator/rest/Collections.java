package org.fusionjdbc.emulator.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fusionjdbc.emulator.data.Finder;
import org.fusionjdbc.emulator.data.ItemIds;
import org.fusionjdbc.emulator.data.ResourceDef;
import org.fusionjdbc.emulator.data.Table;
import org.fusionjdbc.emulator.query.Evaluator;
import org.fusionjdbc.emulator.query.Expr;
import org.fusionjdbc.emulator.query.OrderBy;
import org.fusionjdbc.emulator.query.QbeParser;
import org.fusionjdbc.emulator.query.QueryEngine;
import org.fusionjdbc.emulator.query.QueryException;
import org.fusionjdbc.emulator.query.RowMatchParser;

/** Collection and child-collection GETs: parameters → filter, order, page → streamed JSON. */
final class Collections {
  static final String COLLECTION_TYPE = "application/vnd.oracle.adf.resourcecollection+json";

  private final RestOptions options;
  private final QueryEngine engine;

  Collections(RestOptions options, QueryEngine engine) {
    this.options = options;
    this.engine = engine;
  }

  void topLevel(Call call, Ctx ctx, Table t) throws IOException {
    ResourceDef def = t.def();
    Map<String, String> p = call.params;
    Expr filter = filter(def, p, call.framework);
    OrderBy ob = OrderBy.parse(p.get("orderBy"), def);
    int limit = limit(p);
    int offset = offset(p);
    boolean total = "true".equalsIgnoreCase(p.get("totalResults"));
    Projection proj = Projection.parse(def, p.get("fields"), p.get("expand"));
    String filterKey = call.framework + (options.permissive() ? "p" : "s") + '|' + p.get("q") + '|' + p.get("finder");
    QueryEngine.Result r = engine.run(t, new QueryEngine.Request(filter, filterKey, ob, offset, limit, total));
    String href = ctx.apiBase() + "/" + def.name();
    // A row deleted since the engine selected it is left out: writing it would fail half-way through the body.
    List<Object[]> rows = new ArrayList<>(r.indexes().length);
    List<Integer> indexes = new ArrayList<>(r.indexes().length);
    for (int idx : r.indexes()) {
      Object[] row = t.row(idx);
      if (row != null) {
        rows.add(row);
        indexes.add(idx);
      }
    }
    call.rows = rows.size();
    call.rowsExamined = r.rowsExamined();
    long reported = r.totalResults() < 0 ? -1
        : jitter(r.totalResults() + (call.plan == null ? 0 : call.plan.totalResultsBias()), offset + rows.size(),
            call.seq);
    call.pageDelay(rows.size(), offset);
    call.json(200, COLLECTION_TYPE, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("items");
      for (int k = 0; k < rows.size(); k++) {
        Object[] row = rows.get(k);
        int idx = indexes.get(k);
        ItemWriter.item(g, ctx, def, row, proj, href + "/" + ItemIds.idOf(def, row, options.hashItemIds()),
            c -> t.children(c, idx, row));
      }
      g.writeEndArray();
      tail(g, ctx, reported, rows.size(), r.hasMore(), limit, offset, href, def.name());
    });
  }

  /** A child collection: the (few) child rows are filtered and sorted in memory. */
  void child(Call call, Ctx ctx, ResourceDef cdef, List<Object[]> all, String href, String name) throws IOException {
    Map<String, String> p = call.params;
    Expr filter = filter(cdef, p, call.framework);
    OrderBy ob = OrderBy.parse(p.get("orderBy"), cdef);
    int limit = limit(p);
    int offset = offset(p);
    Projection proj = Projection.parse(cdef, p.get("fields"), p.get("expand"));
    List<Object[]> matched = new ArrayList<>();
    for (Object[] r : all) {
      if (filter == null || Evaluator.matches(filter, r, c -> List.of())) {
        matched.add(r);
      }
    }
    if (!ob.isEmpty()) {
      matched.sort(ob.rowComparator());
    }
    int from = Math.min(offset, matched.size());
    int to = (int) Math.min(matched.size(), (long) from + limit);
    List<Object[]> page = matched.subList(from, to);
    call.rows = page.size();
    call.rowsExamined = all.size();
    boolean total = "true".equalsIgnoreCase(p.get("totalResults"));
    long reported = total ? jitter(matched.size(), to, call.seq) : -1;
    call.json(200, COLLECTION_TYPE, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("items");
      for (Object[] row : page) {
        ItemWriter.item(g, ctx, cdef, row, proj, href + "/" + ItemIds.idOf(cdef, row), c -> List.of());
      }
      g.writeEndArray();
      tail(g, ctx, reported, page.size(), to < matched.size(), limit, offset, href, name);
    });
  }

  private static void tail(com.fasterxml.jackson.core.JsonGenerator g, Ctx ctx, long total, int count,
      boolean hasMore, int limit, int offset, String href, String name) throws IOException {
    if (total >= 0) {
      g.writeNumberField("totalResults", total);
    }
    g.writeNumberField("count", count);
    g.writeBooleanField("hasMore", hasMore);
    g.writeNumberField("limit", limit);
    g.writeNumberField("offset", offset);
    ItemWriter.collectionLinks(g, ctx, href, name); // onlyData drops the items' links, never the collection's
    g.writeEndObject();
  }

  /** Exact count, or with the jitter option an "estimate" that still never drops below offset+count. */
  private long jitter(long exact, long floor, long seq) {
    double j = options.totalResultsJitter();
    if (j == 0) {
      return Math.max(floor, exact);
    }
    double f = (new Random(options.seed() ^ seq).nextDouble() * 2 - 1) * j;
    return Math.max(floor, Math.round(exact * (1 + f)));
  }

  /** q (dialect by framework version) ANDed with the finder, or null. */
  Expr filter(ResourceDef def, Map<String, String> p, int framework) {
    List<Expr> parts = new ArrayList<>();
    String q = p.get("q");
    if (q != null && !q.isBlank()) {
      parts.add(framework >= 2 ? RowMatchParser.parse(q, def, options.permissive()) : QbeParser.parse(q, def));
    }
    String finder = p.get("finder");
    if (finder != null && !finder.isBlank()) {
      parts.add(finder(def, finder));
    }
    return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
  }

  /** {@code finder=Name;Var=value,Var2=value}: equality on each given variable (values unquoted). */
  private static Expr finder(ResourceDef def, String text) {
    int semi = text.indexOf(';');
    String name = (semi < 0 ? text : text.substring(0, semi)).strip();
    Finder f = def.finder(name);
    if (f == null) {
      throw QueryException.badRequest(QueryException.PARAMETER, "Finder " + name + " is not found in resource "
          + def.name() + "; finders: " + def.finders().stream().map(Finder::name).toList() + ".");
    }
    if (semi < 0 || text.substring(semi + 1).isBlank()) {
      throw QueryException.badRequest(QueryException.PARAMETER, "Finder " + name + " needs variables: "
          + f.attributes() + " as " + name + ";Var=value,...");
    }
    StringBuilder qbe = new StringBuilder();
    Set<String> vars = Set.copyOf(f.attributes());
    for (String binding : text.substring(semi + 1).split(",")) {
      int eq = binding.indexOf('=');
      String var = eq < 0 ? binding.strip() : binding.substring(0, eq).strip();
      if (eq < 0 || !vars.contains(var)) {
        throw QueryException.badRequest(QueryException.PARAMETER, "Finder " + name + " has no variable '" + var
            + "'; variables: " + f.attributes() + ".");
      }
      qbe.append(qbe.length() == 0 ? "" : ";").append(var).append('=').append(binding.substring(eq + 1).strip());
    }
    return QbeParser.parse(qbe.toString(), def);
  }

  private int limit(Map<String, String> p) {
    int v = nonNegative(p, "limit", options.defaultLimit());
    return Math.min(v, options.maxLimit());
  }

  private static int offset(Map<String, String> p) {
    return nonNegative(p, "offset", 0);
  }

  private static int nonNegative(Map<String, String> p, String name, int dflt) {
    String s = p.get(name);
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      long v = Long.parseLong(s.strip());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return (int) Math.min(v, Integer.MAX_VALUE - 2);
    } catch (NumberFormatException e) {
      throw QueryException.badRequest(QueryException.PARAMETER,
          "Invalid value '" + s + "' for the " + name + " parameter; use a non-negative integer.");
    }
  }

  static Set<String> linkRels(String links) {
    return links == null || links.isBlank() ? null : Set.copyOf(Arrays.asList(links.split("\\s*,\\s*")));
  }
}
