package org.fusionjdbc.emulator.auth;

/** Checks the Authorization header of a REST or BI Publisher request. Thread-safe. */
public interface Authenticator {

  /** @param authorizationHeader the header value, or null when absent */
  AuthResult authenticate(String authorizationHeader);
}
