package org.fusionjdbc.emulator.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** {@code GET /admin/v1/SigningCert/jwk}: the identity domain's public signing key as a JWK set. */
final class JwksEndpoint implements HttpHandler {

  private final Supplier<JWKSet> publicJwks;

  /** The set is read on each request: the emulator's keys are made on first use. */
  JwksEndpoint(Supplier<JWKSet> publicJwks) {
    this.publicJwks = publicJwks;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
      // toString(true) would include private parts; the set is public-only, and we ask for public anyway.
      byte[] body = publicJwks.get().toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
      if ("HEAD".equals(method)) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
