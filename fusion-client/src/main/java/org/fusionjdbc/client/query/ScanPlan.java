package org.fusionjdbc.client.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;

/**
 * How a {@link QuerySpec} is paged: the row layout on the wire (spec fields, then key attributes the spec
 * lacks), the orderBy with the key as tie-breaker, and whether keyset continuation applies (contract
 * decision 5: one queryable key attribute, and the order is by that key alone).
 */
public record ScanPlan(QuerySpec spec, List<String> layout, List<SortKey> orderBy, List<Integer> keyPositions,
    Optional<SortKey> keyset, QDialect dialect) {

  public ScanPlan {
    Objects.requireNonNull(spec, "spec");
    layout = List.copyOf(layout);
    orderBy = List.copyOf(orderBy);
    keyPositions = List.copyOf(keyPositions);
    Objects.requireNonNull(keyset, "keyset");
    Objects.requireNonNull(dialect, "dialect");
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
    return new ScanPlan(spec, layout, order, keyPositions, keyset, dialect);
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
