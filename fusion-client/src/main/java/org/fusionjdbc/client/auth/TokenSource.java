package org.fusionjdbc.client.auth;

/**
 * Supplies the Authorization header for requests. Implementations cache the token, renew it before it
 * expires (one renewing thread, others keep using the still-valid token or wait), and are thread-safe.
 */
public interface TokenSource extends AutoCloseable {

  /** The full header value, e.g. {@code "Bearer eyJ..."} or {@code "Basic dXNl..."}; renews when due. */
  String authorizationHeader();

  /**
   * Called once after a 401 for a request that carried {@code rejectedHeader}: forget that token so the
   * next {@link #authorizationHeader()} renews. A header that has already been replaced is ignored.
   */
  void invalidate(String rejectedHeader);

  /** Whether {@link #invalidate} can produce a different credential (false for Basic and fixed bearer). */
  boolean renewable();

  /** When the current token expires, if this source knows (renewable tokens, once obtained). */
  default java.util.Optional<java.time.Instant> expiresAt() {
    return java.util.Optional.empty();
  }

  /** When the current token will be renewed, if this source renews. */
  default java.util.Optional<java.time.Instant> renewAt() {
    return java.util.Optional.empty();
  }

  @Override
  default void close() {
  }
}
