package org.fusionjdbc.calcite;

import java.lang.ref.SoftReference;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * Plans of SQL statements already prepared on a connection, so preparing the same text again (a tool's refresh, a
 * pool's validation query, a report re-run) skips parsing, validation and optimisation, which cost as much as the
 * first request itself. Keyed by the connection's root schema (weakly: a closed connection's plans go with it; the
 * plans are held softly, since a signature refers to its root schema and would otherwise keep the key alive),
 * the SQL text, the default schema, the row type Calcite asked for and maxRowCount. A plan holds no values:
 * {@code ?} parameters, relative times and setMaxRows are bound at each execution, and a table's description is
 * fixed for the connection's life once read, so the plan is the one preparing again would build.
 */
final class PlanCache {
  /** Plans kept per connection; the oldest is dropped beyond it. */
  static final int PER_CONNECTION = 64;
  private static final Map<CalciteSchema, Map<Key, SoftReference<Entry>>> CONNECTIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private PlanCache() {
  }

  record Key(String sql, List<String> schemaPath, Type elementType, long maxRowCount) {
  }

  /** A plan (its notes travel inside it, see {@link PlanNotes}). */
  record Entry(CalcitePrepare.CalciteSignature<?> signature) {
  }

  static Key key(CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount) {
    return new Key(sql, List.copyOf(context.getDefaultSchemaPath()), elementType, maxRowCount);
  }

  static Entry get(CalcitePrepare.Context context, Key key) {
    Map<Key, SoftReference<Entry>> plans = CONNECTIONS.get(context.getMutableRootSchema());
    if (plans == null) {
      return null;
    }
    synchronized (plans) {
      SoftReference<Entry> held = plans.get(key);
      return held == null ? null : held.get();
    }
  }

  static void put(CalcitePrepare.Context context, Key key, Entry entry) {
    Map<Key, SoftReference<Entry>> plans = CONNECTIONS.computeIfAbsent(context.getMutableRootSchema(),
        schema -> new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<Entry>> eldest) {
            return size() > PER_CONNECTION;
          }
        });
    synchronized (plans) {
      plans.put(key, new SoftReference<>(entry));
    }
  }
}
