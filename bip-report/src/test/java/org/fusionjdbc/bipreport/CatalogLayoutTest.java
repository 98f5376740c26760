package org.fusionjdbc.bipreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped data models and reports follow the layout of real catalog exports ({@link ExportLayout}), and the
 * build packs them into archives an administrator can upload as they are.
 */
class CatalogLayoutTest {
  private static final Path DIR = Path.of(".");
  private static final Path TARGET = Path.of(System.getProperty("archives.dir", "target"));

  /** An element: its name, attributes in document order, and child elements. */
  record Node(String name, String namespace, Map<String, String> attributes, List<Node> children, String text) {
    List<String> childNames() {
      return children.stream().map(Node::name).toList();
    }

    Node child(String child) {
      return children.stream().filter(c -> c.name.equals(child)).findFirst()
          .orElseThrow(() -> new AssertionError(name + " has no " + child));
    }

    List<Node> all(String child) {
      return children.stream().filter(c -> c.name.equals(child)).toList();
    }
  }

  private static Node parse(String xml) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
    while (r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog
    }
    return element(r);
  }

  private static Node element(XMLStreamReader r) throws XMLStreamException {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    String name = r.getLocalName();
    String ns = r.getNamespaceURI();
    List<Node> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        children.add(element(r));
      } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        return new Node(name, ns, attributes, children, text.toString());
      }
    }
  }

  private static String read(String file) throws IOException {
    return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
  }

  /** {@code list} keeps the relative order {@code reference} gives its members. */
  private static void assertInOrder(List<String> list, List<String> reference, String what) {
    assertThat(reference).as(what + ": known names").containsAll(list);
    List<Integer> positions = list.stream().map(reference::indexOf).toList();
    assertThat(positions).as(what + " in export order " + reference + ", got " + list).isSorted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SqlProxy", "SqlProxyXmlgen"})
  void theDataModelHasTheSectionsAndPropertiesOfAnExport(String name) throws Exception {
    Node dm = parse(read(name + ".xdm"));
    assertThat(dm.name()).isEqualTo("dataModel");
    assertThat(dm.namespace()).isEqualTo(ExportLayout.NS);
    assertThat(dm.attributes()).containsEntry("version", "2.0").containsKey("defaultDataSourceRef");
    assertInOrder(dm.childNames(), ExportLayout.DATA_MODEL_CHILDREN, "dataModel sections");
    assertThat(dm.childNames()).containsAll(ExportLayout.DATA_MODEL_REQUIRED).doesNotHaveDuplicates();
    assertThat(dm.child("dataProperties").all("property").stream().map(p -> p.attributes().get("name")).toList())
        .containsExactlyElementsOf(ExportLayout.DATA_PROPERTIES);
    List<Node> parameters = dm.child("parameters").all("parameter");
    assertThat(parameters).hasSize(1);
    Node p = parameters.get(0);
    assertThat(List.copyOf(p.attributes().keySet())).containsExactlyElementsOf(
        ExportLayout.DATA_MODEL_PARAMETER_ATTRIBUTES);
    assertThat(p.attributes()).containsEntry("name", "P_FJ_SQL").containsEntry("dataType", "xsd:string");
    assertThat(p.childNames()).containsExactly("input");
    assertThat(p.child("input").attributes()).containsEntry("label", "P_FJ_SQL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SqlProxy", "SqlProxyXmlgen"})
  void theDataSetRunsTheSqlFileAndTheOutputNamesItsColumn(String name) throws Exception {
    Node dm = parse(read(name + ".xdm"));
    Node dataSet = dm.child("dataSets").child("dataSet");
    assertThat(dataSet.child("sql").text()).isEqualTo(read(name + "_G_1.sql"));
    String column = name.equals("SqlProxy") ? "FJ_RESULT" : "FJ_XML";
    assertThat(read(name + "_G_1.sql")).contains(" AS " + column + " FROM dual");
    Node group = dm.child("output").child("nodeList").child("dataStructure").child("group");
    assertThat(group.attributes()).containsEntry("name", "G_1").containsEntry("source", dataSet.attributes().get("name"));
    assertThat(group.child("element").attributes()).containsEntry("name", column).containsEntry("value", column);
    assertThat(dm.child("output").attributes()).containsEntry("rootName", "DATA_DS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SqlProxy", "SqlProxyXmlgen"})
  void theReportHasTheRootAttributesPropertiesAndTemplateOfAnExport(String name) throws Exception {
    Node report = parse(read(name + ".xdo"));
    assertThat(report.name()).isEqualTo("report");
    assertThat(report.namespace()).isEqualTo(ExportLayout.NS);
    assertThat(List.copyOf(report.attributes().keySet())).containsExactlyElementsOf(ExportLayout.REPORT_ATTRIBUTES);
    assertThat(report.attributes()).containsEntry("dataModel", "true").containsEntry("useBipParameters", "true")
        .doesNotContainKey("cacheDocument");
    List<String> kinds = report.childNames().stream().distinct().toList();
    assertThat(kinds).containsExactlyElementsOf(ExportLayout.REPORT_CHILDREN);
    assertThat(report.child("dataModel").attributes()).containsEntry("url", "/Custom/FusionJdbc/" + name + ".xdm");
    List<String> properties = report.all("property").stream().map(p -> p.attributes().get("name")).toList();
    assertInOrder(properties, ExportLayout.REPORT_PROPERTIES, "report properties");
    assertThat(properties).doesNotContain("outputFormat");
    assertThat(report.all("property")).filteredOn(p -> p.attributes().get("name").equals("cacheDocument"))
        .singleElement().satisfies(p -> assertThat(p.attributes()).containsEntry("value", "false"));
    Node parameters = report.child("parameters");
    assertThat(parameters.attributes()).containsEntry("style", ExportLayout.PARAMETER_STYLE)
        .containsKey("paramPerLine");
    assertThat(parameters.children()).isEmpty();
    Node templates = report.child("templates");
    Node template = templates.child("template");
    assertThat(templates.childNames()).containsExactly("template");
    assertThat(List.copyOf(template.attributes().keySet())).containsExactlyElementsOf(
        ExportLayout.TEMPLATE_ATTRIBUTES);
    assertThat(templates.attributes()).containsEntry("default", template.attributes().get("label"));
    assertThat(template.attributes()).containsEntry("outputFormat", "xml").containsEntry("defaultFormat", "xml")
        .containsEntry("url", name + ".rtf");
    assertThat(Files.exists(DIR.resolve(name + ".rtf"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SqlProxy", "SqlProxyXmlgen"})
  void theBuildPacksTheDataModelAsAnExportArchive(String name) throws Exception {
    try (ZipFile zip = new ZipFile(TARGET.resolve(name + ".xdmz").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName).toList()).containsExactly(ExportLayout.DATA_MODEL_ENTRY);
      assertThat(zip.getInputStream(zip.getEntry(ExportLayout.DATA_MODEL_ENTRY)).readAllBytes())
          .isEqualTo(Files.readAllBytes(DIR.resolve(name + ".xdm")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SqlProxy", "SqlProxyXmlgen"})
  void theBuildPacksTheReportWithItsTemplateAsAnExportArchive(String name) throws Exception {
    try (ZipFile zip = new ZipFile(TARGET.resolve(name + ".xdoz").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName).toList())
          .containsExactlyInAnyOrder(ExportLayout.REPORT_ENTRY, name + ".rtf");
      assertThat(zip.getInputStream(zip.getEntry(ExportLayout.REPORT_ENTRY)).readAllBytes())
          .isEqualTo(Files.readAllBytes(DIR.resolve(name + ".xdo")));
      assertThat(zip.getInputStream(zip.getEntry(name + ".rtf")).readAllBytes())
          .isEqualTo(Files.readAllBytes(DIR.resolve(name + ".rtf")));
    }
  }
}
