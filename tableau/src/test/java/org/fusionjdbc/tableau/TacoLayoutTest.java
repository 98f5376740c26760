package org.fusionjdbc.tableau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.tableau.ConnectorXml.all;
import static org.fusionjdbc.tableau.ConnectorXml.children;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The packed {@code target/fusion-jdbc.taco} against the rules of Tableau's connector SDK: the layout its packager
 * produces (a jar with the manifest and every file it refers to, recursively, at the root), and, per file, the
 * structure the SDK's XSDs require (element order, required attributes, enumerations) plus the packager's own checks
 * (one class name everywhere, https links, field names, the one secure field, the resolver's attribute list).
 * The files themselves were validated against the SDK's published XSDs with xmllint (docs/tableau.md).
 */
class TacoLayoutTest {
  private static final Path TACO = Path.of("target", "fusion-jdbc.taco");
  private static final Set<String> XML_EXTENSIONS = Set.of("xml", "tdr", "tdd", "tcd");
  private static final Set<String> PLATFORM_FIELDS = Set.of("server", "port", "sslmode", "authentication", "username",
      "password", "instanceurl", "vendor1", "vendor2", "vendor3");
  private static final Set<String> VALUE_TYPES = Set.of("string", "selection", "boolean", "file", "textbox");
  private static final Set<String> CATEGORIES = Set.of("endpoint", "metadata", "authentication", "general", "ssl",
      "initial-sql", "advanced");
  private static final Set<String> ARGUMENT_TYPES = Set.of("bool", "date", "datetime", "localint", "localreal",
      "localstr", "int", "real", "spatial", "str");

  private static Map<String, byte[]> entries;

  @BeforeAll
  static void readTaco() throws IOException {
    assertThat(TACO).as("the build packs the connector in process-classes").exists();
    entries = new HashMap<>();
    try (JarFile jar = new JarFile(TACO.toFile())) {
      for (var e : jar.stream().toList()) {
        if (!e.isDirectory()) {
          try (InputStream in = jar.getInputStream(e)) {
            entries.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
  }

  private static Element root(String name) throws IOException {
    assertThat(entries).containsKey(name);
    return ConnectorXml.parse(new java.io.ByteArrayInputStream(entries.get(name))).getDocumentElement();
  }

  @Test
  void tacoHoldsTheManifestAndEveryFileItRefersToAtItsRootAndNothingElse() throws IOException {
    Set<String> referenced = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("manifest.xml"));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!referenced.add(name) || !XML_EXTENSIONS.contains(extension(name))) {
        continue;
      }
      for (Element e : all(root(name))) {
        if (e.hasAttribute("file")) {
          todo.add(e.getAttribute("file"));
        }
      }
    }
    Set<String> packed = new TreeSet<>(entries.keySet());
    packed.remove("META-INF/MANIFEST.MF");
    assertThat(packed).containsExactlyInAnyOrderElementsOf(referenced);
    assertThat(referenced).containsExactlyInAnyOrder("manifest.xml", "connectionFields.xml", "connectionMetadata.xml",
        "connectionResolver.tdr", "connectionBuilder.js", "connectionProperties.js", "dialect.tdd");
    assertThat(entries).containsKey("META-INF/MANIFEST.MF");
    for (var e : entries.entrySet()) {
      // the packager refuses files over 256 KB (Tableau does not load them)
      assertThat(e.getValue().length).as(e.getKey()).isLessThan(256 * 1024);
    }
  }

  @Test
  void packedFilesAreTheSourceFiles() throws IOException {
    for (var e : entries.entrySet()) {
      if (!e.getKey().startsWith("META-INF/")) {
        assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readAllBytes(Path.of("connector", e.getKey())));
      }
    }
  }

  @Test
  void everyXmlFileIsWellFormedAndNamesTheManifestsClass() throws IOException {
    String cls = root("manifest.xml").getAttribute("class");
    assertThat(cls).matches("[a-z][a-z0-9_]*");
    for (String name : entries.keySet()) {
      if (XML_EXTENSIONS.contains(extension(name))) {
        for (Element e : all(root(name))) {
          if (e.hasAttribute("class")) {
            assertThat(e.getAttribute("class")).as(name + " <" + e.getTagName() + ">").isEqualTo(cls);
          }
          if (e.hasAttribute("url")) {
            assertThat(e.getAttribute("url")).as("the packager accepts https links only").startsWith("https://");
          }
        }
      }
    }
  }

  @Test
  void manifestFollowsTheManifestSchema() throws IOException {
    Element m = root("manifest.xml");
    assertThat(m.getTagName()).isEqualTo("connector-plugin");
    for (String a : List.of("class", "name", "plugin-version", "superclass", "version")) {
      assertThat(m.getAttribute(a)).as(a).isNotBlank();
    }
    assertThat(m.getAttribute("superclass")).isEqualTo("jdbc");
    String release = System.getProperty("fusion.version", "").replace("-SNAPSHOT", "");
    assertThat(m.getAttribute("plugin-version")).as("the connector's version is the driver's release")
        .isEqualTo(release);
    for (String a : List.of("plugin-version", "version", "min-version-tableau")) {
      assertThat(m.getAttribute(a)).matches("(\\d+)((\\.)(\\d+))*((-)(\\d+))*");
    }
    // connection fields (dialogs v2) need 2020.3, the packager stamps at least that
    assertThat(Double.parseDouble(m.getAttribute("min-version-tableau"))).isGreaterThanOrEqualTo(2020.3);
    assertThat(children(m).stream().map(Element::getTagName)).containsExactly("vendor-information",
        "connection-customization", "connection-fields", "connection-metadata", "connection-resolver", "dialect");
    Element vendor = children(m, "vendor-information").get(0);
    assertThat(children(vendor).stream().map(Element::getTagName))
        .containsExactly("company", "support-link", "driver-download-link");
    assertThat(children(vendor, "company").get(0).getAttribute("name")).hasSizeBetween(1, 24);
    Element custom = children(m, "connection-customization").get(0);
    assertThat(custom.getAttribute("enabled")).isEqualTo("true");
    assertThat(custom.getAttribute("version")).isNotBlank();
    assertThat(children(custom).stream().map(Element::getTagName)).containsExactly("vendor", "driver", "customizations");
    Map<String, String> caps = capabilities(custom);
    assertThat(caps).containsEntry("CAP_QUERY_TOPSTYLE_LIMIT", "yes").containsEntry("CAP_QUERY_TOPSTYLE_TOP", "no")
        .containsEntry("CAP_JDBC_SUPPRESS_ENUMERATE_DATABASES", "yes").containsEntry("CAP_CREATE_TEMP_TABLES", "no")
        .containsEntry("CAP_SELECT_INTO", "no");
  }

  @Test
  void connectionFieldsFollowTheSchemaAndThePackagersFieldRules() throws IOException {
    Element root = root("connectionFields.xml");
    assertThat(root.getTagName()).isEqualTo("connection-fields");
    Set<String> names = new LinkedHashSet<>();
    Set<String> authValues = new LinkedHashSet<>();
    for (Element f : children(root)) {
      assertThat(f.getTagName()).isEqualTo("field");
      String name = f.getAttribute("name");
      assertThat(name).matches("[:a-zA-Z_]([a-zA-Z0-9_.-])*");
      assertThat(names.add(name)).as("field names are unique: " + name).isTrue();
      assertThat(PLATFORM_FIELDS.contains(name) || name.startsWith("v-")).as(name).isTrue();
      assertThat(f.getAttribute("label")).as(name).isNotBlank();
      assertThat(VALUE_TYPES).contains(f.getAttribute("value-type"));
      if (f.hasAttribute("category")) {
        assertThat(CATEGORIES).contains(f.getAttribute("category"));
      }
      boolean secure = "true".equals(f.getAttribute("secure"));
      assertThat(!secure || name.equals("password")).as("only 'password' may be secure").isTrue();
      if (!secure) {
        // the packager: a non-secure field is logged in plain text, so it must not look like it holds a secret
        for (String word : List.of("token", "secret", "password")) {
          assertThat(name.toLowerCase()).doesNotContain(word);
          assertThat(f.getAttribute("label").toLowerCase()).as(name).doesNotContain(word);
        }
      }
      if ("advanced".equals(f.getAttribute("category")) && !"true".equals(f.getAttribute("optional"))) {
        assertThat(f.getAttribute("default-value")).as("a required advanced field needs a default").isNotEmpty();
      }
      List<String> order = children(f).stream().map(Element::getTagName).toList();
      assertThat(order).isSortedAccordingTo((a, b) -> rank(a) - rank(b));
      if (name.equals("authentication")) {
        all(f, "option").forEach(o -> authValues.add(o.getAttribute("value")));
      }
    }
    assertThat(names).contains("server", "authentication", "username", "password");
    assertThat(authValues).hasSize(4);
    for (Element c : all(root, "condition")) {
      assertThat(names).contains(c.getAttribute("field"));
      if (c.getAttribute("field").equals("authentication")) {
        assertThat(authValues).contains(c.getAttribute("value"));
      }
    }
    // every dialog field reaches the driver (none silently dropped), and the resolver lists every field
    String props = new String(entries.get("connectionProperties.js"), StandardCharsets.UTF_8);
    for (String name : names) {
      if (name.startsWith("v-")) {
        assertThat(props).as(name).contains("attr[\"" + name + "\"]");
      }
    }
    for (String v : authValues) {
      assertThat(props).as("auth mode " + v).contains("\"" + v + "\"");
    }
    Set<String> attrs = all(root("connectionResolver.tdr"), "attr").stream().map(Element::getTextContent)
        .map(String::trim).collect(Collectors.toSet());
    assertThat(attrs).containsAll(names);
  }

  @Test
  void resolverAndMetadataFollowTheirSchemas() throws IOException {
    Element tdr = root("connectionResolver.tdr");
    assertThat(tdr.getTagName()).isEqualTo("tdr");
    Element resolver = children(tdr, "connection-resolver").get(0);
    assertThat(children(resolver).stream().map(Element::getTagName))
        .containsExactly("connection-builder", "connection-normalizer", "connection-properties");
    assertThat(all(resolver, "script").stream().map(s -> s.getAttribute("file")))
        .containsExactly("connectionBuilder.js", "connectionProperties.js");
    String builder = new String(entries.get("connectionBuilder.js"), StandardCharsets.UTF_8);
    assertThat(builder).contains("\"jdbc:fusion://\"").doesNotContain("attributePassword");

    Element md = root("connectionMetadata.xml");
    assertThat(md.getTagName()).isEqualTo("connection-metadata");
    assertThat(children(md).stream().map(Element::getTagName)).containsExactly("database", "schema");
    assertThat(children(md, "database").get(0).getAttribute("enabled")).as("no catalogs").isEqualTo("false");
    assertThat(children(md, "schema").get(0).getAttribute("enabled")).isEqualTo("true");
  }

  @Test
  void dialectFollowsTheDialectSchemaAndWritesLimit() throws IOException {
    Element d = root("dialect.tdd");
    assertThat(d.getTagName()).isEqualTo("dialect");
    assertThat(d.getAttribute("name")).isNotBlank();
    assertThat(d.getAttribute("version")).isNotBlank();
    assertThat(d.hasAttribute("base")).as("nothing inherited: every function is ours and tested").isFalse();
    assertThat(children(d).stream().map(Element::getTagName))
        .containsExactly("function-map", "supported-aggregations", "sql-format");
    Element map = children(d, "function-map").get(0);
    List<String> kinds = children(map).stream().map(Element::getTagName).toList();
    assertThat(kinds).isSortedAccordingTo((a, b) -> (a.equals("function") ? 0 : 1) - (b.equals("function") ? 0 : 1));
    Pattern placeholder = Pattern.compile("%(\\d+)");
    for (Element f : children(map)) {
      assertThat(f.getAttribute("name")).isNotBlank();
      assertThat(ARGUMENT_TYPES).contains(f.getAttribute("return-type"));
      if (f.getTagName().equals("function")) {
        assertThat(f.getAttribute("group")).isNotBlank();
      }
      List<Element> args = children(f, "argument");
      args.forEach(a -> assertThat(ARGUMENT_TYPES).contains(a.getAttribute("type")));
      List<Element> formulas = children(f, "formula");
      assertThat(formulas).isNotEmpty();
      for (Element formula : formulas) {
        Matcher m = placeholder.matcher(formula.getTextContent());
        while (m.find()) {
          assertThat(Integer.parseInt(m.group(1))).as(f.getAttribute("name")).isBetween(1, args.size());
        }
      }
    }
    Element format = children(d, "sql-format").get(0);
    Map<String, String> select = all(format, "format-select").stream().flatMap(s -> children(s, "part").stream())
        .collect(Collectors.toMap(p -> p.getAttribute("name"), p -> p.getAttribute("value")));
    assertThat(select).containsEntry("Top", "LIMIT %1").doesNotContainKeys("TopPercent", "Into");
    String text = new String(entries.get("dialect.tdd"), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("TOP %1");
  }

  @Test
  void genericJdbcTdcIsWellFormedAndAgreesWithTheConnector() throws IOException {
    Element tdc;
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "tableau", "fusion-jdbc.tdc"))) {
      tdc = ConnectorXml.parse(in).getDocumentElement();
    }
    assertThat(tdc.getTagName()).isEqualTo("connection-customization");
    assertThat(tdc.getAttribute("class")).isEqualTo("genericjdbc");
    assertThat(children(tdc).stream().map(Element::getTagName)).containsExactly("vendor", "driver", "customizations");
    Map<String, String> generic = capabilities(tdc);
    assertThat(generic).containsEntry("CAP_QUERY_TOPSTYLE_LIMIT", "yes").containsEntry("CAP_QUERY_TOPSTYLE_TOP", "no")
        .containsEntry("CAP_JDBC_SUPPRESS_ENUMERATE_DATABASES", "yes");
    Map<String, String> connector = capabilities(children(root("manifest.xml"), "connection-customization").get(0));
    for (var e : generic.entrySet()) {
      assertThat(connector.get(e.getKey())).as(e.getKey() + " in the connector and the .tdc").isEqualTo(e.getValue());
    }
  }

  private static Map<String, String> capabilities(Element customization) {
    Map<String, String> caps = new HashMap<>();
    for (Element c : all(customization, "customization")) {
      assertThat(caps.put(c.getAttribute("name"), c.getAttribute("value"))).as("set once: " + c.getAttribute("name"))
          .isNull();
    }
    return caps;
  }

  /** Order of a field's children in the connection-fields schema. */
  private static int rank(String tag) {
    return switch (tag) {
      case "conditions" -> 0;
      case "validation-rule" -> 1;
      default -> 2;
    };
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }
}
