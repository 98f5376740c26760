package org.fusionjdbc.emulator.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emulator's data: every resource, deterministic from the seed. Rows are computed on demand; only
 * test mutations ({@link #insert}, {@link #delete}) are stored. Values in rows are Java objects by
 * attribute type: integer → {@link Long}, number → {@link BigDecimal}, string → {@link String}, date →
 * {@link LocalDate}, datetime → {@link OffsetDateTime} (UTC, whole seconds), boolean → {@link Boolean};
 * null is null. Thread-safe.
 */
public final class DataSet {
  /** The context roots served; crmRestApi exists but has no resources. */
  public static final List<String> ROOTS = List.of("fscmRestApi", "hcmRestApi", "crmRestApi");

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final boolean hashItemIds;

  /** @param rows size of the big resources (invoices, purchaseOrders, expenses) */
  public DataSet(long seed, int rows) {
    this(seed, rows, false, 0);
  }

  /**
   * @param rows size of the big resources (invoices, purchaseOrders, expenses)
   * @param hashItemIds every top-level item id is a minted hex key (see {@link ItemIds})
   * @param keyClusterGap when above 0, the upper half of the invoices' keys lies this far above the lower half
   */
  public DataSet(long seed, int rows, boolean hashItemIds, long keyClusterGap) {
    this.hashItemIds = hashItemIds;
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    for (Table t : List.of(FscmResources.invoices(seed, rows).clustered(keyClusterGap), FscmResources.suppliers(seed),
        ProcurementResources.purchaseOrders(seed, rows), ProcurementResources.receipts(seed),
        ProcurementResources.expenses(seed, rows), HcmResources.workers(seed), HcmResources.departments(seed),
        HcmResources.locations(seed))) {
      tables.put(t.name(), t);
    }
  }

  /** Resource names under a context root, in catalog order (empty for unknown roots). */
  public List<String> resourceNames(String root) {
    List<String> out = new ArrayList<>();
    for (Table t : tables.values()) {
      if (t.root().equals(root)) {
        out.add(t.name());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** All resource names across roots. */
  public List<String> resourceNames() {
    return List.copyOf(tables.keySet());
  }

  /** @return the table, or null when unknown (names are case-sensitive) */
  public Table table(String resource) {
    return tables.get(resource);
  }

  private Table require(String resource) {
    Table t = tables.get(resource);
    if (t == null) {
      throw new IllegalArgumentException("unknown resource '" + resource + "'; known: " + tables.keySet());
    }
    return t;
  }

  /** The table serving {@code resource} under {@code root}, or null. */
  public Table table(String root, String resource) {
    Table t = tables.get(resource);
    return t != null && t.root().equals(root) ? t : null;
  }

  /** Every live row of a resource, in key order, as attribute name → value (for test oracles). */
  public List<Map<String, Object>> rows(String resource) {
    Table t = require(resource);
    List<Map<String, Object>> out = new ArrayList<>();
    int limit = t.indexLimit();
    for (int i = 0; i < limit; i++) {
      Object[] row = t.row(i);
      if (row != null) {
        out.add(asMap(t.def(), row));
      }
    }
    return out;
  }

  /** Child rows of the row with first key {@code key}, as attribute name → value. */
  public List<Map<String, Object>> children(String resource, long key, String child) {
    Table t = require(resource);
    ResourceDef.ChildDef cd = t.def().children().get(child);
    if (cd == null) {
      throw new IllegalArgumentException("unknown child '" + child + "' of " + resource);
    }
    int i = t.indexOfKey(key);
    if (i < 0) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] r : t.children(child, i, t.row(i))) {
      out.add(asMap(cd.def(), r));
    }
    return out;
  }

  /** The URL id of the row whose first key is {@code key} (minted hex for composite keys), or null. */
  public String itemId(String resource, long key) {
    Table t = require(resource);
    int i = t.indexOfKey(key);
    return i < 0 ? null : itemId(t.def(), t.row(i));
  }

  /** The URL id of a top-level row of {@code def}. */
  public String itemId(ResourceDef def, Object[] row) {
    return ItemIds.idOf(def, row, hashItemIds);
  }

  /** Index of the live row a URL id names, or -1 (unknown, malformed, or a hex key never minted). */
  public int indexOfItemId(Table t, String id) {
    ResourceDef def = t.def();
    if (def.keyAttributes().size() == 1 && !hashItemIds) {
      long key;
      try {
        key = Long.parseLong(id);
      } catch (NumberFormatException e) {
        return -1;
      }
      return t.indexOfKey(key);
    }
    long[] parts = ItemIds.decodeComposite(id);
    if (parts == null) {
      return -1;
    }
    if (def.keyAttributes().size() == 1) {
      return parts[1] == ItemIds.check(parts[0]) ? t.indexOfKey(parts[0]) : -1;
    }
    int i = t.indexOfKey(parts[0]);
    if (i < 0) {
      return -1;
    }
    Object second = t.row(i)[def.indexOf(def.keyAttributes().get(1))];
    return second instanceof LocalDate d && d.toEpochDay() == parts[1] ? i : -1;
  }

  /**
   * Appends a row. Missing attributes are null; when the first key is missing, the next key above the
   * maximum is assigned. Values must have the Java types listed in the class comment.
   *
   * @return the first key of the new row
   */
  public long insert(String resource, Map<String, ?> values) {
    Table t = require(resource);
    ResourceDef def = t.def();
    Object[] row = new Object[def.attributes().size()];
    for (Map.Entry<String, ?> e : values.entrySet()) {
      int k = def.indexOf(e.getKey());
      if (k < 0) {
        throw new IllegalArgumentException("unknown attribute '" + e.getKey() + "' of " + resource);
      }
      row[k] = checkType(def.attributes().get(k), e.getValue());
    }
    int keyIdx = def.indexOf(def.keyAttributes().get(0));
    synchronized (t) {
      if (row[keyIdx] == null) {
        row[keyIdx] = t.nextKey();
      }
      for (String k : def.keyAttributes()) {
        Objects.requireNonNull(row[def.indexOf(k)], () -> "key attribute " + k + " must be given");
      }
      t.append(row);
    }
    return (Long) row[keyIdx];
  }

  /** Deletes the row with first key {@code key}. @return whether a live row was deleted */
  public boolean delete(String resource, long key) {
    Table t = require(resource);
    return t.delete(t.indexOfKey(key));
  }

  static Map<String, Object> asMap(ResourceDef def, Object[] row) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < row.length; i++) {
      m.put(def.attributes().get(i).name(), row[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Object checkType(Attr a, Object v) {
    if (v == null) {
      return null;
    }
    Class<?> want = switch (a.type()) {
      case STRING -> String.class;
      case INTEGER -> Long.class;
      case NUMBER -> BigDecimal.class;
      case DATE -> LocalDate.class;
      case DATETIME -> OffsetDateTime.class;
      case BOOLEAN -> Boolean.class;
    };
    if (v instanceof Integer n && want == Long.class) {
      return n.longValue();
    }
    if (!want.isInstance(v)) {
      throw new IllegalArgumentException("attribute " + a.name() + " needs a " + want.getSimpleName() + ", got "
          + v.getClass().getSimpleName());
    }
    return v;
  }
}
