package org.fusionjdbc.calcite;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.ScanProgress;
import org.fusionjdbc.client.query.SortKey;

/**
 * Test fixture: a FusionClient over in-memory rows that evaluates a QuerySpec the way the contract says
 * Fusion does (comparisons false on null, Oracle null ordering: last ascending, first descending), and
 * rejects q the dialect cannot say. Not a replacement for the emulator; it is the planner tests' oracle.
 */
final class InMemoryFusionClient implements FusionClient {

  /** One resource: its describe and rows (attribute name to JSON scalar; child rows under the child name). */
  record Resource(ResourceDescription description, List<Map<String, Object>> rows) {
  }

  /** One call as the fixture saw it. */
  record Call(String kind, QuerySpec spec, long rowsReturned) {
  }

  private final Map<String, Map<String, Resource>> roots;
  private final FusionClientConfig config;
  final List<Call> journal = new CopyOnWriteArrayList<>();
  int describeCalls;
  /** Every describe asked, as {@code contextRoot/resource}, in order. */
  final List<String> described = new CopyOnWriteArrayList<>();
  volatile ListStream lastStream;

  InMemoryFusionClient(Map<String, Map<String, Resource>> roots, QDialect dialect) {
    this.roots = roots;
    this.config = FusionClientConfig.builder(URI.create("https://pod.test"), new AuthConfig.Bearer(Secret.of("t")))
        .dialect(dialect).build();
  }

  @Override
  public FusionClientConfig config() {
    return config;
  }

  /** When set, the catalog answers with this failure (a pod whose catalog is unreadable or forbidden). */
  volatile FusionException catalogFailure;
  int catalogCalls;

  @Override
  public List<String> resourceNames(String contextRoot) {
    catalogCalls++;
    if (catalogFailure != null) {
      throw catalogFailure;
    }
    return List.copyOf(roots.getOrDefault(contextRoot, Map.of()).keySet());
  }

  @Override
  public ResourceDescription describe(String contextRoot, String resource) {
    describeCalls++;
    described.add(contextRoot + "/" + resource);
    Resource r = resource(contextRoot, resource);
    return r.description();
  }

  private Resource resource(String contextRoot, String name) {
    Resource r = roots.getOrDefault(contextRoot, Map.of()).get(name);
    if (r == null) {
      throw FusionException.of(FusionException.Kind.NOT_FOUND, "no resource " + name);
    }
    return r;
  }

