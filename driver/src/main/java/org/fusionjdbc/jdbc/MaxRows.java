package org.fusionjdbc.jdbc;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Turns {@code Statement.setMaxRows(n)} into a FETCH on the outermost query. Calcite applies max rows only while
 * reading the result, after planning, so without this a tool's 200-row preview would still plan (and page) the
 * whole collection. As a FETCH it reaches the REST {@code limit}; the rows returned are the same.
 */
final class MaxRows {
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.LENIENT);

  private MaxRows() {
  }

  /** The statement with at most {@code maxRows} rows, or {@code sql} itself when it is not a plain query. */
  static String limit(String sql, long maxRows) {
    if (maxRows <= 0) {
      return sql;
    }
    SqlNode node;
    try {
      node = SqlParser.create(sql, PARSER).parseQuery();
    } catch (SqlParseException e) {
      return sql; // Calcite reports the error on the original text
    }
    if (!node.getKind().belongsTo(SqlKind.QUERY)) {
      return sql;
    }
    SqlNode limited = withFetch(node, maxRows);
    return limited == null ? sql : limited.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
  }

  /** Null when the query already fetches no more than {@code maxRows} or has a fetch we cannot compare. */
  private static SqlNode withFetch(SqlNode node, long maxRows) {
    SqlLiteral fetch = SqlLiteral.createExactNumeric(Long.toString(maxRows), SqlParserPos.ZERO);
    if (node instanceof SqlWith with) {
      SqlNode body = withFetch(with.body, maxRows);
      if (body == null) {
        return null;
      }
      with.setOperand(1, body);
      return with;
    }
    if (node instanceof SqlOrderBy orderBy) {
      if (orderBy.fetch != null) {
        if (!(orderBy.fetch instanceof SqlLiteral existing) || existing.longValue(true) <= maxRows) {
          return null;
        }
      }
      return new SqlOrderBy(SqlParserPos.ZERO, orderBy.query, orderBy.orderList, orderBy.offset, fetch);
    }
    return new SqlOrderBy(SqlParserPos.ZERO, node, SqlNodeList.EMPTY, null, fetch);
  }
}
