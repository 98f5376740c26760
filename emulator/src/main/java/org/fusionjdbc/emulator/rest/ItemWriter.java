package org.fusionjdbc.emulator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fusionjdbc.emulator.data.Attr;
import org.fusionjdbc.emulator.data.AttrType;
import org.fusionjdbc.emulator.data.ItemIds;
import org.fusionjdbc.emulator.data.ResourceDef;

/** Writes items (attributes, expanded children, links) straight to a JsonGenerator. */
final class ItemWriter {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
  private static final String CHANGE_PREFIX = "ACED0005737200136A6176612E7574696C2E41727261794C697374";

  private ItemWriter() {}

  /**
   * @param itemHref the item's URL
   * @param children child rows by accessor (only called for included children)
   */
  static void item(JsonGenerator g, Ctx ctx, ResourceDef def, Object[] row, Projection proj, String itemHref,
      Function<String, List<Object[]>> children) throws IOException {
    g.writeStartObject();
    int rowHash = ctx.observedValues() ? Arrays.deepHashCode(row) : 0;
    for (int i : proj.attributes()) {
      Attr a = def.attributes().get(i);
      g.writeFieldName(a.name());
      if (ctx.observedValues() && !def.keyAttributes().contains(a.name())) {
        ObservedValues.write(g, row[i], a.type() == AttrType.INTEGER || a.type() == AttrType.NUMBER, rowHash + i);
      } else {
        value(g, row[i], ctx.datetimeMillis());
      }
    }
    for (Map.Entry<String, int[]> c : proj.children().entrySet()) {
      ResourceDef cdef = def.children().get(c.getKey()).def();
      List<Object[]> rows = children.apply(c.getKey());
      int n = Math.min(rows.size(), ctx.childLimit());
      String childHref = itemHref + "/child/" + c.getKey();
      Projection cp = new Projection(c.getValue(), Map.of());
      g.writeFieldName(c.getKey());
      if (ctx.framework() >= 3) {
        g.writeStartObject();
        g.writeFieldName("items");
      }
      g.writeStartArray();
      for (Object[] r : rows.subList(0, n)) {
        item(g, ctx, cdef, r, cp, childHref + "/" + ItemIds.idOf(cdef, r), k -> List.of());
      }
      g.writeEndArray();
      if (ctx.framework() >= 3) {
        g.writeNumberField("count", n);
        g.writeBooleanField("hasMore", rows.size() > n);
        g.writeNumberField("limit", ctx.childLimit());
        g.writeNumberField("offset", 0);
        // as on real pods, a nested collection keeps its links under onlyData=true: its self href is how a
        // client reaches the rest of a parent's children without building the item URL itself
        collectionLinks(g, ctx, childHref, c.getKey());
        g.writeEndObject();
      }
    }
    if (ctx.writeLinks()) {
      g.writeArrayFieldStart("links");
      if (ctx.rel("self")) {
        link(g, "self", itemHref, def.name(), "item");
        g.writeObjectFieldStart("properties");
        g.writeStringField("changeIndicator", CHANGE_PREFIX + String.format("%08X", Arrays.deepHashCode(row)));
        g.writeEndObject();
        g.writeEndObject();
      }
      if (ctx.rel("canonical")) {
        link(g, "canonical", itemHref, def.name(), "item");
        g.writeEndObject();
      }
      if (ctx.rel("child")) {
        for (String c : def.children().keySet()) {
          link(g, "child", itemHref + "/child/" + c, c, "collection");
          g.writeEndObject();
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Starts a link object (caller ends it, so it can add properties). */
  static void link(JsonGenerator g, String rel, String href, String name, String kind) throws IOException {
    g.writeStartObject();
    g.writeStringField("rel", rel);
    g.writeStringField("href", href);
    g.writeStringField("name", name);
    g.writeStringField("kind", kind);
  }

  static void collectionLinks(JsonGenerator g, Ctx ctx, String href, String name) throws IOException {
    g.writeArrayFieldStart("links");
    if (ctx.rel("self")) {
      link(g, "self", href, name, "collection");
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void value(JsonGenerator g, Object v, boolean millis) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d.toPlainString());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof OffsetDateTime t) {
      g.writeString((millis ? MILLIS : SECONDS).format(t));
    } else if (v instanceof LocalDate d) {
      g.writeString(d.toString());
    } else {
      g.writeString(v.toString());
    }
  }
}
