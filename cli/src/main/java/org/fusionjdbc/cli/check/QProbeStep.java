package org.fusionjdbc.cli.check;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QExpr.Op;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.jdbc.FusionUrl;

/**
 * The q capability probe. For each construct the driver keeps off by default, one tiny query over a key range of
 * the sample resource is sent to the pod with that construct in {@code q}, and its rows are compared with the
 * driver's own evaluation of the same predicate in SQL over the same range (the driver's default translation:
 * the predicate evaluated in the driver, or rewritten into comparisons every pod answers). A construct counts as
 * exact only when the pod accepted it and gave the same rows; the report ends with {@code qExtensions=} and those.
 */
final class QProbeStep implements CheckStep {
  static final List<String> CONSTRUCTS = List.of("in", "between", "isNull", "not", "quoteDoubling", "starWildcard");
  private static final int SAMPLE = 20;

  @Override
  public String name() {
    return "q-probe";
  }

  @Override
  public StepResult run(CheckContext ctx) throws SQLException {
    ctx.qExtensions = new ArrayList<>();
    Optional<AttributeDescription> key = ctx.sample.singleQueryableKey()
        .filter(k -> k.type() == AttributeType.INTEGER || k.type() == AttributeType.NUMBER);
    if (key.isEmpty()) {
      return StepResult.skip(ctx.sample.name() + " has no single numeric queryable key to bound the sample; name "
          + "another resource first in resources to probe");
    }
    Sample s = Sample.read(ctx.connection().orElseThrow(), ctx.sampleSchema, ctx.sample, key.get(), SAMPLE);
    if (s.keys.size() < 8) {
      return StepResult.skip(ctx.sample.name() + " has only " + s.keys.size() + " rows; name a larger resource");
    }
    Map<String, String> outcome = new LinkedHashMap<>();
    try (FusionClient pod = FusionClient.open(FusionUrl.parse(ctx.url,
        ctx.properties("qExtensions", String.join(",", CONSTRUCTS), "validateOnConnect", "false")).toClientConfig())) {
      for (String construct : CONSTRUCTS) {
        Optional<Probe> probe = probe(construct, s);
        if (probe.isEmpty()) {
          outcome.put(construct, "no suitable column in the sample");
          continue;
        }
        List<String> driver = keys(ctx.connection().orElseThrow(), "select " + s.quotedKey + " from " + s.table
            + " where " + s.sqlRange() + " and (" + probe.get().sql + ") order by " + s.quotedKey);
        List<String> answered;
        try {
          answered = scan(pod, ctx.sampleContextRoot, s, QExpr.and(List.of(s.qRange(), probe.get().q)));
        } catch (FusionException e) {
          outcome.put(construct, "rejected (" + (e.httpStatus() > 0 ? "HTTP " + e.httpStatus() : e.kind()) + ")");
          continue;
        }
        if (answered.equals(driver)) {
          outcome.put(construct, "exact (" + answered.size() + " rows)");
          ctx.qExtensions.add(construct);
        } else {
          outcome.put(construct, "differs (pod " + answered.size() + " rows, driver " + driver.size() + ")");
        }
      }
    }
    StringBuilder detail = new StringBuilder("keys " + s.keys.get(0) + ".." + s.keys.get(s.keys.size() - 1) + " of "
        + ctx.sample.name() + ":");
    outcome.forEach((k, v) -> detail.append(' ').append(k).append(' ').append(v).append(','));
    return StepResult.ok(detail.substring(0, detail.length() - 1));
  }

  /** A predicate in SQL and the same predicate as q. */
  private record Probe(String sql, QExpr q) {
  }

  private static Optional<Probe> probe(String construct, Sample s) {
    String k = s.key.name();
    List<String> v = s.keys;
    return switch (construct) {
      case "in" -> Optional.of(new Probe(s.quotedKey + " in (" + v.get(0) + ", " + v.get(2) + ", " + v.get(5) + ")",
          new QExpr.In(k, List.of(num(v.get(0)), num(v.get(2)), num(v.get(5))))));
      case "between" -> Optional.of(new Probe(s.quotedKey + " between " + v.get(2) + " and " + v.get(6),
          new QExpr.Between(k, num(v.get(2)), num(v.get(6)))));
      case "isNull" -> s.nullable.map(n -> new Probe(quote(n) + " is null", new QExpr.IsNull(n, false)));
      case "not" -> s.text.map(t -> new Probe("not (" + quote(t.getKey()) + " like '" + t.getValue() + "%')",
          new QExpr.Not(QExpr.like(t.getKey(), t.getValue() + "%"))));
      case "quoteDoubling" -> s.text.map(t -> new Probe(quote(t.getKey()) + " = 'it''s' or " + s.quotedKey + " = "
          + v.get(1), QExpr.or(List.of(QExpr.compare(t.getKey(), Op.EQ, QValue.of("it's")),
          QExpr.compare(k, Op.EQ, num(v.get(1)))))));
      default -> s.text.map(t -> new Probe(quote(t.getKey()) + " like '%*%'", QExpr.like(t.getKey(), "%*%")));
    };
  }

