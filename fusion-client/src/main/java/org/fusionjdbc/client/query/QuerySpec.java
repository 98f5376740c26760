package org.fusionjdbc.client.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One logical REST query, before paging: what the adapter pushed down. The pager turns it into one or
 * more HTTP requests (adding the key to orderBy, keyset continuation, page sizes). Immutable.
 *
 * <p>{@code fields} is the exact attribute list rows come back in; it is never empty for a scan, so
 * the row layout never depends on what the server chooses to send.
 */
public final class QuerySpec {
  private final ResourcePath resource;
  private final List<String> fields;
  private final Optional<QExpr> filter;
  private final List<SortKey> orderBy;
  private final long offset;
  private final OptionalLong limit;

  private QuerySpec(Builder b) {
    this.resource = Objects.requireNonNull(b.resource, "resource");
    this.fields = List.copyOf(b.fields);
    this.filter = Objects.requireNonNull(b.filter, "filter");
    this.orderBy = List.copyOf(b.orderBy);
    if (b.offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0: " + b.offset);
    }
    if (b.limit.isPresent() && b.limit.getAsLong() < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + b.limit.getAsLong());
    }
    this.offset = b.offset;
    this.limit = b.limit;
  }

  public static Builder builder(ResourcePath resource) {
    return new Builder(resource);
  }

  public Builder toBuilder() {
    Builder b = new Builder(resource);
    b.fields.addAll(fields);
    b.filter = filter;
    b.orderBy.addAll(orderBy);
    b.offset = offset;
    b.limit = limit;
    return b;
  }

  public ResourcePath resource() {
    return resource;
  }

  public List<String> fields() {
    return fields;
  }

  public Optional<QExpr> filter() {
    return filter;
  }

  public List<SortKey> orderBy() {
    return orderBy;
  }

  /** Rows to skip in the full (filtered, ordered) result. */
  public long offset() {
    return offset;
  }

  /** Maximum rows to return in total, across all pages; empty means all. */
  public OptionalLong limit() {
    return limit;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuerySpec q && resource.equals(q.resource) && fields.equals(q.fields)
        && filter.equals(q.filter) && orderBy.equals(q.orderBy) && offset == q.offset && limit.equals(q.limit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resource, fields, filter, orderBy, offset, limit);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("QuerySpec{").append(resource);
    sb.append(" fields=").append(String.join(",", fields));
    filter.ifPresent(f -> sb.append(" q=").append(f));
    if (!orderBy.isEmpty()) {
      sb.append(" orderBy=");
      orderBy.forEach(k -> sb.append(k.render()).append(','));
      sb.setLength(sb.length() - 1);
    }
    if (offset > 0) {
      sb.append(" offset=").append(offset);
    }
    limit.ifPresent(l -> sb.append(" limit=").append(l));
    return sb.append('}').toString();
  }

  /** Builder for {@link QuerySpec}. */
  public static final class Builder {
    private final ResourcePath resource;
    private final List<String> fields = new ArrayList<>();
    private Optional<QExpr> filter = Optional.empty();
    private final List<SortKey> orderBy = new ArrayList<>();
    private long offset;
    private OptionalLong limit = OptionalLong.empty();

    private Builder(ResourcePath resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
    }

    public Builder fields(List<String> names) {
      fields.clear();
      fields.addAll(names);
      return this;
    }

    public Builder filter(QExpr expr) {
      this.filter = Optional.ofNullable(expr);
      return this;
    }

    public Builder orderBy(List<SortKey> keys) {
      orderBy.clear();
      orderBy.addAll(keys);
      return this;
    }

    public Builder offset(long offset) {
      this.offset = offset;
      return this;
    }

    public Builder limit(long limit) {
      this.limit = OptionalLong.of(limit);
      return this;
    }

    public Builder noLimit() {
      this.limit = OptionalLong.empty();
      return this;
    }

    public QuerySpec build() {
      return new QuerySpec(this);
    }
  }
}
