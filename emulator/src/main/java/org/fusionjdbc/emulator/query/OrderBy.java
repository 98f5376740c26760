package org.fusionjdbc.emulator.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fusionjdbc.emulator.data.ResourceDef;

/** {@code orderBy=A:asc,B:desc}: Oracle order, NULLS LAST ascending and NULLS FIRST descending. */
public record OrderBy(List<Key> keys) {
  /** One sort key. */
  public record Key(int index, String name, boolean descending) {}

  public OrderBy {
    keys = List.copyOf(keys);
  }

  public static OrderBy parse(String text, ResourceDef def) {
    List<Key> keys = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new OrderBy(keys);
    }
    for (String part : text.split(",")) {
      String[] nd = part.strip().split(":", -1);
      String name = nd[0].strip();
      int idx = def.indexOf(name);
      if (idx < 0) {
        throw QueryException.badRequest(QueryException.UNKNOWN_ATTRIBUTE, "Attribute " + name
            + " in the orderBy parameter is not found in resource " + def.name() + ".");
      }
      boolean desc = false;
      if (nd.length == 2) {
        String dir = nd[1].strip();
        if (dir.equalsIgnoreCase("desc")) {
          desc = true;
        } else if (!dir.equalsIgnoreCase("asc")) {
          throw QueryException.badRequest(QueryException.PARAMETER, "Invalid sort direction '" + dir
              + "' for " + name + " in the orderBy parameter; use asc or desc.");
        }
      } else if (nd.length > 2) {
        throw QueryException.badRequest(QueryException.PARAMETER, "Invalid orderBy item '" + part + "'.");
      }
      keys.add(new Key(idx, name, desc));
    }
    return new OrderBy(keys);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Compares two value tuples holding the sort keys' values in key order. */
  public static int compareValues(Object a, Object b, boolean desc) {
    if (a == null || b == null) {
      if (a == b) {
        return 0;
      }
      // Oracle: nulls sort as the largest value (last ascending, first descending).
      return a == null ? 1 * (desc ? -1 : 1) : -1 * (desc ? -1 : 1);
    }
    int r = Values.compare(a, b);
    return desc ? -r : r;
  }

  /** Row comparator (rows as value arrays). */
  public Comparator<Object[]> rowComparator() {
    return (x, y) -> {
      for (Key k : keys) {
        int r = compareValues(x[k.index()], y[k.index()], k.descending());
        if (r != 0) {
          return r;
        }
      }
      return 0;
    };
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Key k : keys) {
      b.append(b.length() == 0 ? "" : ",").append(k.name()).append(k.descending() ? ":desc" : ":asc");
    }
    return b.toString();
  }
}
