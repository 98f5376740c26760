package org.fusionjdbc.client.exchange;

/**
 * What an {@link HttpExchange} needs of a token source: the Authorization header for the next attempt, and whether a
 * 401 can be answered with a renewed credential. Declared here so the exchange does not depend on how tokens are made
 * (the token request itself runs on an exchange).
 */
public interface Credentials {
  /** The full header value, e.g. {@code "Bearer eyJ..."} or {@code "Basic dXNl..."}; renews when due. */
  String authorizationHeader();

  /**
   * Called once after a 401 for a request that carried {@code rejectedHeader}: forget that token so the next
   * {@link #authorizationHeader()} renews. A header that has already been replaced is ignored.
   */
  void invalidate(String rejectedHeader);

  /** Whether {@link #invalidate} can produce a different credential (false for Basic and fixed bearer). */
  boolean renewable();
}
