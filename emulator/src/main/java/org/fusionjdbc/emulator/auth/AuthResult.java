package org.fusionjdbc.emulator.auth;

import java.util.Objects;

/**
 * Outcome of checking a request's Authorization header.
 *
 * @param principal the Fusion username the request runs as, when accepted
 * @param kind how it authenticated: {@code basic}, {@code jwt} (client-signed, trusted issuer),
 *     {@code oauth} (access token minted by the emulated identity domain), or {@code none} when rejected
 * @param failure why it was rejected (for the journal and logs; never sent back in detail)
 */
public record AuthResult(boolean accepted, String principal, String kind, String failure) {

  public AuthResult {
    Objects.requireNonNull(kind, "kind");
  }

  public static AuthResult accepted(String principal, String kind) {
    return new AuthResult(true, Objects.requireNonNull(principal, "principal"), kind, null);
  }

  public static AuthResult rejected(String failure) {
    return new AuthResult(false, null, "none", Objects.requireNonNull(failure, "failure"));
  }
}
