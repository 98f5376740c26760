package org.fusionjdbc.calcite.bip;

import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.OracleSqlDialect;

/**
 * Calcite's Oracle dialect for Oracle 19c (Fusion's database), writing date and timestamp literals in ANSI
 * form ({@code DATE '2024-01-31'}, {@code TIMESTAMP '2024-01-31 10:00:00'}), which Oracle has read since 9i,
 * instead of {@code TO_TIMESTAMP(..., 'YYYY-MM-DD HH24:MI:SS.FF')}, whose fraction mask fails on engines
 * stricter than Oracle about a missing fraction (the emulator's H2).
 */
final class FusionOracleDialect extends OracleSqlDialect {
  static final FusionOracleDialect INSTANCE =
      new FusionOracleDialect(OracleSqlDialect.DEFAULT_CONTEXT.withDatabaseMajorVersion(19));

  private FusionOracleDialect(Context context) {
    super(context);
  }

  @Override
  public void unparseDateTimeLiteral(SqlWriter writer, SqlAbstractDateTimeLiteral literal, int leftPrec,
      int rightPrec) {
    if (literal instanceof SqlTimestampLiteral) {
      writer.literal("TIMESTAMP '" + literal.toFormattedString() + "'");
    } else if (literal instanceof SqlDateLiteral) {
      writer.literal("DATE '" + literal.toFormattedString() + "'");
    } else {
      super.unparseDateTimeLiteral(writer, literal, leftPrec, rightPrec);
    }
  }
}
