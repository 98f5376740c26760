package org.fusionjdbc.client.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.http.BodyReader;

/**
 * Streams a collection page with Jackson's parser straight into row arrays laid out as {@code layout}:
 * numbers as Long or BigDecimal (never double), nested objects and arrays as JSON text, unknown attributes
 * and links skipped; page fields are read in whatever order they come.
 */
public final class PageParser implements BodyReader<Page> {
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private final int width;
  private final Map<String, int[]> positions = new HashMap<>();
  private final String child;
  private final PageParser childParser;

  /** {@code layout}: attribute name per row position (a name may repeat). */
  public PageParser(List<String> layout) {
    this(layout, null, null);
  }

  /**
   * A parent page with child collection {@code child} inline (expand): each row gets one extra slot at
   * {@code layout.size()} holding the item's {@link Children}.
   */
  PageParser(List<String> layout, String child, List<String> childLayout) {
    this.child = child;
    this.childParser = child == null ? null : new PageParser(childLayout);
    this.width = layout.size();
    for (int i = 0; i < layout.size(); i++) {
      int[] old = positions.get(layout.get(i));
      int[] now = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
      now[now.length - 1] = i;
      positions.put(layout.get(i), now);
    }
  }

  @Override
  public Page read(InputStream body) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw protocol("the response is not a JSON object");
      }
      return rest(p);
    }
  }

  /** Reads a collection object whose START_OBJECT was just read. */
  Page rest(JsonParser p) throws IOException {
    List<Object[]> rows = null;
    Long count = null;
    Boolean hasMore = null;
    Long limit = null;
    Long offset = null;
    Long total = null;
    String self = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "items" -> rows = items(p);
        case "count" -> count = longOrNull(p, t);
        case "hasMore" -> hasMore = t == JsonToken.VALUE_TRUE ? Boolean.TRUE
            : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        case "limit" -> limit = longOrNull(p, t);
        case "offset" -> offset = longOrNull(p, t);
        case "totalResults" -> total = longOrNull(p, t);
        case "links" -> self = t == JsonToken.START_ARRAY ? selfHref(JSON.readTree(p)) : skip(p);
        default -> p.skipChildren();
      }
    }
    if (rows == null) {
      throw protocol("the response has no items array; is the URL a collection?");
    }
    return new Page(rows, count, hasMore, limit, offset, total, self);
  }

  /** A whole JSON document as a tree, numbers exact (for describe and other small documents). */
  public static JsonNode readTree(InputStream body) throws IOException {
    return JSON.readTree(body);
  }

  @Override
  public long rows(Page result) {
    return result.rows().size();
  }

  private List<Object[]> items(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw protocol("items is not an array");
    }
    List<Object[]> rows = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw protocol("an element of items is not an object");
      }
      rows.add(item(p));
    }
    return rows;
  }

  /** Reads one item object (parser on START_OBJECT) into a row. */
  Object[] item(JsonParser p) throws IOException {
    Object[] row = new Object[child == null ? width : width + 1];
    List<Object[]> childRows = List.of();
    boolean childMore = false;
    String childHref = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      int[] at = positions.get(name);
      JsonToken t = p.nextToken();
      if (child != null && name.equals(child)) {
        if (t == JsonToken.START_ARRAY) {
          childRows = childParser.items(p); // framework 1-2: a bare array
        } else if (t == JsonToken.START_OBJECT) {
          Page nested = childParser.rest(p); // framework 3+: a collection object
          childRows = nested.rows();
          childMore = Boolean.TRUE.equals(nested.hasMore());
          childHref = nested.selfHref();
        } else {
          p.skipChildren();
        }
        continue;
      }
      if (at == null) {
        p.skipChildren();
        continue;
      }
      Object v = value(p, t);
      for (int i : at) {
        row[i] = v;
      }
    }
    if (child != null) {
      row[width] = new Children(childRows, childMore, childHref);
    }
    return row;
  }

  /**
   * The child rows inline in one parent item, whether the nested page said hasMore, and the nested collection's
   * own self href (null when the pod sent none): the address of this parent's children, whatever the item key.
   */
  record Children(List<Object[]> rows, boolean hasMore, String href) {
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static String selfHref(JsonNode links) {
    for (JsonNode l : links) {
      if ("self".equals(l.path("rel").asText())) {
        return l.path("href").asText(null);
      }
    }
    return null;
  }

  static Object value(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT, LONG -> p.getLongValue();
        default -> new BigDecimal(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case START_OBJECT, START_ARRAY -> {
        JsonNode tree = JSON.readTree(p);
        yield JSON.writeValueAsString(tree);
      }
      default -> throw protocol("unexpected JSON token " + t);
    };
  }

  private static Long longOrNull(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(p.getText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    p.skipChildren();
    return null;
  }

  static FusionException protocol(String what) {
    return FusionException.of(FusionException.Kind.PROTOCOL, "Fusion's answer does not follow the REST contract: "
        + what);
  }
}
