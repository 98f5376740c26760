package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every function the Tableau connector's dialect ({@code tableau/connector/dialect.tdd}) maps is rendered the way
 * Tableau renders it (each {@code %n} replaced by an argument expression of the declared type; for date functions
 * {@code %1} replaced by each date part's value from the dialect's date-part groups) and run through the shaded
 * driver against the emulator, over columns of the real {@code invoices} resource and over literals. A few results
 * whose Tableau meaning is easy to get wrong (week numbers, boundary counting, string positions) are checked by value.
 */
class TableauDialectIT {
  private static final Path DIALECT = Path.of("..", "tableau", "connector", "dialect.tdd");
  /** Tableau wraps a data source in its own FROM; a small pushed-down LIMIT keeps each query to one request. */
  private static final String FROM = " FROM (SELECT * FROM \"FSCM\".\"invoices\" ORDER BY \"InvoiceId\" LIMIT 20) \"t\"";
  /** Argument expressions over real columns; ints are kept small, as a count of days or characters is. */
  private static final Map<String, String> COLUMNS = Map.of(
      "real", "\"t\".\"InvoiceAmount\"", "int", "MOD(\"t\".\"SupplierId\", 97)", "str", "\"t\".\"Supplier\"",
      "bool", "\"t\".\"PayAloneFlag\"", "date", "\"t\".\"InvoiceDate\"", "datetime", "\"t\".\"LastUpdateDate\"");
  private static final Map<String, String> LITERALS = Map.of(
      "real", "2.5", "int", "3", "str", "'abc'", "bool", "TRUE", "date", "DATE '2024-01-31'",
      "datetime", "TIMESTAMP '2024-01-31 10:20:30.000'");
  private static final Map<String, String> PARSABLE = Map.of(
      "INT", "'42'", "FLOAT", "'42.5'", "DATE", "'2024-01-31'", "DATETIME", "'2024-01-31 10:20:30'");
  private static final Pattern ARG = Pattern.compile("%(\\d+)");

  private static Connection connection;
  private static Element dialect;