  @Override
  public RowStream scan(QuerySpec spec) {
    ResourceDescription d;
    List<Map<String, Object>> rows;
    Resource top = resource(spec.resource().contextRoot(), spec.resource().resource());
    if (spec.resource().isChild()) {
      ChildDescription c = top.description().children().get(spec.resource().child());
      d = c.resource();
      rows = new ArrayList<>();
      String key = top.description().keyAttributes().get(0);
      for (Map<String, Object> p : top.rows()) {
        if (String.valueOf(p.get(key)).equals(spec.resource().parentId())) {
          rows.addAll(childRows(p, c.name()));
        }
      }
    } else {
      d = top.description();
      rows = top.rows();
    }
    List<Object[]> out = select(d, rows, spec);
    journal.add(new Call("scan", spec, out.size()));
    lastStream = new ListStream(spec.fields(), out);
    return lastStream;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> childRows(Map<String, Object> parent, String child) {
    return (List<Map<String, Object>>) parent.getOrDefault(child, List.of());
  }

  @Override
  public RowStream scanChildren(QuerySpec parentSpec, String child, List<String> childFields) {
    Resource top = resource(parentSpec.resource().contextRoot(), parentSpec.resource().resource());
    ChildDescription c = top.description().children().get(child);
    List<Object[]> out = new ArrayList<>();
    List<Map<String, Object>> parents = filtered(top.description(), top.rows(), parentSpec);
    for (Map<String, Object> p : parents) {
      for (Map<String, Object> cr : childRows(p, child)) {
        Object[] row = new Object[parentSpec.fields().size() + childFields.size()];
        int i = 0;
        for (String f : parentSpec.fields()) {
          row[i++] = p.get(f);
        }
        for (String f : childFields) {
          row[i++] = cr.get(f);
        }
        out.add(row);
      }
    }
    journal.add(new Call("scanChildren:" + c.name(), parentSpec, out.size()));
    List<String> fields = new ArrayList<>(parentSpec.fields());
    fields.addAll(childFields);
    return new ListStream(fields, out);
  }

  @Override
  public long count(QuerySpec spec) {
    long n;
    try (RowStream all = scan(spec.toBuilder().offset(0).noLimit().build())) {
      journal.remove(journal.size() - 1);
      long c = 0;
      while (all.next()) {
        c++;
      }
      n = c;
    }
    journal.add(new Call("count", spec, 0));
    return n;
  }

  @Override
  public void close() {
  }

  private List<Object[]> select(ResourceDescription d, List<Map<String, Object>> rows, QuerySpec spec) {
    for (String f : spec.fields()) {
      if (d.attribute(f).isEmpty()) {
        throw FusionException.of(FusionException.Kind.BAD_REQUEST, "unknown field " + f);
      }
    }
    List<Map<String, Object>> sel = new ArrayList<>(filtered(d, rows, spec));
    Comparator<Map<String, Object>> cmp = null;
    for (SortKey k : spec.orderBy()) {
      AttributeDescription a = attr(d, k.attribute());
      Comparator<Map<String, Object>> c = (x, y) -> {
        Object vx = x.get(a.name());
        Object vy = y.get(a.name());
        if (vx == null || vy == null) {
          int n = vx == null ? (vy == null ? 0 : 1) : -1; // nulls "high": last asc, first desc
          return k.descending() ? -n : n;
        }
        int r = compare(a.type(), vx, vy);
        return k.descending() ? -r : r;
      };
      cmp = cmp == null ? c : cmp.thenComparing(c);
    }
    if (cmp != null) {
      sel.sort(cmp);
    }
    long from = Math.min(spec.offset(), sel.size());
    long to = spec.limit().isPresent() ? Math.min(sel.size(), from + spec.limit().getAsLong()) : sel.size();
    List<Object[]> out = new ArrayList<>();
    for (Map<String, Object> r : sel.subList((int) from, (int) to)) {
      Object[] row = new Object[spec.fields().size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = r.get(spec.fields().get(i));
      }
      out.add(row);
    }
    return out;
  }

  private List<Map<String, Object>> filtered(ResourceDescription d, List<Map<String, Object>> rows, QuerySpec spec) {
    if (spec.filter().isEmpty()) {
      return rows;
    }
    QExpr q = spec.filter().get();
    try {
      q.render(config.dialect());
    } catch (QExpr.UnrenderableException e) {
      throw FusionException.of(FusionException.Kind.BAD_REQUEST, "q not allowed: " + e.getMessage());
    }
    Predicate<Map<String, Object>> p = predicate(d, q);
    return rows.stream().filter(p).toList();
  }

  private Predicate<Map<String, Object>> predicate(ResourceDescription d, QExpr q) {
    if (q instanceof QExpr.And and) {
      List<Predicate<Map<String, Object>>> ps = and.terms().stream().map(t -> predicate(d, t)).toList();
      return r -> ps.stream().allMatch(x -> x.test(r));
    } else if (q instanceof QExpr.Or or) {
      List<Predicate<Map<String, Object>>> ps = or.terms().stream().map(t -> predicate(d, t)).toList();
      return r -> ps.stream().anyMatch(x -> x.test(r));
    } else if (q instanceof QExpr.Compare c) {
      AttributeDescription a = queryable(d, c.attribute());
      Object lit = literal(c.value());
      return r -> {
        Object v = r.get(a.name());
        if (v == null) {
          return false;
        }
        int x = compare(a.type(), v, lit);
        return switch (c.op()) {
          case EQ -> x == 0;
          case NE -> x != 0;
          case LT -> x < 0;
          case GT -> x > 0;
          case LE -> x <= 0;
          case GE -> x >= 0;
        };
      };
    } else if (q instanceof QExpr.Like l) {
      AttributeDescription a = queryable(d, l.attribute());
      String re = java.util.Arrays.stream(l.pattern().split("%", -1)).map(Pattern::quote)
          .collect(java.util.stream.Collectors.joining(".*"));
      Pattern pat = Pattern.compile(re, Pattern.DOTALL);
      return r -> r.get(a.name()) instanceof String s && pat.matcher(s).matches();
    } else if (q instanceof QExpr.IsNull n) {
      AttributeDescription a = queryable(d, n.attribute());
      return r -> (r.get(a.name()) == null) != n.negated();
    }
    throw FusionException.of(FusionException.Kind.BAD_REQUEST, "fixture does not evaluate " + q);
  }

  private static AttributeDescription queryable(ResourceDescription d, String name) {
    AttributeDescription a = attr(d, name);
    if (!a.queryable()) {
      throw FusionException.of(FusionException.Kind.BAD_REQUEST, name + " is not queryable");
    }
    return a;
  }

  private static AttributeDescription attr(ResourceDescription d, String name) {
    return d.attribute(name).orElseThrow(
        () -> FusionException.of(FusionException.Kind.BAD_REQUEST, "unknown attribute " + name));
  }

  private static Object literal(QValue v) {
    if (v instanceof QValue.Str s) {
      return s.value();
    } else if (v instanceof QValue.Num n) {
      return n.value();
    } else if (v instanceof QValue.Date dt) {
      return dt.value().toString();
    } else if (v instanceof QValue.DateTime t) {
      return t.value().toString();
    }
    throw FusionException.of(FusionException.Kind.BAD_REQUEST, "unsupported literal " + v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(AttributeType type, Object a, Object b) {
    return switch (type) {
      case INTEGER, NUMBER -> new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
      case DATE -> LocalDate.parse(a.toString()).compareTo(LocalDate.parse(b.toString()));
      case DATETIME -> OffsetDateTime.parse(a.toString()).toInstant()
          .compareTo(OffsetDateTime.parse(b.toString()).withOffsetSameInstant(ZoneOffset.UTC).toInstant());
      default -> ((Comparable) a.toString()).compareTo(b.toString());
    };
  }

  /** A RowStream over a list; counts what it hands out. */
  static final class ListStream implements RowStream {
    private final List<String> fields;
    private final List<Object[]> rows;
    private int at = -1;
    volatile boolean cancelled;
    boolean closed;

    ListStream(List<String> fields, List<Object[]> rows) {
      this.fields = List.copyOf(fields);
      this.rows = Collections.unmodifiableList(rows);
    }

    @Override
    public List<String> fields() {
      return fields;
    }

    @Override
    public boolean next() {
      if (cancelled) {
        throw FusionException.of(FusionException.Kind.CANCELLED, "cancelled");
      }
      return ++at < rows.size();
    }

    @Override
    public Object[] row() {
      return rows.get(at);
    }

    @Override
    public ScanProgress progress() {
      return new ScanProgress(1, 1, rows.size(), Math.max(0, at), java.time.Duration.ZERO);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
