package org.fusionjdbc.emulator.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.emulator.data.ResourceDef;
import org.fusionjdbc.emulator.query.QueryException;

/**
 * What to write for each item: {@code fields} (top-level attributes and {@code child:A,B}
 * projections) and {@code expand} ({@code all} or child names). Children named in either are
 * included; a child named only in expand gets all its attributes.
 *
 * @param attributes attribute indexes to write, in definition order (all when fields is absent)
 * @param children included children → attribute indexes of the child (in definition order)
 */
record Projection(int[] attributes, Map<String, int[]> children) {

  static Projection parse(ResourceDef def, String fields, String expand) {
    int[] top = all(def);
    Map<String, int[]> kids = new LinkedHashMap<>();
    if (expand != null && !expand.isBlank()) {
      if (expand.strip().equals("all")) {
        for (String c : def.children().keySet()) {
          kids.put(c, all(def.children().get(c).def()));
        }
      } else {
        for (String c : expand.split(",")) {
          ResourceDef.ChildDef cd = child(def, c.strip(), "expand");
          kids.put(c.strip(), all(cd.def()));
        }
      }
    }
    if (fields != null && !fields.isBlank()) {
      List<Integer> picked = new ArrayList<>();
      for (String segment : fields.split(";")) {
        int colon = segment.indexOf(':');
        if (colon >= 0) {
          String c = segment.substring(0, colon).strip();
          ResourceDef cd = child(def, c, "fields").def();
          kids.put(c, indexes(cd, segment.substring(colon + 1), c));
          continue;
        }
        for (String name : segment.split(",")) {
          String n = name.strip();
          if (n.isEmpty()) {
            continue;
          }
          if (def.indexOf(n) >= 0) {
            picked.add(def.indexOf(n));
          } else if (def.children().containsKey(n)) {
            kids.put(n, all(def.children().get(n).def()));
          } else {
            throw QueryException.badRequest(QueryException.UNKNOWN_ATTRIBUTE,
                "Attribute " + n + " in the fields parameter is not found in resource " + def.name() + ".");
          }
        }
      }
      top = picked.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }
    return new Projection(top, kids);
  }

  private static ResourceDef.ChildDef child(ResourceDef def, String name, String param) {
    ResourceDef.ChildDef cd = def.children().get(name);
    if (cd == null) {
      throw QueryException.badRequest(QueryException.UNKNOWN_ATTRIBUTE, "Child " + name + " in the " + param
          + " parameter is not found in resource " + def.name() + "; children: " + def.children().keySet() + ".");
    }
    return cd;
  }

  private static int[] indexes(ResourceDef def, String list, String child) {
    List<Integer> out = new ArrayList<>();
    for (String name : list.split(",")) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      int i = def.indexOf(n);
      if (i < 0) {
        throw QueryException.badRequest(QueryException.UNKNOWN_ATTRIBUTE,
            "Attribute " + n + " in the fields parameter is not found in child " + child + ".");
      }
      out.add(i);
    }
    return out.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
  }

  static int[] all(ResourceDef def) {
    int[] a = new int[def.attributes().size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return a;
  }
}
