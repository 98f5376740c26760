package org.fusionjdbc.calcite;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/** Sees through the casts Calcite adds when it widens a numeric column to a literal's type. */
final class NumericWidening {
  private NumericWidening() {
  }

  /**
   * The column under a numeric cast that loses nothing: Calcite widens an integer or decimal column to the literal's
   * type ({@code "SupplierId" = 3.0}, {@code "InvoiceAmount" > 100.125}), and comparing the widened value is comparing
   * the column itself, which q can say. An integer widened to DECIMAL(19, s) keeps 19 - s digits: Calcite picks that
   * common type itself, and an id beyond it would make Calcite's own cast overflow rather than compare, so 18 digits
   * count as lossless for integers.
   */
  static RexNode column(RexNode node) {
    if (node.getKind() != SqlKind.CAST || !(((RexCall) node).getOperands().get(0) instanceof RexInputRef ref)) {
      return node;
    }
    var from = ref.getType();
    var to = node.getType();
    if (to.getSqlTypeName() != SqlTypeName.DECIMAL && to.getSqlTypeName() != SqlTypeName.BIGINT) {
      return node;
    }
    int fromDigits;
    int fromScale;
    switch (from.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> {
        fromDigits = 18;
        fromScale = 0;
      }
      case DECIMAL -> {
        fromDigits = from.getPrecision() - from.getScale();
        fromScale = from.getScale();
      }
      default -> {
        return node;
      }
    }
    int toDigits = to.getSqlTypeName() == SqlTypeName.BIGINT ? 18 : to.getPrecision() - to.getScale();
    int toScale = to.getSqlTypeName() == SqlTypeName.BIGINT ? 0 : to.getScale();
    return toScale >= fromScale && toDigits >= fromDigits ? ref : node;
  }
}
