package org.fusionjdbc.emulator.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shape of a resource or child resource: attributes in definition order (which is also the JSON
 * order), key attributes, finders and child accessors.
 */
public final class ResourceDef {
  private final String name;
  private final String title;
  private final String titlePlural;
  private final List<Attr> attributes;
  private final Map<String, Integer> indexByName;
  private final List<String> keyAttributes;
  private final List<Finder> finders;
  private final Map<String, ChildDef> children;

  /** A child accessor: the child's shape and the join attributes shown in describe's cardinality. */
  public record ChildDef(ResourceDef def, String sourceAttribute, String destinationAttribute) {
    public ChildDef {
      Objects.requireNonNull(def, "def");
    }
  }

  private ResourceDef(Builder b) {
    this.name = b.name;
    this.title = b.title;
    this.titlePlural = b.titlePlural;
    this.attributes = List.copyOf(b.attributes);
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < attributes.size(); i++) {
      if (idx.put(attributes.get(i).name(), i) != null) {
        throw new IllegalArgumentException("duplicate attribute " + attributes.get(i).name() + " in " + name);
      }
    }
    this.indexByName = Map.copyOf(idx);
    this.keyAttributes = List.copyOf(b.keys);
    for (String k : keyAttributes) {
      if (!idx.containsKey(k)) {
        throw new IllegalArgumentException("key " + k + " is not an attribute of " + name);
      }
    }
    List<Finder> f = new ArrayList<>();
    f.add(new Finder("PrimaryKey", "PrimaryKey", keyAttributes));
    f.addAll(b.finders);
    this.finders = List.copyOf(f);
    this.children = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.children));
  }

  public static Builder builder(String name, String title, String titlePlural) {
    return new Builder(name, title, titlePlural);
  }

  public String name() {
    return name;
  }

  public String title() {
    return title;
  }

  public String titlePlural() {
    return titlePlural;
  }

  public List<Attr> attributes() {
    return attributes;
  }

  /** @return the attribute's position, or -1 when there is no such attribute (names are case-sensitive) */
  public int indexOf(String attribute) {
    Integer i = indexByName.get(attribute);
    return i == null ? -1 : i;
  }

  public Attr attribute(String attribute) {
    int i = indexOf(attribute);
    return i < 0 ? null : attributes.get(i);
  }

  public List<String> keyAttributes() {
    return keyAttributes;
  }

  /** True when the key is one integer attribute, shown in URLs as the plain number. */
  public boolean hasSimpleKey() {
    return keyAttributes.size() == 1 && attribute(keyAttributes.get(0)).type() == AttrType.INTEGER;
  }

  public List<Finder> finders() {
    return finders;
  }

  public Finder finder(String finderName) {
    return finders.stream().filter(f -> f.name().equals(finderName)).findFirst().orElse(null);
  }

  public Map<String, ChildDef> children() {
    return children;
  }

  /** Builder. */
  public static final class Builder {
    private final String name;
    private final String title;
    private final String titlePlural;
    private final List<Attr> attributes = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<Finder> finders = new ArrayList<>();
    private final Map<String, ChildDef> children = new LinkedHashMap<>();

    private Builder(String name, String title, String titlePlural) {
      this.name = Objects.requireNonNull(name, "name");
      this.title = Objects.requireNonNull(title, "title");
      this.titlePlural = Objects.requireNonNull(titlePlural, "titlePlural");
    }

    public Builder attr(Attr a) {
      attributes.add(a);
      return this;
    }

    public Builder key(String... keyNames) {
      keys.addAll(List.of(keyNames));
      return this;
    }

    public Builder finder(String finderName, String finderTitle, String... vars) {
      finders.add(new Finder(finderName, finderTitle, List.of(vars)));
      return this;
    }

    public Builder child(String accessor, ResourceDef def, String source, String destination) {
      children.put(accessor, new ChildDef(def, source, destination));
      return this;
    }

    public ResourceDef build() {
      return new ResourceDef(this);
    }
  }
}
