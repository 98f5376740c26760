package org.fusionjdbc.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.HttpFailures;

/** Turns an HTTP error status and its (trimmed) body into a typed {@link FusionException}. */
final class ErrorMapper {
  static final int MAX_BODY = 2048;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorMapper() {
  }

  static FusionException map(int status, String body, String contentType, String request) {
    String detail = null;
    String code = null;
    String trimmed = body == null ? "" : body.strip();
    if (!trimmed.isEmpty() && trimmed.startsWith("{")) {
      try {
        JsonNode root = JSON.readTree(trimmed);
        JsonNode details = root.path("o:errorDetails");
        if (details.isArray() && details.size() > 0) {
          detail = text(details.get(0).get("detail"));
          code = text(details.get(0).get("o:errorCode"));
        }
        if (detail == null) {
          detail = text(root.get("detail"));
        }
        if (detail == null) {
          detail = text(root.get("title"));
        }
      } catch (Exception e) {
        detail = null; // not JSON after all (or cut at 2 KB): keep the raw text below
      }
    }
    if (detail == null && !trimmed.isEmpty()) {
      detail = HttpFailures.looksHtml(contentType, trimmed) ? "(an HTML page instead of JSON)" : trimmed;
    }
    Kind kind = HttpFailures.kindOf(status);
    String what = switch (kind) {
      case BAD_REQUEST -> "Fusion rejected the request";
      case AUTHENTICATION -> "Fusion did not accept the credentials; check the user, password, key or issuer "
          + "(with auth=bearer: the access token is expired or revoked, supply a new one)";
      case AUTHORIZATION -> "the user lacks the privilege for this resource";
      case NOT_FOUND -> "no such resource, child or item; check the name (case-sensitive) and REST version";
      case THROTTLED -> "Fusion throttled the request and the retry budget is spent; retry later or lower "
          + "parallelism";
      case SERVER -> "Fusion failed with a server error";
      default -> "unexpected HTTP status";
    };
    String message = what + " (HTTP " + status + " for " + request + ")" + (detail == null ? "" : ": " + detail)
        + (code == null ? "" : " [" + code + "]");
    return FusionException.builder(kind, message).httpStatus(status).fusionDetail(detail).fusionErrorCode(code)
        .retryable(HttpFailures.retryableStatus(status)).build();
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
