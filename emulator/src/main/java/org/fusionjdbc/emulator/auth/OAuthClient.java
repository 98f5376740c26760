package org.fusionjdbc.emulator.auth;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A confidential application of the emulated identity domain.
 *
 * @param clientId the application's client id (also the {@code iss} of its user assertions)
 * @param clientSecret its secret, checked in constant time; never printed
 * @param allowedScopes scopes it may request
 * @param certificatesByAlias its trusted certificates by key alias (the assertion header's {@code kid})
 */
public record OAuthClient(
    String clientId,
    String clientSecret,
    Set<String> allowedScopes,
    Map<String, X509Certificate> certificatesByAlias) {

  public OAuthClient {
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    allowedScopes = Set.copyOf(Objects.requireNonNull(allowedScopes, "allowedScopes"));
    if (allowedScopes.isEmpty()) {
      throw new IllegalArgumentException("OAuth client " + clientId + " needs at least one allowed scope");
    }
    certificatesByAlias = Map.copyOf(Objects.requireNonNull(certificatesByAlias, "certificatesByAlias"));
    if (certificatesByAlias.isEmpty()) {
      throw new IllegalArgumentException(
          "OAuth client " + clientId + " needs at least one certificate (key alias -> X.509 certificate)");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", clientSecret=****, allowedScopes=" + allowedScopes
        + ", keyAliases=" + certificatesByAlias.keySet() + "]";
  }
}
