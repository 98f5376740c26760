package org.fusionjdbc.calcite.like;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The functions that stand in for Calcite's {@code LIKE} / {@code NOT LIKE} where the driver evaluates them, backed
 * by {@link LikeMatcher}. Functions rather than operators because Calcite implements a user-defined function
 * through its own Java method; the four arities keep every call one plain call (no nested NOT inside a program).
 */
public final class LikeOperators {
  public static final SqlUserDefinedFunction LIKE = function("FUSION_LIKE", "like", 2);
  public static final SqlUserDefinedFunction LIKE_ESCAPE = function("FUSION_LIKE", "like", 3);
  public static final SqlUserDefinedFunction NOT_LIKE = function("FUSION_NOT_LIKE", "notLike", 2);
  public static final SqlUserDefinedFunction NOT_LIKE_ESCAPE = function("FUSION_NOT_LIKE", "notLike", 3);

  private LikeOperators() {
  }

  /** Calcite's own case-sensitive {@code [NOT] LIKE} (not ILIKE, not SIMILAR TO), which these replace. */
  public static boolean isCalciteLike(RexCall call) {
    return call.getOperator() instanceof SqlLikeOperator op && op.getKind() == SqlKind.LIKE && op.isCaseSensitive()
        && (call.getOperands().size() == 2 || call.getOperands().size() == 3);
  }

  /** Ours, for {@code [NOT] LIKE} with these operands. */
  public static SqlOperator replacement(RexCall calciteLike) {
    boolean negated = ((SqlLikeOperator) calciteLike.getOperator()).isNegated();
    boolean escape = calciteLike.getOperands().size() == 3;
    return negated ? (escape ? NOT_LIKE_ESCAPE : NOT_LIKE) : (escape ? LIKE_ESCAPE : LIKE);
  }

  /** True for one of the functions above. */
  public static boolean isOurs(SqlOperator op) {
    return op == LIKE || op == LIKE_ESCAPE || op == NOT_LIKE || op == NOT_LIKE_ESCAPE;
  }

  public static boolean isNegated(SqlOperator op) {
    return op == NOT_LIKE || op == NOT_LIKE_ESCAPE;
  }

  private static SqlUserDefinedFunction function(String name, String methodName, int arity) {
    Method method = method(methodName, arity);
    List<SqlTypeFamily> families = Collections.nCopies(arity, SqlTypeFamily.CHARACTER);
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.BOOLEAN_NULLABLE, null,
        OperandTypes.operandMetadata(families,
            (RelDataTypeFactory f) -> Collections.nCopies(arity, f.createSqlType(SqlTypeName.VARCHAR)),
            i -> i == 0 ? "value" : i == 1 ? "pattern" : "escape", i -> false),
        ScalarFunctionImpl.create(method));
  }

  private static Method method(String name, int arity) {
    Class<?>[] types = Collections.nCopies(arity, String.class).toArray(new Class<?>[0]);
    try {
      return LikeMatcher.class.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
