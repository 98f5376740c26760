package org.fusionjdbc.emulator.query;

import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a bound filter with SQL three-valued logic: null stands for UNKNOWN, and a row matches
 * only when the result is TRUE (so any comparison with a null attribute value does not match).
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * @param row the row's values
   * @param children child rows by accessor, for {@code child.Attr} references (a parent matches when at
   *     least one child row matches)
   */
  public static boolean matches(Expr e, Object[] row, Function<String, List<Object[]>> children) {
    return eval(e, row, children) == Boolean.TRUE;
  }

  static Boolean eval(Expr e, Object[] row, Function<String, List<Object[]>> children) {
    if (e instanceof Expr.And a) {
      Boolean out = Boolean.TRUE;
      for (Expr p : a.parts()) {
        Boolean v = eval(p, row, children);
        if (v == Boolean.FALSE) {
          return false;
        }
        if (v == null) {
          out = null;
        }
      }
      return out;
    }
    if (e instanceof Expr.Or o) {
      Boolean out = Boolean.FALSE;
      for (Expr p : o.parts()) {
        Boolean v = eval(p, row, children);
        if (v == Boolean.TRUE) {
          return true;
        }
        if (v == null) {
          out = null;
        }
      }
      return out;
    }
    if (e instanceof Expr.Not n) {
      Boolean v = eval(n.inner(), row, children);
      return v == null ? null : !v;
    }
    Ref ref = refOf(e);
    if (ref.child() == null) {
      return leaf(e, ref.read(row));
    }
    for (Object[] c : children.apply(ref.child())) {
      if (leaf(e, ref.read(c)) == Boolean.TRUE) {
        return true;
      }
    }
    return false;
  }

  static Ref refOf(Expr e) {
    if (e instanceof Expr.Cmp c) {
      return c.ref();
    }
    if (e instanceof Expr.Like l) {
      return l.ref();
    }
    if (e instanceof Expr.In i) {
      return i.ref();
    }
    if (e instanceof Expr.Between b) {
      return b.ref();
    }
    if (e instanceof Expr.IsNull n) {
      return n.ref();
    }
    throw new IllegalStateException("not a leaf: " + e);
  }

  private static Boolean leaf(Expr e, Object v) {
    if (e instanceof Expr.IsNull) {
      return v == null;
    }
    if (v == null) {
      return null;
    }
    if (e instanceof Expr.Cmp c) {
      int r = Values.compare(v, c.value());
      return switch (c.op()) {
        case EQ -> r == 0;
        case NE -> r != 0;
        case LT -> r < 0;
        case GT -> r > 0;
        case LE -> r <= 0;
        case GE -> r >= 0;
      };
    }
    if (e instanceof Expr.Like l) {
      return like((String) v, l.pattern());
    }
    if (e instanceof Expr.In in) {
      for (Object x : in.values()) {
        if (Values.compare(v, x) == 0) {
          return true;
        }
      }
      return false;
    }
    Expr.Between b = (Expr.Between) e;
    return Values.compare(v, b.low()) >= 0 && Values.compare(v, b.high()) <= 0;
  }

  /** LIKE as Oracle: case-sensitive, {@code %} any run, {@code _} exactly one character, no escape. */
  public static boolean like(String s, String pattern) {
    int[] t = s.codePoints().toArray();
    int[] p = pattern.codePoints().toArray();
    int ti = 0;
    int pi = 0;
    int star = -1;
    int mark = 0;
    while (ti < t.length) {
      if (pi < p.length && (p[pi] == '_' || (p[pi] != '%' && p[pi] == t[ti]))) {
        ti++;
        pi++;
      } else if (pi < p.length && p[pi] == '%') {
        star = pi++;
        mark = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == '%') {
      pi++;
    }
    return pi == p.length;
  }
}
