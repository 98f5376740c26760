package org.fusionjdbc.client.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.describe.ResourceDescription;

/**
 * How a {@link QuerySpec} is paged: the row layout on the wire (spec fields, then key attributes the spec
 * lacks), the orderBy with the key as tie-breaker, and whether keyset continuation applies (contract
 * decision 5: one queryable key attribute, and the order is by that key alone), or composite keyset continuation
 * ({@link #sorted()}: the order is one other attribute with the key as tie-breaker). {@link #keysetType()} is the
 * keyset key's type when describe told it, so a value the pod sent as a string still anchors as what it is.
 */
public record ScanPlan(QuerySpec spec, List<String> layout, List<SortKey> orderBy, List<Integer> keyPositions,
    Optional<SortKey> keyset, QDialect dialect, Optional<SortedKeyset> sorted, Optional<AttributeType> keysetType) {

  public ScanPlan {
    Objects.requireNonNull(spec, "spec");
    layout = List.copyOf(layout);
    orderBy = List.copyOf(orderBy);
    keyPositions = List.copyOf(keyPositions);
    Objects.requireNonNull(keyset, "keyset");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(sorted, "sorted");
    Objects.requireNonNull(keysetType, "keysetType");
  }

  /** The same plan for another spec of the same resource and order (a slice of the scan, say). */
  ScanPlan withSpec(QuerySpec other) {
    return new ScanPlan(other, layout, orderBy, keyPositions, keyset, dialect, sorted, keysetType);
  }

  /**
   * The plan for a resource as describe reports it: like {@link #of(QuerySpec, List, Optional, QDialect)}, and a
   * scan ordered by exactly one other queryable attribute of an exact-literal type, then the key, with no offset,
   * gets composite keyset continuation (stable under concurrent changes, no deep offsets).
   */
  public static ScanPlan of(QuerySpec spec, ResourceDescription resource, QDialect dialect) {
    ScanPlan p = of(spec, resource.keyAttributes(), resource.singleQueryableKey(), dialect);
    Optional<AttributeDescription> key = resource.singleQueryableKey();
    if (key.isEmpty() || p.orderBy.size() != 2 || spec.offset() != 0
        || !p.orderBy.get(1).attribute().equals(key.get().name())) {
      return p;
    }
    SortKey sort = p.orderBy.get(0);
    Optional<AttributeDescription> a = resource.attribute(sort.attribute())
        .filter(d -> d.queryable() && SortedKeyset.qualifies(d.type()));
    if (a.isEmpty() || !SortedKeyset.qualifies(key.get().type())) {
      return p;
    }
    List<String> layout = new ArrayList<>(p.layout);
    if (!layout.contains(sort.attribute())) {
      layout.add(sort.attribute()); // read for the continuation only; the stream trims rows to the spec's fields
    }
    SortedKeyset s = new SortedKeyset(sort, a.get().type(), p.orderBy.get(1), key.get().type(),
        layout.indexOf(sort.attribute()), layout.indexOf(key.get().name()));
    return new ScanPlan(spec, layout, p.orderBy, p.keyPositions, p.keyset, dialect, Optional.of(s), p.keysetType);
  }

  /**
   * @param keyAttributes the resource's key (may be empty when describe has no PrimaryKey finder)
   * @param singleKey     describe's {@code singleQueryableKey()}
   */
  public static ScanPlan of(QuerySpec spec, List<String> keyAttributes, Optional<AttributeDescription> singleKey,
      QDialect dialect) {
    if (spec.fields().isEmpty()) {
      throw new IllegalArgumentException("a scan needs at least one field: " + spec);
    }
    List<String> layout = new ArrayList<>(spec.fields());
    for (String k : keyAttributes) {
      if (!layout.contains(k)) {
        layout.add(k);
      }
    }
    List<SortKey> order = new ArrayList<>(spec.orderBy());
    for (String k : keyAttributes) {
      if (order.stream().noneMatch(s -> s.attribute().equals(k))) {
        order.add(SortKey.asc(k));
      }
    }
    List<Integer> keyPositions = keyAttributes.stream().map(layout::indexOf).toList();
    Optional<SortKey> keyset = Optional.empty();
    if (singleKey.isPresent() && order.size() == 1 && order.get(0).attribute().equals(singleKey.get().name())
        && keysetType(singleKey.get().type())) {
      keyset = Optional.of(order.get(0));
    }
    return new ScanPlan(spec, layout, order, keyPositions, keyset, dialect, Optional.empty(),
        keyset.map(k -> singleKey.get().type()));
  }

  /** Types whose values come back as JSON the q literal can reproduce exactly. */
  private static boolean keysetType(AttributeType t) {
    return t == AttributeType.INTEGER || t == AttributeType.NUMBER || t == AttributeType.STRING;
  }

  /** The key values of a row, for the repeated-page guard. */
  List<Object> key(Object[] row) {
    List<Object> key = new ArrayList<>(keyPositions.size());
    keyPositions.forEach(i -> key.add(row[i]));
    return key;
  }

  /** {@code orderBy} parameter value. */
  String orderByParam() {
    StringBuilder sb = new StringBuilder();
    orderBy.forEach(k -> sb.append(sb.length() == 0 ? "" : ",").append(k.render()));
    return sb.toString();
  }

  /** Distinct layout names for the {@code fields} parameter. */
  String fieldsParam() {
    return String.join(",", layout.stream().distinct().toList());
  }
}
