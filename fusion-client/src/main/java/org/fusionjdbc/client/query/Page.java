package org.fusionjdbc.client.query;

import java.util.List;

/**
 * One parsed collection page: rows in the scan's wire layout plus the paging fields. {@code hasMore},
 * {@code limit}, {@code offset} and {@code totalResults} are null when the server did not send them.
 */
public record Page(List<Object[]> rows, Long count, Boolean hasMore, Long limit, Long offset, Long totalResults) {
  public Page {
    rows = List.copyOf(rows);
  }
}
