package org.fusionjdbc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.fusionjdbc.emulator.auth.AuthResult;
import org.fusionjdbc.emulator.auth.Authenticator;

/**
 * Interim default authenticator: accepts any {@code Basic} or {@code Bearer} header without checking
 * it, rejects requests without one. It only stands in until the real AuthService (JWT, OAuth, Basic
 * users) is the default; tests that are not about auth may keep using it.
 */
public final class HeaderPrefixAuthenticator implements Authenticator {
  @Override
  public AuthResult authenticate(String header) {
    if (header == null) {
      return AuthResult.rejected("no Authorization header");
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String user = "basic";
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        user = colon > 0 ? decoded.substring(0, colon) : decoded;
      } catch (IllegalArgumentException e) {
        return AuthResult.rejected("malformed Basic credentials");
      }
      return AuthResult.accepted(user, "basic");
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
      return AuthResult.accepted("bearer", "bearer");
    }
    return AuthResult.rejected("unsupported Authorization scheme");
  }
}
