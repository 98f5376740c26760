package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 10,000 generated hostile literals (strings, exact decimals, integers beyond 2^53, dates) in WHERE clauses, each
 * used twice: as SQL text through Statement and as a bound parameter through PreparedStatement. The rows returned
 * must always equal the test's own evaluation of the same predicates over the emulator's rows, so no literal can
 * change the meaning of the q the driver pushes (or of the filter it keeps). Batched 20 predicates per query on a
 * small resource (about 400 rows, one page), half of which were inserted with hostile values so equality and LIKE
 * really match.
 */
class InjectionIT {
  private static final int LITERALS = 10_000;
  private static final int PER_QUERY = 40;
  private static final List<String> STRING_COLUMNS = List.of("InvoiceNumber", "Description", "Supplier",
      "BusinessUnit");
  private static StressPod pod;
  private static List<Map<String, Object>> rows;
  private static final Map<String, List<Object>> pools = new HashMap<>();

  @BeforeAll
  static void start() {
    pod = StressPod.start(o -> o.rows(200).journalCapacity(50_000));
    Hostile h = new Hostile(11);
    List<Object> strings = new ArrayList<>();
    List<Object> decimals = new ArrayList<>();
    List<Object> longs = new ArrayList<>();
    List<Object> dates = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Map<String, Object> row = new HashMap<>();
      // stored values fit the declared lengths (InvoiceNumber 50, the others 240), as on a real pod
      String number = fit(h.value(), 50);
      String description = fit(h.value(), 240);
      BigDecimal amount = h.decimal();
      LocalDate date = h.date();
      long supplier = i % 3 == 0 ? 9_007_199_254_740_993L + i : 300_100_000L + h.nextInt(50);
      row.put("InvoiceNumber", number);
      row.put("Description", i % 7 == 0 ? null : description);
      row.put("Supplier", i % 2 == 0 ? description : number);
      row.put("BusinessUnit", fit(h.value(), 240));
      row.put("InvoiceAmount", amount);
      row.put("InvoiceDate", i % 11 == 0 ? null : date);
      row.put("SupplierId", supplier);
      pod.emulator.data().insert("invoices", row);
      strings.add(number);
      strings.add(description);
      decimals.add(amount);
      longs.add(supplier);
      dates.add(date);
    }
    pools.put("string", strings);
    pools.put("decimal", decimals);
    pools.put("long", longs);
    pools.put("date", dates);
    rows = pod.emulator.data().rows("invoices");
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  @Test
  void tenThousandHostileLiteralsNeverChangeWhichRowsMatch() throws SQLException {
    List<List<List<Pred>>> queries = generate(new Hostile(23));
    long literals = queries.stream().flatMap(List::stream).mapToLong(List::size).sum();
    assertThat(literals).isEqualTo(LITERALS);
    long seqBefore = pod.lastSeq();
    Figures fig = Figures.start("injection");
    List<String> failures = new ArrayList<>();
    List<String> culprits = new ArrayList<>();
    try (Connection c = pod.connect("basic", "pageSize=500&firstPageSize=500")) {
      for (List<List<Pred>> query : queries) {
        TreeSet<Long> expected = evaluate(query);
        String where = render(query, false);
        int failuresBefore = failures.size();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE " + where)) {
          check(failures, "Statement", query, expected, rs);
        } catch (SQLException e) {
          failures.add("Statement " + query + " -> " + e.getSQLState() + " " + e.getMessage());
        }
        if (failures.size() > failuresBefore) {
          diagnose(c, query, culprits);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE "
            + render(query, true))) {
          int i = 1;
          for (List<Pred> and : query) {
            for (Pred p : and) {
              p.bind(ps, i++);
            }
          }
          try (ResultSet rs = ps.executeQuery()) {
            check(failures, "PreparedStatement", query, expected, rs);
          }
        } catch (SQLException e) {
          failures.add("PreparedStatement " + query + " -> " + e.getSQLState() + " " + e.getMessage());
        }
        if (failures.size() > failuresBefore) {
          diagnosePrepared(c, query, culprits);
        }
      }
    }
    List<JournalEntry> requests = pod.emulator.journal().filter(e -> e.seq() > seqBefore && e.path().endsWith("/invoices"));
    long pushed = requests.stream().filter(e -> e.param("q") != null).count();
    long rejected = requests.stream().filter(e -> e.status() != 200).count();
    fig.put("literals", literals).put("queries", queries.size() * 2).put("requests", requests.size())
        .put("withQ", pushed).put("non200", rejected).put("failures", failures.size()).print();
    culprits.stream().limit(40).forEach(x -> System.out.println("[injection-culprit] " + x));
    assertThat(failures).as("queries whose rows differ from the in-test evaluation (first 5 of %d)", failures.size())
        .isEmpty();
    assertThat(pushed).as("some hostile literals were pushed into q (the escaping really ran)").isPositive();
  }

  /** Runs each AND group of a failed query alone, to name the predicate (and literal) that goes wrong. */
  private static void diagnose(Connection c, List<List<Pred>> query, List<String> culprits) {
    for (List<Pred> and : query) {
      List<List<Pred>> single = List.of(and);
      List<String> out = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE " + render(single, false))) {
        check(out, "single", single, evaluate(single), rs);
      } catch (SQLException e) {
        out.add("single " + single + " -> " + e.getSQLState() + " " + e.getMessage());
      }
      culprits.addAll(out);
    }
  }

  private static String fit(String v, int length) {
    return v.length() <= length ? v : v.substring(0, Character.isHighSurrogate(v.charAt(length - 1)) ? length - 1 : length);
  }

  /**
   * A bound string longer than the column must compare as itself: {@code InvoiceNumber} is VARCHAR(50), so a
   * parameter of 50 matching characters plus one more matches no row. Truncating it to the column's length would
   * make it match the row whose value is its first 50 characters.
   */
  @Test
  void parameterLongerThanTheColumnIsNotTruncated() throws SQLException {
    String fifty = "Q".repeat(49) + "'";
    long id = pod.emulator.data().insert("invoices", Map.of("InvoiceNumber", fifty, "InvoiceAmount", BigDecimal.ONE));
    try (Connection c = pod.connect("basic");
        PreparedStatement ps = c.prepareStatement("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE "
            + "\"InvoiceNumber\" = ?")) {
      ps.setString(1, fifty);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("the 50-character value itself").isTrue();
        assertThat(rs.getLong(1)).isEqualTo(id);
      }
      ps.setString(1, fifty + " or 1=1");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a longer value matches nothing").isFalse();
      }
    } finally {
      pod.emulator.data().delete("invoices", id);
    }
  }

  @Test
  void likeUnderscoreMatchesALineBreak() throws SQLException {
    long id = pod.emulator.data().insert("invoices", Map.of("InvoiceNumber", "NL-1", "InvoiceAmount", BigDecimal.ONE,
        "Description", "line\nbreak"));
    try (Connection c = pod.connect("basic");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"Description\" LIKE "
            + "'line_break'")) {
      assertThat(rs.next()).as("the row whose Description is line + LF + break").isTrue();
      assertThat(rs.getLong(1)).isEqualTo(id);
    } finally {
      pod.emulator.data().delete("invoices", id);
    }
  }

  @Test
  void nulInALikePatternIsAnOrdinaryCharacter() throws SQLException {
    try (Connection c = pod.connect("basic");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"Description\" LIKE "
            + "'%\u0000 x_%'")) { // '_' keeps the LIKE in the driver (a pattern without it is pushed and works)
      assertThat(rs.next()).as("no row holds NUL").isFalse();
    }
  }

  private static void diagnosePrepared(Connection c, List<List<Pred>> query, List<String> culprits) {
    for (List<Pred> and : query) {
      List<List<Pred>> single = List.of(and);
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE "
          + render(single, true))) {
        int i = 1;
        for (Pred p : and) {
          p.bind(ps, i++);
        }
        TreeSet<Long> expected = evaluate(single);
        try (ResultSet rs = ps.executeQuery()) {
          check(out, "single", single, expected, rs);
        }
        if (!out.isEmpty()) {
          for (Map<String, Object> row : rows) {
            if (expected.contains((Long) row.get("InvoiceId"))) {
              out.add("  value of " + and.get(0).column() + ": " + escape(String.valueOf(row.get(and.get(0).column())))
                  + " pattern " + escape(String.valueOf(and.get(0).value())));
              break;
            }
          }
        }
      } catch (SQLException e) {
        out.add("prepared single " + single + " -> " + e.getSQLState() + " " + e.getMessage());
      }
      out.forEach(x -> culprits.add("prepared " + x));
    }
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(80).forEach(cp -> sb.append(cp < 32 || cp > 126 ? String.format("\\u%04x", cp)
        : Character.toString(cp)));
    return sb.toString();
  }

  private static void check(List<String> failures, String how, List<List<Pred>> query, TreeSet<Long> expected,
      ResultSet rs) throws SQLException {
    TreeSet<Long> actual = new TreeSet<>();
    int n = 0;
    while (rs.next()) {
      actual.add(rs.getLong(1));
      n++;
    }
    if (!actual.equals(expected) || n != actual.size()) {
      if (failures.size() < 5 || how.equals("single")) {
        failures.add(how + " " + query + ": expected " + expected.size() + " rows, got " + n + " (missing "
            + diff(expected, actual) + ", extra " + diff(actual, expected) + ")");
      } else {
        failures.add(how);
      }
    }
  }

  private static String diff(TreeSet<Long> a, TreeSet<Long> b) {
    TreeSet<Long> d = new TreeSet<>(a);
    d.removeAll(b);
    return d.stream().limit(5).map(String::valueOf).collect(Collectors.joining(",")) + (d.size() > 5 ? ",..." : "");
  }

  private static TreeSet<Long> evaluate(List<List<Pred>> query) {
    TreeSet<Long> ids = new TreeSet<>();
    for (Map<String, Object> row : rows) {
      if (query.stream().anyMatch(and -> and.stream().allMatch(p -> p.test(row)))) {
        ids.add((Long) row.get("InvoiceId"));
      }
    }
    return ids;
  }

  private static String render(List<List<Pred>> query, boolean parameters) {
    return query.stream()
        .map(and -> "(" + and.stream().map(p -> p.sql(parameters)).collect(Collectors.joining(" AND ")) + ")")
        .collect(Collectors.joining(" OR "));
  }

  /**
   * Queries as OR of ANDs. Equality and LIKE batches are OR-ed singletons (selective); range batches are pairs
   * (above one value and below another, or not equal and below), so a range cannot match everything and hide a
   * wrong equality.
   */
  private static List<List<List<Pred>>> generate(Hostile h) {
    List<List<List<Pred>>> queries = new ArrayList<>();
    int made = 0;
    int batch = 0;
    while (made < LITERALS) {
      String kind = made < 6_000 ? "string" : made < 7_400 ? "decimal" : made < 8_000 ? "long" : "date";
      boolean range = batch++ % 4 == 3;
      List<List<Pred>> query = new ArrayList<>();
      int n = Math.min(PER_QUERY, LITERALS - made);
      for (int i = 0; i < n; ) {
        if (range && n - i >= 2) {
          String column = column(kind, h);
          String low = h.nextInt(3) == 0 ? "<>" : h.pick(List.of(">", ">="));
          query.add(List.of(new Pred(column, low, value(kind, h)), new Pred(column, h.pick(List.of("<", "<=")),
              value(kind, h))));
          i += 2;
        } else {
          String column = column(kind, h);
          boolean like = kind.equals("string") && h.nextInt(2) == 0;
          Object v = value(kind, h);
          if (like) {
            v = likePattern((String) v, h);
          }
          query.add(List.of(new Pred(column, like ? "LIKE" : "=", v)));
          i++;
        }
      }
      made += n;
      queries.add(query);
    }
    return queries;
  }

  private static String column(String kind, Hostile h) {
    return switch (kind) {
      case "string" -> h.pick(STRING_COLUMNS);
      case "decimal" -> "InvoiceAmount";
      case "long" -> "SupplierId";
      default -> "InvoiceDate";
    };
  }

  /** Half the time a value some row has (so the predicate matches), else a fresh one. */
  private static Object value(String kind, Hostile h) {
    if (h.nextInt(2) == 0) {
      Object v = h.pick(pools.get(kind));
      if (v != null) {
        return v;
      }
    }
    return switch (kind) {
      case "string" -> h.string();
      case "decimal" -> h.decimal();
      case "long" -> (long) h.nextInt(1_000_000) * (h.nextInt(2) == 0 ? 1 : 9_007_199_254_741L);
      default -> h.date();
    };
  }

  /** A LIKE pattern from a value: a character replaced by _ or a run by %, or the value itself (its own % and _). */
  private static String likePattern(String v, Hostile h) {
    if (v.isEmpty()) {
      return "%";
    }
    int at = h.nextInt(v.length());
    if (Character.isSurrogate(v.charAt(at))) {
      return v;
    }
    return switch (h.nextInt(3)) {
      case 0 -> v.substring(0, at) + "_" + v.substring(at + 1);
      case 1 -> v.substring(0, at) + "%";
      default -> "%" + v.substring(at);
    };
  }
}