  @BeforeAll
  static void open() throws Exception {
    connection = Pod.get().connect(Pod.get().jwt());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    try (InputStream in = Files.newInputStream(DIALECT)) {
      dialect = f.newDocumentBuilder().parse(in).getDocumentElement();
    }
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @TestFactory
  Stream<DynamicTest> everyMappedFunctionRunsOnTheDriver() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Element fn : children(child(dialect, "function-map"), "function")) {
      List<String> types = children(fn, "argument").stream().map(a -> a.getAttribute("type")).toList();
      String label = fn.getAttribute("name") + types;
      boolean aggregate = fn.getAttribute("group").equals("aggregate");
      for (Element formula : children(fn, "formula")) {
        tests.add(DynamicTest.dynamicTest(label, () -> runBoth(fn.getAttribute("name"), formula.getTextContent(), types)));
      }
      for (Element unagg : children(fn, "unagg-formula")) {
        tests.add(DynamicTest.dynamicTest(label + " unagg", () -> runBoth(fn.getAttribute("name"), unagg.getTextContent(), types)));
      }
      assertThat(aggregate || children(fn, "unagg-formula").isEmpty()).isTrue();
    }
    assertThat(tests).hasSizeGreaterThan(100);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyDateFunctionRunsWithEveryDatePart() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Element fn : children(child(dialect, "function-map"), "date-function")) {
      String name = fn.getAttribute("name");
      List<String> types = children(fn, "argument").stream().map(a -> a.getAttribute("type")).toList();
      assertThat(types.get(0)).isEqualTo("localstr");
      Map<String, String> parts = datePartsOf(name);
      assertThat(parts).as(name).isNotEmpty();
      for (var part : parts.entrySet()) {
        String formula = formulaFor(fn, part.getKey());
        tests.add(DynamicTest.dynamicTest(name + "(" + part.getKey() + ")" + types.subList(1, types.size()), () -> {
          String withPart = formula.replace("%1", part.getValue());
          runBoth(name, withPart, types);
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void literalFormatsAndTheRowLimitParse() throws SQLException {
    Element format = child(dialect, "sql-format");
    String date = child(format, "format-date-literal").getAttribute("formula").replace("%1", "2024-01-31");
    String ts = child(format, "format-datetime-literal").getAttribute("formula").replace("%1", "2024-01-31 10:20:30.000");
    String limit = children(child(format, "format-select"), "part").stream()
        .filter(p -> p.getAttribute("name").equals("Top")).findFirst().orElseThrow().getAttribute("value")
        .replace("%1", "5");
    String t = child(format, "format-true").getAttribute("literal");
    String sql = "SELECT \"t\".\"InvoiceId\"" + FROM + " WHERE \"t\".\"InvoiceDate\" < " + date
        + " OR \"t\".\"LastUpdateDate\" < " + ts + " OR " + t + " ORDER BY 1 " + limit;
    assertThat(rows(sql)).isEqualTo(5);
  }

  @Test
  void resultsMeanWhatTableauMeans() throws SQLException {
    // Tableau weeks start on Sunday; week 1 holds January 1st. 2024-01-01 is a Monday.
    assertThat(value("DATEPART", "week", "DATE '2024-01-06'")).isEqualTo("1");
    assertThat(value("DATEPART", "week", "DATE '2024-01-07'")).isEqualTo("2");
    assertThat(value("DATEPART", "weekday", "DATE '2024-01-07'")).as("Sunday is 1").isEqualTo("1");
    assertThat(value("DATEPART", "dayofyear", "DATE '2024-02-01'")).isEqualTo("32");
    // DATEDIFF counts boundaries crossed, not whole intervals
    assertThat(value("DATEDIFF", "month", "DATE '2020-01-31'", "DATE '2020-02-01'")).isEqualTo("1");
    assertThat(value("DATEDIFF", "year", "DATE '2020-12-31'", "DATE '2021-01-01'")).isEqualTo("1");
    assertThat(value("DATEDIFF", "week", "DATE '2024-01-06'", "DATE '2024-01-07'")).isEqualTo("1");
    assertThat(value("DATEDIFF", "day", "TIMESTAMP '2024-01-06 23:59:00'", "TIMESTAMP '2024-01-07 00:01:00'"))
        .isEqualTo("1");
    assertThat(value("DATETRUNC", "week", "DATE '2024-01-10'")).startsWith("2024-01-07");
    assertThat(value("DATETRUNC", "quarter", "DATE '2024-05-10'")).startsWith("2024-04-01");
    assertThat(value("DATEADD", "quarter", "1", "DATE '2024-01-31'")).startsWith("2024-04-30");
    assertThat(function("LEFT", "'abc'", "2")).isEqualTo("ab");
    assertThat(function("RIGHT", "'abc'", "2")).isEqualTo("bc");
    assertThat(function("RIGHT", "'abc'", "5")).isEqualTo("abc");
    assertThat(function("MID", "'abcdef'", "2", "3")).isEqualTo("bcd");
    assertThat(function("FIND", "'abcabc'", "'c'")).isEqualTo("3");
    assertThat(function("FIND", "'abcabc'", "'c'", "4")).isEqualTo("6");
    assertThat(function("ENDSWITH", "'abc'", "'bc'")).isEqualTo("true");
    assertThat(function("ENDSWITH", "'bc'", "'abc'")).isEqualTo("false");
    assertThat(function("STARTSWITH", "'abc'", "'ab'")).isEqualTo("true");
    assertThat(function("INT", "-1.7")).isEqualTo("-1");
    assertThat(function("DIV", "7", "2")).isEqualTo("3");
    assertThat(function("LOG", "100.0")).startsWith("2");
    assertThat(function("SIGN", "-2.5")).isEqualTo("-1");
  }

  private void runBoth(String name, String formula, List<String> types) throws SQLException {
    run(name, formula, types, COLUMNS);
    run(name, formula, types, LITERALS);
  }

  private void run(String name, String formula, List<String> types, Map<String, String> samples) throws SQLException {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      // A text column holds names, not numbers or dates: Tableau's INT/FLOAT/DATE of a string means a parsable one.
      if (type.equals("str") && PARSABLE.containsKey(name)) {
        args.add(PARSABLE.get(name));
      } else {
        args.add(type.equals("localstr") ? null : samples.get(type));
      }
    }
    String expr = render(formula, args);
    rows("SELECT " + expr + " AS \"v\"" + FROM);
  }

  private static String render(String formula, List<String> args) {
    Matcher m = ARG.matcher(formula);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String arg = args.get(Integer.parseInt(m.group(1)) - 1);
      m.appendReplacement(out, Matcher.quoteReplacement("(" + arg + ")"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private int rows(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = 0;
      while (rs.next()) {
        rs.getObject(1);
        n++;
      }
      return n;
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + "\n  SQL: " + sql, e.getSQLState(), e);
    }
  }

  /** A date function rendered for one part, with literal arguments, evaluated once. */
  private String value(String name, String part, String... args) throws SQLException {
    Element fn = children(child(dialect, "function-map"), "date-function").stream()
        .filter(f -> f.getAttribute("name").equals(name)).findFirst().orElseThrow();
    String formula = formulaFor(fn, part).replace("%1", datePartsOf(name).get(part));
    List<String> all = new ArrayList<>();
    all.add(null);
    all.addAll(List.of(args));
    return single(render(formula, all));
  }

  /** The first mapped function of that name and arity, rendered with literal arguments, evaluated once. */
  private String function(String name, String... args) throws SQLException {
    Element fn = children(child(dialect, "function-map"), "function").stream()
        .filter(f -> f.getAttribute("name").equals(name) && children(f, "argument").size() == args.length)
        .findFirst().orElseThrow();
    return single(render(child(fn, "formula").getTextContent(), List.of(args)));
  }

  private String single(String expr) throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT " + expr + " AS \"v\"" + FROM + " LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      return String.valueOf(rs.getObject(1));
    }
  }

  /** Part name to the value Tableau puts in %1: the group naming this function, else the default group. */
  private static Map<String, String> datePartsOf(String function) {
    Element dateParts = child(child(dialect, "sql-format"), "date-parts");
    Element fallback = null;
    for (Element group : children(dateParts, "date-part-group")) {
      List<Element> fns = children(group, "date-function");
      if (fns.isEmpty()) {
        fallback = group;
      } else if (fns.stream().anyMatch(f -> f.getAttribute("name").equals(function))) {
        return parts(group);
      }
    }
    return fallback == null ? Map.of() : parts(fallback);
  }

  private static Map<String, String> parts(Element group) {
    Map<String, String> out = new LinkedHashMap<>();
    children(group, "part").forEach(p -> out.put(p.getAttribute("name"), p.getAttribute("value")));
    return out;
  }

  private static String formulaFor(Element fn, String part) {
    String general = null;
    for (Element f : children(fn, "formula")) {
      if (f.getAttribute("part").equals(part)) {
        return f.getTextContent();
      }
      if (!f.hasAttribute("part")) {
        general = f.getTextContent();
      }
    }
    return general;
  }

  private static Element child(Element e, String name) {
    return children(e, name).get(0);
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }
}
