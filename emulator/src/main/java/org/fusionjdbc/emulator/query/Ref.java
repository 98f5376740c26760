package org.fusionjdbc.emulator.query;

import org.fusionjdbc.emulator.data.Attr;

/**
 * An attribute reference in q: {@code Attr}, {@code child.Attr}, or (permissive only) {@code UPPER(Attr)}.
 *
 * @param child the child accessor, or null for an attribute of the row itself
 * @param index the attribute's position in its resource's row
 * @param function {@code UPPER}, {@code LOWER} or null
 */
public record Ref(String child, int index, Attr attr, String function) {
  Object read(Object[] row) {
    Object v = row[index];
    if (function != null && v instanceof String s) {
      return function.equals("UPPER") ? s.toUpperCase(java.util.Locale.ROOT) : s.toLowerCase(java.util.Locale.ROOT);
    }
    return v;
  }

  String display() {
    String n = child == null ? attr.name() : child + "." + attr.name();
    return function == null ? n : function + "(" + n + ")";
  }
}
