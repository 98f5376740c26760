package org.fusionjdbc.client.describe;

import java.util.List;
import java.util.Objects;

/** A named finder and its bind attributes; {@code PrimaryKey} lists the key attributes. */
public record FinderDescription(String name, String title, List<AttributeDescription> attributes) {
  public FinderDescription {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
  }
}
