package org.fusionjdbc.calcite;

import java.util.Objects;
import org.fusionjdbc.client.describe.AttributeDescription;

/**
 * One column of a {@link FusionTable}: an attribute of the table's resource, or (on a child table) a key
 * attribute of the parent. Internal to the adapter; public for its subpackages.
 *
 * @param name column name as SQL sees it (the attribute name)
 * @param attribute describe facts (for a parent-key column: the parent's attribute)
 * @param fromParent true when the value is not in the child's rows but comes from the parent item
 * @param parentKeyIndex index into the parent's key attributes when this column carries the parent key, else -1
 * @param notNull whether the column is declared NOT NULL
 */
public record FusionColumn(String name, AttributeDescription attribute, boolean fromParent, int parentKeyIndex,
    boolean notNull) {

  public FusionColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attribute, "attribute");
    if (fromParent && parentKeyIndex < 0) {
      throw new IllegalArgumentException("a column from the parent must be a parent key: " + name);
    }
  }

  /** Whether describe allows this attribute in q (and orderBy). */
  public boolean queryable() {
    return attribute.queryable();
  }
}
