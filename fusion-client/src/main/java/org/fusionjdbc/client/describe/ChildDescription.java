package org.fusionjdbc.client.describe;

import java.util.List;
import java.util.Objects;

/**
 * A child collection of a resource ({@code invoiceLines} of {@code invoices}) with the link's cardinality
 * attributes: {@code sourceAttributes} on the parent equal {@code destinationAttributes} on the child.
 */
public record ChildDescription(String name, ResourceDescription resource, List<String> sourceAttributes,
    List<String> destinationAttributes) {

  public ChildDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resource, "resource");
    sourceAttributes = List.copyOf(sourceAttributes);
    destinationAttributes = List.copyOf(destinationAttributes);
  }
}
