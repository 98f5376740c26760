package org.fusionjdbc.emulator.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One top-level resource: {@code baseSize} generated rows (never materialised) plus an overlay of
 * appended rows and deleted indexes, so tests can mutate it. Row index order is key order: the first
 * key attribute is {@code keyBase + index * keyStep} for generated rows and ascending for appended ones,
 * which lets key bounds map straight to index ranges.
 */
public final class Table {
  private final String root;
  private final ResourceDef def;
  private final long seed;
  private final int baseSize;
  private final long keyBase;
  private final long keyStep;
  /** Added to the keys of the upper half of the generated rows (0: evenly spaced keys); see {@link #clustered}. */
  private final long clusterGap;
  private final RowGenerator generator;
  private final Map<String, ChildGenerator> children;
  private final NavigableSet<Integer> deleted = new ConcurrentSkipListSet<>();
  private final List<Object[]> appended = new ArrayList<>();
  private final AtomicLong version = new AtomicLong();

  Table(String root, ResourceDef def, long seed, int baseSize, long keyBase, long keyStep, RowGenerator generator,
      Map<String, ChildGenerator> children) {
    this.root = Objects.requireNonNull(root, "root");
    this.def = Objects.requireNonNull(def, "def");
    this.seed = seed;
    if (baseSize < 0 || keyStep <= 0) {
      throw new IllegalArgumentException("bad size/step for " + def.name());
    }
    this.baseSize = baseSize;
    this.keyBase = keyBase;
    this.keyStep = keyStep;
    this.clusterGap = 0;
    this.generator = Objects.requireNonNull(generator, "generator");
    this.children = Map.copyOf(children);
    if (def.attribute(def.keyAttributes().get(0)).type() != AttrType.INTEGER) {
      throw new IllegalArgumentException("first key attribute of " + def.name() + " must be an integer");
    }
  }

  private Table(Table t, long clusterGap) {
    this.root = t.root;
    this.def = t.def;
    this.seed = t.seed;
    this.baseSize = t.baseSize;
    this.keyBase = t.keyBase;
    this.keyStep = t.keyStep;
    this.clusterGap = clusterGap;
    this.generator = t.generator;
    this.children = t.children;
  }

  /**
   * The same rows with the keys of the upper half moved up by {@code gap}: two dense clusters far apart, as real
   * Fusion ids are (values around 1e14 and 3e14 in one HCM resource). Key order and row contents stay the same.
   */
  Table clustered(long gap) {
    if (gap < 0) {
      throw new IllegalArgumentException("cluster gap must be >= 0: " + gap);
    }
    return gap == 0 ? this : new Table(this, gap);
  }

  private int clusterFrom() {
    return baseSize / 2;
  }

  /** Context root, e.g. {@code fscmRestApi}. */
  public String root() {
    return root;
  }

  public ResourceDef def() {
    return def;
  }

  public String name() {
    return def.name();
  }

  /** Size of the index space (generated plus appended rows, deleted ones included). */
  public synchronized int indexLimit() {
    return baseSize + appended.size();
  }

  /** Changes on every insert or delete; part of cache keys. */
  public long version() {
    return version.get();
  }

  /** @return the row at {@code index}, or null when it was deleted or is out of range */
  public Object[] row(int index) {
    if (index < 0 || deleted.contains(index)) {
      return null;
    }
    if (index < baseSize) {
      Object[] r = generator.row(seed, index);
      if (clusterGap != 0) {
        r[def.indexOf(def.keyAttributes().get(0))] = keyAt(index);
      }
      return r;
    }
    synchronized (this) {
      int j = index - baseSize;
      return j < appended.size() ? appended.get(j).clone() : null;
    }
  }

  /** The first key attribute's value at an index (deleted rows included). */
  public long keyAt(int index) {
    if (index < baseSize) {
      return keyBase + index * keyStep + (index >= clusterFrom() ? clusterGap : 0);
    }
    synchronized (this) {
      return (Long) appended.get(index - baseSize)[def.indexOf(def.keyAttributes().get(0))];
    }
  }

  /** Smallest index whose first key is {@code >= key} (or {@link #indexLimit()} if none). */
  public int firstIndexWithKeyAtLeast(long key) {
    if (key <= keyBase) {
      return 0;
    }
    long i = (key - keyBase + keyStep - 1) / keyStep;
    if (clusterGap != 0 && i >= clusterFrom()) {
      // past the lower cluster: the key lies in the gap (the upper cluster's first index) or in the upper cluster
      i = Math.max(clusterFrom(), (key - clusterGap - keyBase + keyStep - 1) / keyStep);
    }
    if (i < baseSize) {
      return (int) i;
    }
    synchronized (this) {
      int lo = 0;
      int hi = appended.size();
      int k = def.indexOf(def.keyAttributes().get(0));
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if ((Long) appended.get(mid)[k] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return baseSize + lo;
    }
  }

  /** Index of the live row whose first key equals {@code key}, or -1. */
  public int indexOfKey(long key) {
    int i = firstIndexWithKeyAtLeast(key);
    if (i >= indexLimit() || keyAt(i) != key || deleted.contains(i)) {
      return -1;
    }
    return i;
  }

  /** Number of deleted indexes in [from, to). */
  public int deletedBetween(int from, int to) {
    return from >= to ? 0 : deleted.subSet(from, to).size();
  }

  public boolean hasDeletions() {
    return !deleted.isEmpty();
  }

  /** Child rows of the row at {@code index}; appended rows have none. */
  public List<Object[]> children(String child, int index, Object[] parentRow) {
    ChildGenerator g = children.get(child);
    if (g == null) {
      throw new IllegalArgumentException("no child " + child + " on " + def.name());
    }
    if (index >= baseSize || parentRow == null) {
      return List.of();
    }
    return g.rows(seed, index, parentRow);
  }

  synchronized int append(Object[] row) {
    int k = def.indexOf(def.keyAttributes().get(0));
    long key = (Long) row[k];
    int limit = indexLimit();
    if (limit > 0 && key <= keyAt(limit - 1)) {
      throw new IllegalArgumentException(def.name() + ": inserted key " + key + " must be above the current maximum "
          + keyAt(limit - 1));
    }
    appended.add(row.clone());
    version.incrementAndGet();
    return limit;
  }

  synchronized long nextKey() {
    int limit = indexLimit();
    return limit == 0 ? keyBase : keyAt(limit - 1) + keyStep;
  }

  boolean delete(int index) {
    boolean removed = index >= 0 && index < indexLimit() && deleted.add(index);
    if (removed) {
      version.incrementAndGet();
    }
    return removed;
  }
}
