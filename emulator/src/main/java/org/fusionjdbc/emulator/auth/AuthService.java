package org.fusionjdbc.emulator.auth;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;

/**
 * The emulator's authentication: checks Authorization headers of REST and BIP requests, and serves the
 * emulated identity domain's token endpoint and JWKS. Thread-safe; one per emulator instance.
 */
public final class AuthService {

  private final AuthSettings settings;
  private final Authenticator authenticator;

  private AuthService(AuthSettings settings) {
    this.settings = settings;
    this.authenticator = header -> AuthResult.rejected("not implemented yet");
  }

  public static AuthService create(AuthSettings settings) {
    return new AuthService(Objects.requireNonNull(settings, "settings"));
  }

  /** For REST and BIP requests. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** {@code POST /oauth2/v1/token}. */
  public HttpHandler tokenEndpoint() {
    return exchange -> {
      exchange.sendResponseHeaders(501, -1);
      exchange.close();
    };
  }

  /** {@code GET /admin/v1/SigningCert/jwk}. */
  public HttpHandler jwksEndpoint() {
    return exchange -> {
      exchange.sendResponseHeaders(501, -1);
      exchange.close();
    };
  }

  public AuthSettings settings() {
    return settings;
  }
}
