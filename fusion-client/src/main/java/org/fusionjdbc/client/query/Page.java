package org.fusionjdbc.client.query;

import java.util.List;

/**
 * One parsed collection page: rows in the scan's wire layout plus the paging fields. {@code hasMore},
 * {@code limit}, {@code offset} and {@code totalResults} are null when the server did not send them; so is
 * {@code selfHref}, the collection's own {@code links[rel=self]} (kept by pods under onlyData=true).
 */
public record Page(List<Object[]> rows, Long count, Boolean hasMore, Long limit, Long offset, Long totalResults,
    String selfHref) {
  public Page {
    rows = List.copyOf(rows);
  }

  public Page(List<Object[]> rows, Long count, Boolean hasMore, Long limit, Long offset, Long totalResults) {
    this(rows, count, hasMore, limit, offset, totalResults, null);
  }
}
