package org.fusionjdbc.calcite.bip;

import org.apache.calcite.linq4j.Enumerable;

/**
 * Rows for {@link SourceScan}, already in Calcite's internal representation (TIMESTAMP as epoch millis,
 * DATE as epoch days). Public only because Calcite's generated code calls it.
 */
public interface RowSource {
  Enumerable<Object[]> rows();
}
