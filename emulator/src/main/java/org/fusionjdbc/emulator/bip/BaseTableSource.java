package org.fusionjdbc.emulator.bip;

import java.util.List;
import java.util.Map;

/**
 * Where the emulated database's base tables get their rows, so the same invoice, supplier or worker is
 * visible over REST and over BI Publisher. Implementations must be deterministic.
 */
public interface BaseTableSource {

  /**
   * Rows of one base table of {@link BaseTables}.
   *
   * @param table upper-case table name, e.g. {@code AP_INVOICES_ALL}
   * @param maxRows a cap on the large tables (the first rows, in key order); a source may load small
   *     reference tables whole so foreign keys resolve, and child tables hold the children of loaded rows
   * @return rows as maps from upper-case column name to value ({@code String}, {@code Number},
   *     {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code byte[]} or null);
   *     absent columns are NULL; an empty list for a table the source does not know
   */
  List<Map<String, Object>> rows(String table, int maxRows);
}
