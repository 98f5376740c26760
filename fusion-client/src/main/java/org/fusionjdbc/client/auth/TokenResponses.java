package org.fusionjdbc.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.fusionjdbc.client.error.FusionException;

/**
 * Reads token endpoint replies: the RFC 6749 §5.1 success body, and §5.2 errors turned into exceptions whose
 * message says which setting to check. Messages keep the server's error and description, never the
 * assertion, the access token or the client secret.
 */
final class TokenResponses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_DETAIL = 300;

  private TokenResponses() {
  }

  static RenewingTokenSource.Token parse(String body, Instant now, Duration defaultExpiresIn, URI tokenUri) {
    JsonNode root = readJson(body);
    JsonNode token = root == null ? null : root.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw FusionException.builder(FusionException.Kind.PROTOCOL, "The token endpoint " + tokenUri
          + " answered 200 without an access_token; check that identityDomainUrl points at the identity domain")
          .httpStatus(200).build();
    }
    JsonNode type = root.get("token_type");
    if (type != null && !type.asText().equalsIgnoreCase("Bearer")) {
      throw FusionException.builder(FusionException.Kind.PROTOCOL, "The token endpoint " + tokenUri
          + " issued a token of type '" + type.asText() + "'; only Bearer tokens are supported")
          .httpStatus(200).build();
    }
    Duration expiresIn = defaultExpiresIn;
    JsonNode exp = root.get("expires_in");
    if (exp != null && !exp.isNull()) {
      long seconds = exp.isNumber() ? exp.asLong() : parseLong(exp.asText());
      if (seconds <= 0) {
        throw FusionException.builder(FusionException.Kind.PROTOCOL, "The token endpoint " + tokenUri
            + " returned expires_in=" + exp.asText() + "; expected a positive number of seconds")
            .httpStatus(200).build();
      }
      expiresIn = Duration.ofSeconds(seconds);
    }
    return new RenewingTokenSource.Token("Bearer " + token.asText(), now.plus(expiresIn));
  }

  static FusionException error(int status, String body, URI tokenUri, AuthConfig.OAuth config, int attempts) {
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (status == 429) {
      return FusionException.builder(FusionException.Kind.THROTTLED, "The identity domain token endpoint "
          + "throttled the request (HTTP 429)" + tries + "; wait and try again, or open fewer connections at once")
          .httpStatus(status).retryable(true).build();
    }
    if (status >= 500) {
      return FusionException.builder(FusionException.Kind.SERVER, "The identity domain token endpoint failed "
          + "with HTTP " + status + tries + "; try again later").httpStatus(status).retryable(true).build();
    }
    JsonNode root = readJson(body);
    String error = root == null || root.get("error") == null ? null : root.get("error").asText();
    if ((status == 400 || status == 401) && error != null) {
      String description = root.get("error_description") == null ? "" : root.get("error_description").asText();
      description = scrub(description, config);
      return FusionException.builder(FusionException.Kind.AUTHENTICATION, "The identity domain refused the token "
          + "request: HTTP " + status + " " + error + (description.isEmpty() ? "" : " (" + description + ")")
          + ". " + advice(error)).httpStatus(status).fusionErrorCode(error).fusionDetail(description).build();
    }
    if (status == 400 || status == 401) {
      return FusionException.builder(FusionException.Kind.AUTHENTICATION, "The identity domain refused the token "
          + "request with HTTP " + status + " and no OAuth error; check clientId, clientSecret and "
          + "identityDomainUrl").httpStatus(status).build();
    }
    if (status == 404) {
      return FusionException.builder(FusionException.Kind.CONFIGURATION, "No token endpoint at " + tokenUri
          + " (HTTP 404); set identityDomainUrl to the identity domain's URL, e.g. "
          + "https://idcs-0123456789abcdef.identity.oraclecloud.com").httpStatus(status).build();
    }
    if (status == 403) {
      return FusionException.builder(FusionException.Kind.AUTHORIZATION, "The identity domain forbade the token "
          + "request (HTTP 403); check that the confidential application is activated and allowed the JWT "
          + "Assertion grant").httpStatus(status).build();
    }
    return FusionException.builder(FusionException.Kind.PROTOCOL, "Unexpected HTTP " + status + " from the "
        + "token endpoint " + tokenUri).httpStatus(status).build();
  }

  /** Which setting to look at for each RFC 6749 error code. */
  static String advice(String error) {
    return switch (error) {
      case "invalid_client" -> "Check clientId and clientSecret (the confidential application's client id "
          + "and secret) and that the application is activated.";
      case "invalid_grant" -> "The user assertion was rejected: check user (it must exist in the identity "
          + "domain), keyAlias (the alias of the certificate uploaded as a trusted client certificate of the "
          + "application), that privateKeyFile belongs to that certificate, and that this machine's clock is right.";
      case "invalid_scope" -> "Check scope: the Fusion resource's audience followed directly by its scope, e.g. "
          + "urn:opc:resource:fa:instanceid=<id>urn:opc:resource:consumer::all, and that the application "
          + "lists that resource under Token Issuance Policy.";
      case "unauthorized_client", "unsupported_grant_type" -> "Enable the JWT Assertion grant type in the "
          + "confidential application's client configuration.";
      default -> "Check clientId, clientSecret, keyAlias, user and scope.";
    };
  }

  /** Descriptions sometimes echo request values; never let the secret through, and keep them short. */
  private static String scrub(String description, AuthConfig.OAuth config) {
    String secret = config.clientSecret().reveal();
    String s = secret.isEmpty() ? description : description.replace(secret, "****");
    s = s.replaceAll("eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*", "<jwt>");
    return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "..." : s;
  }

  private static JsonNode readJson(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
