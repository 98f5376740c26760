package org.fusionjdbc.spark;

import java.util.List;
import org.apache.spark.sql.Row;

/** Rows as comparable text: every column's value, so two reads are equal only if all values are. */
final class SparkRows {
  private SparkRows() {}

  static List<String> render(List<Row> rows) {
    return rows.stream().map(Row::toString).toList();
  }
}
