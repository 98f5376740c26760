package org.fusionjdbc.client.describe;

import java.util.Objects;
import java.util.OptionalInt;

/** One attribute of a resource, from describe. Optional facts are empty when describe does not give them. */
public record AttributeDescription(String name, AttributeType type, String title, String description,
    OptionalInt maxLength, OptionalInt precision, OptionalInt scale, boolean queryable, boolean updatable,
    boolean mandatory) {

  public AttributeDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(maxLength, "maxLength");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(scale, "scale");
  }
}
