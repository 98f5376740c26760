package org.fusionjdbc.spark;

import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.jdbc.JdbcDialect;

/**
 * Spark's dialect for {@code jdbc:fusion:} URLs. Without it Spark uses its no-op dialect, which pushes only
 * filters and columns. Spark 4 finds this class through {@code META-INF/services}; on Spark 3.5 call
 * {@code JdbcDialects.registerDialect(new FusionDialect())} once per JVM before reading.
 */
public final class FusionDialect extends JdbcDialect {
  private static final long serialVersionUID = 1L;

  /** Aggregates and functions the driver runs (Calcite), so Spark may push them down with the V2 catalog. */
  private static final Set<String> FUNCTIONS = Set.of("SUM", "COUNT", "MIN", "MAX", "AVG", "UPPER", "LOWER", "ABS",
      "COALESCE", "ROUND", "SUBSTRING", "TRIM", "LENGTH", "CHAR_LENGTH");

  @Override
  public boolean canHandle(String url) {
    return url != null && url.regionMatches(true, 0, "jdbc:fusion:", 0, "jdbc:fusion:".length());
  }

  /** Double quotes, doubled inside: the driver keeps the case of quoted names (and matches case-insensitively). */
  @Override
  public String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public boolean supportsLimit() {
    return true;
  }

  @Override
  public boolean supportsOffset() {
    return true;
  }

  @Override
  public boolean isSupportedFunction(String name) {
    return FUNCTIONS.contains(name.toUpperCase(Locale.ROOT));
  }
}
