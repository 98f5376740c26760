package org.fusionjdbc.emulator.query;

import java.util.List;

/** A bound filter: attribute references resolved and literals converted to the attribute's Java type. */
public sealed interface Expr {
  /** Comparison operators; literals are already of the attribute's type. */
  enum Op { EQ, NE, LT, GT, LE, GE }

  record And(List<Expr> parts) implements Expr {}

  record Or(List<Expr> parts) implements Expr {}

  record Not(Expr inner) implements Expr {}

  record Cmp(Ref ref, Op op, Object value) implements Expr {}

  record Like(Ref ref, String pattern) implements Expr {}

  record In(Ref ref, List<Object> values) implements Expr {}

  record Between(Ref ref, Object low, Object high) implements Expr {}

  record IsNull(Ref ref) implements Expr {}
}
