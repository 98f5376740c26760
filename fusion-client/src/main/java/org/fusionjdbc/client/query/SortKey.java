package org.fusionjdbc.client.query;

import java.util.Objects;

/** One {@code orderBy} key: {@code Attr:asc} or {@code Attr:desc}. */
public record SortKey(String attribute, boolean descending) {
  public SortKey {
    Objects.requireNonNull(attribute, "attribute");
  }

  public static SortKey asc(String attribute) {
    return new SortKey(attribute, false);
  }

  public static SortKey desc(String attribute) {
    return new SortKey(attribute, true);
  }

  /** Wire form, e.g. {@code InvoiceId:asc}. */
  public String render() {
    return attribute + (descending ? ":desc" : ":asc");
  }
}
