package org.fusionjdbc.client.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates: one of four kinds. Values are validated by the driver before they get
 * here; the token sources still check files and keys when they load them. {@code toString()} of every
 * record is safe to log because secrets are {@link Secret}s.
 */
public sealed interface AuthConfig
    permits AuthConfig.FusionJwt, AuthConfig.OAuth, AuthConfig.Basic, AuthConfig.Bearer {

  /** The Fusion username the requests run as, when the kind has one. */
  Optional<String> username();

  /**
   * A JWT the client signs itself, trusted by Fusion's Security Console ("API Authentication" provider).
   * x5t comes from {@code x5t} or is computed from {@code certificateFile}; one of them is required.
   */
  record FusionJwt(String user, String issuer, Path privateKeyFile, Optional<Secret> privateKeyPassword,
      Optional<Path> certificateFile, Optional<String> x5t, Duration tokenLifetime) implements AuthConfig {
    public FusionJwt {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(privateKeyFile, "privateKeyFile");
      Objects.requireNonNull(privateKeyPassword, "privateKeyPassword");
      Objects.requireNonNull(certificateFile, "certificateFile");
      Objects.requireNonNull(x5t, "x5t");
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    }

    @Override
    public Optional<String> username() {
      return Optional.of(user);
    }
  }

  /**
   * OCI IAM identity domain, JWT-bearer grant: a user assertion signed with the key (kid = keyAlias)
   * is exchanged at {identityDomainUrl}/oauth2/v1/token with the client id and secret for an access token.
   */
  record OAuth(String user, URI identityDomainUrl, String clientId, Secret clientSecret, String scope,
      String keyAlias, Path privateKeyFile, Optional<Secret> privateKeyPassword, Optional<Path> certificateFile,
      Optional<String> x5t, Duration assertionLifetime) implements AuthConfig {
    public OAuth {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(identityDomainUrl, "identityDomainUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(keyAlias, "keyAlias");
      Objects.requireNonNull(privateKeyFile, "privateKeyFile");
      Objects.requireNonNull(privateKeyPassword, "privateKeyPassword");
      Objects.requireNonNull(certificateFile, "certificateFile");
      Objects.requireNonNull(x5t, "x5t");
      Objects.requireNonNull(assertionLifetime, "assertionLifetime");
    }

    @Override
    public Optional<String> username() {
      return Optional.of(user);
    }
  }

  /** HTTP Basic, for pods without MFA. */
  record Basic(String user, Secret password) implements AuthConfig {
    public Basic {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public Optional<String> username() {
      return Optional.of(user);
    }
  }

  /** A bearer token the caller obtained elsewhere; never renewed. */
  record Bearer(Secret token) implements AuthConfig {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public Optional<String> username() {
      return Optional.empty();
    }
  }
}
