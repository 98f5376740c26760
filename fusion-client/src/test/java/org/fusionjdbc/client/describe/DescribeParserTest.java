package org.fusionjdbc.client.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalInt;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;

class DescribeParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('`', '"'));
  }

  @Test
  void parsesTheContractSampleShape() throws Exception {
    JsonNode root = json("""
        {`Resources`:{`invoices`:{`title`:`Invoices`,`unknownKey`:{`x`:1},
          `attributes`:[
            {`name`:`InvoiceId`,`type`:`integer`,`updatable`:false,`mandatory`:false,`queryable`:true,`precision`:18,
             `title`:`Invoice ID`,`annotations`:{`description`:`Unique invoice identifier.`}},
            {`name`:`InvoiceNumber`,`type`:`string`,`queryable`:true,`maxLength`:`50`,`mandatory`:true},
            {`name`:`Notes`,`type`:`string`,`queryable`:false,`maxLength`:4000},
            {`name`:`Weird`,`type`:`clob`}],
          `collection`:{`finders`:[
            {`name`:`PrimaryKey`,`attributes`:[{`name`:`InvoiceId`,`type`:`integer`,`queryable`:true}]},
            {`name`:`invoiceSearch`,`title`:`Invoice Search`,`attributes`:[{`name`:`InvoiceNumber`}]}]},
          `item`:{`links`:[{`rel`:`child`,`name`:`invoiceLines`,`href`:`x`,
            `cardinality`:{`value`:`1 to *`,`sourceAttributes`:`InvoiceId`,`destinationAttributes`:`InvoiceId`}}]},
          `children`:{`invoiceLines`:{`attributes`:[{`name`:`LineNumber`,`type`:`integer`,`queryable`:true}],
            `collection`:{`finders`:[{`name`:`PrimaryKey`,`attributes`:[{`name`:`LineNumber`}]}]}}}}}}
        """);
    ResourceDescription d = DescribeParser.parse(root, "invoices");
    assertThat(d.title()).isEqualTo("Invoices");
    assertThat(d.attributes()).extracting(AttributeDescription::name)
        .containsExactly("InvoiceId", "InvoiceNumber", "Notes", "Weird");
    AttributeDescription id = d.attribute("InvoiceId").orElseThrow();
    assertThat(id.type()).isEqualTo(AttributeType.INTEGER);
    assertThat(id.precision()).isEqualTo(OptionalInt.of(18));
    assertThat(id.description()).isEqualTo("Unique invoice identifier.");
    assertThat(d.attribute("InvoiceNumber").orElseThrow().maxLength()).isEqualTo(OptionalInt.of(50));
    assertThat(d.attribute("InvoiceNumber").orElseThrow().mandatory()).isTrue();
    assertThat(d.attribute("Notes").orElseThrow().maxLength()).isEqualTo(OptionalInt.of(4000));
    assertThat(d.attribute("Notes").orElseThrow().queryable()).isFalse();
    assertThat(d.attribute("Weird").orElseThrow().type()).isEqualTo(AttributeType.OTHER);
    assertThat(d.keyAttributes()).containsExactly("InvoiceId");
    assertThat(d.singleQueryableKey()).map(AttributeDescription::name).contains("InvoiceId");
    assertThat(d.finders()).extracting(FinderDescription::name).containsExactly("PrimaryKey", "invoiceSearch");
    ChildDescription lines = d.children().get("invoiceLines");
    assertThat(lines.sourceAttributes()).containsExactly("InvoiceId");
    assertThat(lines.destinationAttributes()).containsExactly("InvoiceId");
    assertThat(lines.resource().keyAttributes()).containsExactly("LineNumber");
  }

  @Test
  void acceptsLinksAsAMapKeyedByRel() throws Exception {
    JsonNode root = json("""
        {`Resources`:{`r`:{`attributes`:[],`item`:{`links`:{`child`:[{`name`:`kids`,
          `cardinality`:{`sourceAttributes`:[`A`,`B`],`destinationAttributes`:`A, B`}}]}},
          `children`:{`kids`:{`attributes`:[]}}}}}
        """);
    ChildDescription kids = DescribeParser.parse(root, "r").children().get("kids");
    assertThat(kids.sourceAttributes()).containsExactly("A", "B");
    assertThat(kids.destinationAttributes()).containsExactly("A", "B");
  }

  @Test
  void resourceNamesFromKeysItemsOrHrefs() throws Exception {
    assertThat(DescribeParser.resourceNames(json("{`Resources`:{`a`:{},`b`:{}}}"))).containsExactly("a", "b");
    assertThat(DescribeParser.resourceNames(json(
        "{`items`:[{`name`:`x`},{`href`:`http://h/fscmRestApi/resources/11.13.18.05/y/describe`}]}")))
        .containsExactly("x", "y");
  }

  @Test
  void missingResourceIsAProtocolError() throws Exception {
    assertThatThrownBy(() -> DescribeParser.parse(json("{`Resources`:{`a`:{},`b`:{}}}"), "c"))
        .isInstanceOf(FusionException.class).hasMessageContaining("Resources.c");
  }
}
