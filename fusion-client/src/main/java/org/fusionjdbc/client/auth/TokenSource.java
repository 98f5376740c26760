package org.fusionjdbc.client.auth;

import org.fusionjdbc.client.exchange.Credentials;

/**
 * Supplies the Authorization header for requests. Implementations cache the token, renew it before it
 * expires (one renewing thread, others keep using the still-valid token or wait), and are thread-safe.
 */
public interface TokenSource extends Credentials, AutoCloseable {
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
