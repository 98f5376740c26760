package org.fusionjdbc.client.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.fusionjdbc.client.error.FusionException;

/**
 * Reads describe JSON (contract §4.2) into the model, tolerantly: {@code maxLength} as string or number,
 * {@code links} as a list or a map keyed by rel, unknown keys ignored. Keys come from the PrimaryKey finder.
 */
public final class DescribeParser {
  private DescribeParser() {
  }

  /** The resource {@code name} from a {@code GET .../{name}/describe} document. */
  public static ResourceDescription parse(JsonNode root, String name) {
    JsonNode resources = root.path("Resources");
    JsonNode node = resources.get(name);
    if (node == null && resources.isObject() && resources.size() == 1) {
      node = resources.elements().next();
    }
    if (node == null || !node.isObject()) {
      throw FusionException.of(FusionException.Kind.PROTOCOL,
          "the describe document has no Resources." + name + " entry; is '" + name + "' a resource name?");
    }
    return parseResource(name, node);
  }

  /** Resource names from a {@code describe?metadataMode=list} document: Resources keys, items or hrefs. */
  public static List<String> resourceNames(JsonNode root) {
    return catalogNames(root).orElse(List.of());
  }

  /**
   * Resource names from a catalog document ({@code metadataMode=list} or {@code minimal}), or empty when the
   * document has none of the shapes the driver knows: a {@code Resources} object keyed by name (or an array of
   * objects with a name), an {@code items} array of names or hrefs, or {@code links} to collections. A known shape
   * with no entries is an empty list, not unknown.
   */
  public static java.util.Optional<List<String>> catalogNames(JsonNode root) {
    if (root == null || !root.isObject()) {
      return java.util.Optional.empty();
    }
    boolean known = false;
    Set<String> names = new LinkedHashSet<>();
    JsonNode resources = root.has("Resources") ? root.path("Resources") : root.path("resources");
    if (resources.isObject()) {
      known = true;
      resources.fieldNames().forEachRemaining(names::add);
    } else if (resources.isArray()) {
      known = true;
      for (JsonNode r : resources) {
        if (r.hasNonNull("name")) {
          names.add(r.get("name").asText());
        } else if (r.isTextual()) {
          names.add(r.asText());
        }
      }
    }
    known |= root.path("items").isArray();
    for (JsonNode item : iterable(root.path("items"))) {
      if (item.hasNonNull("name")) {
        names.add(item.get("name").asText());
      } else {
        addFromHref(names, item.path("href").asText(null));
      }
    }
    for (JsonNode link : links(root.path("links"))) {
      if ("child".equals(link.path("rel").asText()) || "collection".equals(link.path("kind").asText())) {
        addFromHref(names, link.path("href").asText(null));
      }
    }
    return known || !names.isEmpty() ? java.util.Optional.of(List.copyOf(names)) : java.util.Optional.empty();
  }

  private static void addFromHref(Set<String> names, String href) {
    if (href == null || href.isEmpty()) {
      return;
    }
    String h = href.replaceAll("/+$", "");
    if (h.endsWith("/describe")) {
      h = h.substring(0, h.length() - "/describe".length());
    }
    names.add(h.substring(h.lastIndexOf('/') + 1));
  }

  static ResourceDescription parseResource(String name, JsonNode node) {
    List<AttributeDescription> attributes = new ArrayList<>();
    for (JsonNode a : iterable(node.path("attributes"))) {
      attributes.add(attribute(a));
    }
    List<FinderDescription> finders = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (JsonNode f : iterable(node.path("collection").path("finders"))) {
      List<AttributeDescription> fa = new ArrayList<>();
      for (JsonNode a : iterable(f.path("attributes"))) {
        fa.add(attribute(a));
      }
      FinderDescription finder = new FinderDescription(f.path("name").asText(), text(f, "title"), fa);
      finders.add(finder);
      if (finder.name().equals("PrimaryKey")) {
        fa.forEach(a -> keys.add(a.name()));
      }
    }
    Map<String, JsonNode> childLinks = new LinkedHashMap<>();
    for (JsonNode link : links(node.path("item").path("links"))) {
      if ("child".equals(link.path("rel").asText()) && link.hasNonNull("name")) {
        childLinks.put(link.get("name").asText(), link);
      }
    }
    Map<String, ChildDescription> children = new LinkedHashMap<>();
    JsonNode childNodes = node.path("children");
    if (childNodes.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = childNodes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode cardinality = childLinks.getOrDefault(e.getKey(), com.fasterxml.jackson.databind.node.MissingNode.getInstance()).path("cardinality");
        children.put(e.getKey(), new ChildDescription(e.getKey(), parseResource(e.getKey(), e.getValue()),
            names(cardinality.path("sourceAttributes")), names(cardinality.path("destinationAttributes"))));
      }
    }
    return new ResourceDescription(name, text(node, "title"), attributes, keys, finders, children);
  }

  private static AttributeDescription attribute(JsonNode a) {
    String name = a.path("name").asText(null);
    if (name == null) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "describe lists an attribute without a name: " + a);
    }
    String description = text(a.path("annotations"), "description");
    return new AttributeDescription(name, AttributeType.fromDescribe(text(a, "type")), text(a, "title"),
        description, integer(a.get("maxLength")), integer(a.get("precision")), integer(a.get("scale")),
        a.path("queryable").asBoolean(false), a.path("updatable").asBoolean(false),
        a.path("mandatory").asBoolean(false));
  }

  /** {@code "50"} or {@code 50}; anything else (absent, "", "unbounded") is unknown. */
  private static OptionalInt integer(JsonNode n) {
    if (n == null || n.isNull()) {
      return OptionalInt.empty();
    }
    if (n.canConvertToInt() && n.isIntegralNumber()) {
      return OptionalInt.of(n.intValue());
    }
    try {
      return OptionalInt.of(Integer.parseInt(n.asText().trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** {@code "A,B"} or {@code ["A","B"]}. */
  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else if (n.isTextual()) {
      for (String s : n.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  /** Links as a list, or the older map keyed by rel (value an object or a list). */
  private static List<JsonNode> links(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        for (JsonNode l : e.getValue().isArray() ? iterable(e.getValue()) : List.of(e.getValue())) {
          if (l.isObject() && !l.has("rel")) {
            out.add(((com.fasterxml.jackson.databind.node.ObjectNode) l.deepCopy()).put("rel", e.getKey()));
          } else {
            out.add(l);
          }
        }
      });
    }
    return out;
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    return n.isArray() ? n : List.of();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
