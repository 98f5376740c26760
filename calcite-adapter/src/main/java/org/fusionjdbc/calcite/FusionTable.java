package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.ResourceDescription;

/**
 * A Fusion resource (or a child collection, as table {@code <parent>_<child>}) as a SQL table. Described
 * on first use; the describe is cached by the client. Public for the driver's DatabaseMetaData.
 */
public final class FusionTable extends AbstractTable implements TranslatableTable {

  /**
   * How a child table hangs off its parent: {@code parentColumns} of table {@code parentTable} equal
   * {@code childColumns} of this table (the child's leading columns carry the parent key).
   */
  public record ParentLink(String parentTable, List<String> parentColumns, List<String> childColumns) {
    public ParentLink {
      Objects.requireNonNull(parentTable, "parentTable");
      parentColumns = List.copyOf(parentColumns);
      childColumns = List.copyOf(childColumns);
    }
  }

  private final FusionClient client;
  private final String contextRoot;
  private final String parentResource;
  private final String child;
  private final AdapterOptions options;
  private volatile List<FusionColumn> columns;
  private volatile boolean described;

  FusionTable(FusionClient client, String contextRoot, String resource, String child, AdapterOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.contextRoot = Objects.requireNonNull(contextRoot, "contextRoot");
    this.parentResource = Objects.requireNonNull(resource, "resource");
    this.child = child;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The table's name in SQL: the resource name, or {@code <parent>_<child>}. */
  public String tableName() {
    return child == null ? parentResource : parentResource + "_" + child;
  }

  /** The REST context root, e.g. {@code fscmRestApi}. */
  public String contextRoot() {
    return contextRoot;
  }

  /** The top-level resource name as Fusion spells it (for a child table: the parent resource). */
  public String resourceName() {
    return parentResource;
  }

  /** The child accessor name for a child table. */
  public Optional<String> childName() {
    return Optional.ofNullable(child);
  }

  /** Describe of this table's rows: the resource's, or for a child table the child's (one network call at most). */
  public ResourceDescription description() {
    ResourceDescription parent = parentDescription();
    return child == null ? parent : childDescription(parent).resource();
  }

  /** Describe of the top-level resource. */
  ResourceDescription parentDescription() {
    ResourceDescription d = client.describe(contextRoot, parentResource);
    described = true;
    return d;
  }

  private ChildDescription childDescription(ResourceDescription parent) {
    ChildDescription c = parent.children().get(child);
    if (c == null) {
      throw new IllegalStateException("resource " + parentResource + " has no child " + child);
    }
    return c;
  }

  boolean isDescribed() {
    return described;
  }

  /** Key columns: the resource's key; for a child table the parent-key columns followed by the child's key. */
  public List<String> keyColumns() {
    List<String> keys = new ArrayList<>();
    for (FusionColumn c : columns()) {
      if (c.fromParent()) {
        keys.add(c.name());
      }
    }
    for (String k : description().keyAttributes()) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** For a child table: how it joins its parent. */
  public Optional<ParentLink> parentLink() {
    if (child == null) {
      return Optional.empty();
    }
    List<String> parentKey = parentDescription().keyAttributes();
    return Optional.of(new ParentLink(parentResource, parentKey, parentKey));
  }

  public FusionClient client() {
    return client;
  }

  public AdapterOptions options() {
    return options;
  }

  /** Columns in row order. */
  public List<FusionColumn> columns() {
    List<FusionColumn> c = columns;
    if (c == null) {
      c = buildColumns();
      columns = c;
    }
    return c;
  }

  private List<FusionColumn> buildColumns() {
    List<FusionColumn> out = new ArrayList<>();
    ResourceDescription own = description();
    if (child != null) {
      ResourceDescription parent = parentDescription();
      List<String> parentKey = parent.keyAttributes();
      for (int i = 0; i < parentKey.size(); i++) {
        String k = parentKey.get(i);
        if (own.attribute(k).isEmpty()) {
          AttributeDescription a = parent.attribute(k).orElseThrow(
              () -> new IllegalStateException("key attribute " + k + " missing in describe of " + parentResource));
          out.add(new FusionColumn(k, a, true, i, true));
        }
      }
    }
    for (AttributeDescription a : own.attributes()) {
      boolean notNull = a.mandatory() || own.keyAttributes().contains(a.name());
      out.add(new FusionColumn(a.name(), a, false, -1, notNull));
    }
    return List.copyOf(out);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (FusionColumn c : columns()) {
      b.add(c.name(), FusionTypes.toRelType(typeFactory, c.attribute(), c.notNull()));
    }
    return b.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new FusionTableScan(context.getCluster(), relOptTable, this);
  }

  @Override
  public String toString() {
    return "FusionTable{" + contextRoot + ":" + tableName() + "}";
  }
}
