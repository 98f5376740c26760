package org.fusionjdbc.client.describe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource as describe reports it: attributes in definition order, the key attributes (from the
 * {@code PrimaryKey} finder), finders and child collections.
 */
public record ResourceDescription(String name, String title, List<AttributeDescription> attributes,
    List<String> keyAttributes, List<FinderDescription> finders, Map<String, ChildDescription> children) {

  public ResourceDescription {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
    keyAttributes = List.copyOf(keyAttributes);
    finders = List.copyOf(finders);
    children = Map.copyOf(children);
  }

  public Optional<AttributeDescription> attribute(String attributeName) {
    return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
  }

  /** The single key attribute when the key is one queryable attribute, which allows keyset paging. */
  public Optional<AttributeDescription> singleQueryableKey() {
    if (keyAttributes.size() != 1) {
      return Optional.empty();
    }
    return attribute(keyAttributes.get(0)).filter(AttributeDescription::queryable);
  }
}
