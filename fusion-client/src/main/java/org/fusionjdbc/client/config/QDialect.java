package org.fusionjdbc.client.config;

/**
 * Which of the contract's uncertain ([U]) row-match constructs a connection allows in {@code q}. The
 * default, {@link #STRICT}, allows none of them: only comparisons, and/or, parentheses, LIKE with %,
 * quoted strings without embedded quotes, numbers, dates and datetimes (contract decision 2).
 */
public record QDialect(boolean in, boolean between, boolean isNull, boolean not, boolean quoteDoubling,
    boolean starWildcard) {

  public static final QDialect STRICT = new QDialect(false, false, false, false, false, false);
  public static final QDialect PERMISSIVE = new QDialect(true, true, true, true, true, true);
}
