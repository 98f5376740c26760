package org.fusionjdbc.emulator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.emulator.data.Attr;
import org.fusionjdbc.emulator.data.AttrType;
import org.fusionjdbc.emulator.data.Finder;
import org.fusionjdbc.emulator.data.ResourceDef;

/** Describe JSON in the contract's §4.2 shape, the catalog, and the context root's version list. */
final class DescribeWriter {
  private DescribeWriter() {}

  /** {@code {"Resources": {name: {...}}}} for one resource and its children. */
  static void resource(JsonGenerator g, ResourceDef def, String collectionHref) throws IOException {
    resource(g, def, collectionHref, false);
  }

  /**
   * As above; {@code minimal} ({@code ?metadataMode=minimal}, which Oracle's own explorer asks first) writes only
   * titles, the attributes' name, type and maxLength (a string, as recorded), the PrimaryKey finder and the child
   * names: no actions, links or LOVs. What a real pod leaves out in this mode is not public; a client must not rely
   * on more than the full describe.
   */
  static void resource(JsonGenerator g, ResourceDef def, String collectionHref, boolean minimal) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Resources");
    g.writeFieldName(def.name());
    if (minimal) {
      minimalBody(g, def);
    } else {
      body(g, def, collectionHref, true);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void minimalBody(JsonGenerator g, ResourceDef def) throws IOException {
    g.writeStartObject();
    g.writeStringField("title", def.title());
    g.writeStringField("titlePlural", def.titlePlural());
    g.writeArrayFieldStart("attributes");
    for (Attr a : def.attributes()) {
      g.writeStartObject();
      g.writeStringField("name", a.name());
      g.writeStringField("type", a.type().wireName());
      if (a.maxLength() != null) {
        g.writeStringField("maxLength", String.valueOf(a.maxLength()));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("collection");
    g.writeArrayFieldStart("finders");
    g.writeStartObject();
    g.writeStringField("name", "PrimaryKey");
    g.writeArrayFieldStart("attributes");
    for (String k : def.keyAttributes()) {
      g.writeStartObject();
      g.writeStringField("name", k);
      g.writeStringField("type", def.attribute(k).type().wireName());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    if (!def.children().isEmpty()) {
      g.writeObjectFieldStart("children");
      for (Map.Entry<String, ResourceDef.ChildDef> c : def.children().entrySet()) {
        g.writeFieldName(c.getKey());
        minimalBody(g, c.getValue().def());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void body(JsonGenerator g, ResourceDef def, String collectionHref, boolean topLevel)
      throws IOException {
    g.writeStartObject();
    if (topLevel) {
      g.writeBooleanField("discrColumnType", false);
    }
    g.writeStringField("title", def.title());
    g.writeStringField("titlePlural", def.titlePlural());
    g.writeArrayFieldStart("attributes");
    for (Attr a : def.attributes()) {
      attribute(g, a, true);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("collection");
    g.writeNumberField("rangeSize", 25);
    g.writeArrayFieldStart("finders");
    for (Finder f : def.finders()) {
      g.writeStartObject();
      g.writeStringField("name", f.name());
      if (!f.name().equals("PrimaryKey")) {
        g.writeStringField("title", f.title());
      }
      g.writeArrayFieldStart("attributes");
      for (String n : f.attributes()) {
        attribute(g, def.attribute(n), false);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("links");
    ItemWriter.link(g, "self", collectionHref, "self", "collection");
    g.writeEndObject();
    g.writeEndArray();
    g.writeArrayFieldStart("actions");
    action(g, "get", "GET", null, List.of("application/json", "application/vnd.oracle.adf.resourcecollection+json"));
    action(g, "create", "POST", List.of("application/vnd.oracle.adf.resourceitem+json"),
        List.of("application/json", "application/vnd.oracle.adf.resourceitem+json"));
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("item");
    g.writeArrayFieldStart("links");
    String itemHref = collectionHref + "/{id}";
    ItemWriter.link(g, "self", itemHref, "self", "item");
    g.writeEndObject();
    ItemWriter.link(g, "canonical", itemHref, "canonical", "item");
    g.writeEndObject();
    for (Map.Entry<String, ResourceDef.ChildDef> c : def.children().entrySet()) {
      ItemWriter.link(g, "child", itemHref + "/child/" + c.getKey(), c.getKey(), "collection");
      g.writeObjectFieldStart("cardinality");
      g.writeStringField("value", "1 to *");
      g.writeStringField("sourceAttributes", c.getValue().sourceAttribute());
      g.writeStringField("destinationAttributes", c.getValue().destinationAttribute());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("actions");
    action(g, "get", "GET", null, null);
    action(g, "update", "PATCH", null, null);
    action(g, "replace", "PUT", null, null);
    action(g, "delete", "DELETE", null, null);
    g.writeEndArray();
    g.writeEndObject();
    if (!def.children().isEmpty()) {
      g.writeObjectFieldStart("children");
      for (Map.Entry<String, ResourceDef.ChildDef> c : def.children().entrySet()) {
        g.writeFieldName(c.getKey());
        body(g, c.getValue().def(), collectionHref + "/{id}/child/" + c.getKey(), false);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void attribute(JsonGenerator g, Attr a, boolean full) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", a.name());
    g.writeStringField("type", a.type().wireName());
    g.writeBooleanField("updatable", a.updatable());
    g.writeBooleanField("mandatory", a.mandatory());
    g.writeBooleanField("queryable", a.queryable());
    if (full) {
      g.writeStringField("allowChanges", a.updatable() ? "always" : "never");
    }
    if (a.precision() != null) {
      g.writeNumberField("precision", a.precision());
    }
    if (a.maxLength() != null) {
      g.writeStringField("maxLength", String.valueOf(a.maxLength()));
    }
    if (a.scale() != null && a.type() == AttrType.NUMBER) {
      g.writeNumberField("scale", a.scale());
    }
    if (full) {
      g.writeStringField("title", a.title());
      if (a.description() != null) {
        g.writeObjectFieldStart("annotations");
        g.writeStringField("description", a.description());
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  private static void action(JsonGenerator g, String name, String method, List<String> req, List<String> resp)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("method", method);
    if (req != null) {
      g.writeArrayFieldStart("requestType");
      for (String s : req) {
        g.writeString(s);
      }
      g.writeEndArray();
    }
    if (resp != null) {
      g.writeArrayFieldStart("responseType");
      for (String s : resp) {
        g.writeString(s);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * The catalog. {@code list}: per resource its titles and a describe link; {@code minimal}: plus the
   * attribute names and types and the child names.
   */
  static void catalog(JsonGenerator g, List<ResourceDef> defs, String apiBase, boolean minimal) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Resources");
    for (ResourceDef def : defs) {
      g.writeObjectFieldStart(def.name());
      g.writeStringField("title", def.title());
      g.writeStringField("titlePlural", def.titlePlural());
      if (minimal) {
        g.writeArrayFieldStart("attributes");
        for (Attr a : def.attributes()) {
          g.writeStartObject();
          g.writeStringField("name", a.name());
          g.writeStringField("type", a.type().wireName());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("children");
        for (String c : def.children().keySet()) {
          g.writeString(c);
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("links");
      ItemWriter.link(g, "describe", apiBase + "/" + def.name() + "/describe", "describe", "describe");
      g.writeEndObject();
      ItemWriter.link(g, "self", apiBase + "/" + def.name(), def.name(), "collection");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** {@code GET /{root}/resources/}: the version list (contract §1.1). */
  static void versions(JsonGenerator g, String rootBase, int defaultFramework) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("items");
    g.writeStartObject();
    g.writeStringField("version", RestHandler.VERSION);
    g.writeBooleanField("isLatest", true);
    g.writeObjectFieldStart("adf:extension");
    g.writeStringField("defaultFrameworkVersion", String.valueOf(defaultFramework));
    g.writeArrayFieldStart("allowedFrameworkVersions");
    for (int v = 1; v <= 9; v++) {
      g.writeString(String.valueOf(v));
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("links");
    ItemWriter.link(g, "self", rootBase + "/" + RestHandler.VERSION, RestHandler.VERSION, "item");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }
}
