package org.fusionjdbc.emulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /oauth2/v1/token} of the emulated identity domain: the JWT-bearer grant (RFC 7523) with the
 * client authenticated by Basic secret or client assertion; errors in RFC 6749 §5.2 JSON. Descriptions
 * are fixed texts: they never echo a secret or an assertion.
 */
final class TokenEndpoint implements HttpHandler {

  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final int MAX_BODY = 64 * 1024;
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.emulator.auth");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuthSettings settings;
  private final EmulatorKeys keys;
  private final AssertionVerifier assertions;

  TokenEndpoint(AuthSettings settings, EmulatorKeys keys) {
    this.settings = settings;
    this.keys = keys;
    this.assertions = new AssertionVerifier(settings);
  }

  /** An RFC 6749 error: status, code and a description safe to send. */
  private static final class OAuthError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    OAuthError(int status, String code, String description) {
      super(description, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Map<String, Object> body;
      int status;
      try {
        body = issue(exchange);
        status = 200;
      } catch (OAuthError e) {
        LOG.log(Level.FINE, "token request refused: {0} {1}", new Object[] {e.code, e.getMessage()});
        body = new LinkedHashMap<>();
        body.put("error", e.code);
        body.put("error_description", e.getMessage());
        status = e.status;
        if (status == 401) {
          exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"identity domain\"");
        }
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("Pragma", "no-cache");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Map<String, Object> issue(HttpExchange exchange) throws OAuthError, IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new OAuthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }
    Map<String, String> form = parseForm(readBody(exchange.getRequestBody()));
    OAuthClient client = authenticateClient(exchange.getRequestHeaders().getFirst("Authorization"), form);

    String grantType = form.get("grant_type");
    if (grantType == null) {
      throw new OAuthError(400, "invalid_request", "grant_type is required");
    }
    if (!JWT_BEARER.equals(grantType)) {
      throw new OAuthError(400, "unsupported_grant_type", "only " + JWT_BEARER + " is supported");
    }
    String assertion = form.get("assertion");
    if (assertion == null) {
      throw new OAuthError(400, "invalid_request", "assertion is required for the jwt-bearer grant");
    }
    String user;
    try {
      user = assertions.verifyUserAssertion(assertion, client);
    } catch (AuthFailure e) {
      LOG.log(Level.FINE, "user assertion refused: {0}", e.getMessage());
      throw new OAuthError(400, "invalid_grant", "The user assertion is invalid: " + e.getMessage());
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      throw new OAuthError(400, "invalid_scope", "scope is required");
    }
    for (String s : scope.trim().split(" +")) {
      if (!client.allowedScopes().contains(s)) {
        throw new OAuthError(400, "invalid_scope", "the requested scope is not allowed for this client");
      }
    }
    LOG.log(Level.FINE, "access token issued to user {0} via client {1}", new Object[] {user, client.clientId()});
    return accessTokenResponse(user, client.clientId(), scope.trim());
  }

  private Map<String, Object> accessTokenResponse(String user, String clientId, String scope) {
    Instant now = settings.clock().instant();
    long lifetime = settings.accessTokenLifetime().toSeconds();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(EmulatorKeys.IDENTITY_ISSUER)
        .subject(user)
        .audience(List.of(settings.fusionAudience()))
        .claim("scope", scope)
        .claim("client_id", clientId)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", keys.sign(EmulatorKeys.SIGNING_KID, claims));
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime);
    return body;
  }

  private OAuthClient authenticateClient(String authorization, Map<String, String> form) throws OAuthError {
    boolean hasAssertion = form.containsKey("client_assertion");
    if (authorization != null && hasAssertion) {
      throw new OAuthError(400, "invalid_request", "use one client authentication method, not two");
    }
    if (hasAssertion) {
      return clientByAssertion(form);
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new OAuthError(401, "invalid_client", "client authentication is required (Basic client id and secret)");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthError(401, "invalid_client", "client credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new OAuthError(401, "invalid_client", "client credentials are not clientId:secret");
    }
    String clientId = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    OAuthClient client = settings.oauthClients().get(clientId);
    boolean matches = Secrets.constantTimeEquals(secret, client == null ? "" : client.clientSecret());
    if (client == null || !matches) {
      throw new OAuthError(401, "invalid_client", "client authentication failed");
    }
    return client;
  }

  private OAuthClient clientByAssertion(Map<String, String> form) throws OAuthError {
    if (!CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
      throw new OAuthError(400, "invalid_request", "client_assertion_type must be " + CLIENT_ASSERTION_TYPE);
    }
    String clientId = form.get("client_id");
    OAuthClient client = clientId == null ? null : settings.oauthClients().get(clientId);
    if (client == null) {
      throw new OAuthError(401, "invalid_client", "client authentication failed");
    }
    try {
      assertions.verifyClientAssertion(form.get("client_assertion"), client);
    } catch (AuthFailure e) {
      LOG.log(Level.FINE, "client assertion refused: {0}", e.getMessage());
      throw new OAuthError(401, "invalid_client", "client authentication failed");
    }
    return client;
  }

  private static String readBody(InputStream in) throws IOException, OAuthError {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new OAuthError(400, "invalid_request", "request body is larger than " + MAX_BODY + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** RFC 6749 §3.2: parameters must not repeat. */
  private static Map<String, String> parseForm(String body) throws OAuthError {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new OAuthError(400, "invalid_request", "the form body is not valid x-www-form-urlencoded");
      }
      if (form.put(name, value) != null) {
        throw new OAuthError(400, "invalid_request", "parameter " + name + " appears more than once");
      }
    }
    return form;
  }
}