  private static List<String> scan(FusionClient pod, String contextRoot, Sample s, QExpr filter) {
    List<String> out = new ArrayList<>();
    QuerySpec spec = QuerySpec.builder(ResourcePath.of(contextRoot, s.resource)).fields(List.of(s.key.name()))
        .filter(filter).orderBy(List.of(SortKey.asc(s.key.name()))).noLimit().build();
    try (RowStream rows = pod.scan(spec)) {
      while (rows.next()) {
        out.add(normal(String.valueOf(rows.row()[0])));
      }
    }
    return out;
  }

  private static List<String> keys(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(normal(rs.getString(1)));
      }
    }
    return out;
  }

  private static String normal(String number) {
    return new BigDecimal(number).stripTrailingZeros().toPlainString();
  }

  private static QValue num(String n) {
    return QValue.of(new BigDecimal(n));
  }

  static String quote(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }

  /** The first rows of the resource by key, and the columns the predicates use. */
  private static final class Sample {
    final String resource;
    final String table;
    final AttributeDescription key;
    final String quotedKey;
    final List<String> keys = new ArrayList<>();
    Optional<String> nullable = Optional.empty();
    Optional<Map.Entry<String, String>> text = Optional.empty();

    private Sample(String schema, String resource, AttributeDescription key) {
      this.resource = resource;
      this.table = schema + "." + quote(resource);
      this.key = key;
      this.quotedKey = quote(key.name());
    }

    String sqlRange() {
      return quotedKey + " >= " + keys.get(0) + " and " + quotedKey + " <= " + keys.get(keys.size() - 1);
    }

    QExpr qRange() {
      return QExpr.and(List.of(QExpr.compare(key.name(), Op.GE, num(keys.get(0))),
          QExpr.compare(key.name(), Op.LE, num(keys.get(keys.size() - 1)))));
    }

    static Sample read(Connection c, String schema, org.fusionjdbc.client.describe.ResourceDescription d,
        AttributeDescription key, int size) throws SQLException {
      Sample s = new Sample(schema, d.name(), key);
      List<AttributeDescription> candidates = d.attributes().stream()
          .filter(a -> a.queryable() && !a.name().equals(key.name())).toList();
      Map<String, int[]> nulls = new LinkedHashMap<>(); // column -> {nulls, values}
      Map<String, java.util.Set<String>> prefixes = new LinkedHashMap<>(); // column -> 2-character prefixes seen
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + s.table
          + " order by " + s.quotedKey + " limit " + size)) {
        while (rs.next()) {
          String k = rs.getString(key.name());
          if (k == null) {
            continue;
          }
          s.keys.add(normal(k));
          for (AttributeDescription a : candidates) {
            String v = rs.getString(a.name());
            nulls.computeIfAbsent(a.name(), x -> new int[2])[v == null ? 0 : 1]++;
            if (a.type() == AttributeType.STRING && v != null && v.length() >= 2
                && v.substring(0, 2).matches("[A-Za-z0-9 ]{2}")) {
              prefixes.computeIfAbsent(a.name(), x -> new java.util.LinkedHashSet<>()).add(v.substring(0, 2));
            }
          }
        }
      }
      s.nullable = nulls.entrySet().stream().filter(e -> e.getValue()[0] > 0 && e.getValue()[1] > 0)
          .map(Map.Entry::getKey).findFirst();
      // a column whose values start differently, so that NOT LIKE 'xy%' keeps some sample rows and drops others
      s.text = prefixes.entrySet().stream().sorted((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()))
          .findFirst().map(e -> Map.entry(e.getKey(), e.getValue().iterator().next()));
      return s;
    }
  }
}
