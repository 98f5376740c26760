package org.fusionjdbc.client.query;

import java.util.List;

/**
 * Rows of one scan, streamed: O(page) memory, requests issued lazily (the first on the first
 * {@link #next()}), stopping exactly at the spec's limit. Values in a row follow {@link #fields()} and are
 * plain JSON scalars: {@code String}, {@code Long} (or {@code java.math.BigDecimal} for integers beyond
 * long and for all non-integral numbers), {@code Boolean}, or {@code null}; nested objects and arrays
 * arrive as their JSON text. Typed conversion (dates, timestamps, decimals) is the adapter's job.
 *
 * <p>Not thread-safe, except {@link #cancel()}, which may be called from any thread.
 */
public interface RowStream extends AutoCloseable {

  /** The attribute names, in row order. */
  List<String> fields();

  /** Advances to the next row; false at the end. Throws FusionException on failure. */
  boolean next();

  /** The current row; valid until the next call to {@link #next()}. */
  Object[] row();

  /** Progress so far. */
  ScanProgress progress();

  /** Stops the scan from any thread: in-flight requests are aborted; {@link #next()} then throws CANCELLED. */
  void cancel();

  /** Releases HTTP connections and threads; idempotent. */
  @Override
  void close();
}
