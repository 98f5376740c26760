package org.fusionjdbc.client.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The one factory the transport calls to turn an {@link AuthConfig} into a {@link TokenSource}. The http
 * client is the connection's pooled client, owned by the caller; token sources only execute requests on it.
 * Key files are read here, so configuration errors surface when the connection opens, not on first use.
 */
public final class TokenSources {
  /** Token requests tried at most this often on 429/5xx/transient I/O before the error is reported. */
  static final int DEFAULT_TOKEN_ATTEMPTS = 4;

  private TokenSources() {
  }

  public static TokenSource create(AuthConfig auth, CloseableHttpClient http, Duration renewBefore, Clock clock) {
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(renewBefore, "renewBefore");
    Objects.requireNonNull(clock, "clock");
    if (auth instanceof AuthConfig.Basic basic) {
      return fixed("Basic " + Base64.getEncoder().encodeToString(
          (basic.user() + ":" + basic.password().reveal()).getBytes(StandardCharsets.UTF_8)));
    }
    if (auth instanceof AuthConfig.Bearer bearer) {
      return fixed("Bearer " + bearer.token().reveal());
    }
    if (auth instanceof AuthConfig.FusionJwt jwt) {
      SigningKey key = SigningKey.load(jwt.privateKeyFile(), jwt.privateKeyPassword(), jwt.certificateFile(),
          jwt.x5t());
      return new RenewingTokenSource("Fusion JWT, issuer=" + jwt.issuer() + ", x5t=" + key.x5t().orElseThrow(),
          jwt.user(), new FusionJwtMinter(jwt, key, clock), renewBefore, clock);
    }
    AuthConfig.OAuth oauth = (AuthConfig.OAuth) auth;
    return oauth(oauth, http, renewBefore, clock, d -> Thread.sleep(d.toMillis()), DEFAULT_TOKEN_ATTEMPTS);
  }

  /** The OAuth source with an injectable sleeper, so tests of Retry-After take no wall-clock time. */
  static TokenSource oauth(AuthConfig.OAuth oauth, CloseableHttpClient http, Duration renewBefore, Clock clock,
      OAuthMinter.Sleeper sleeper, int attempts) {
    if (http == null) {
      throw new IllegalArgumentException("OAuth authentication needs the connection's http client");
    }
    SigningKey key = SigningKey.loadOptionalThumbprint(oauth.privateKeyFile(), oauth.privateKeyPassword(),
        oauth.certificateFile(), oauth.x5t());
    OAuthMinter minter = new OAuthMinter(oauth, key, http, clock, sleeper, attempts);
    return new RenewingTokenSource("OAuth, clientId=" + oauth.clientId() + ", kid=" + oauth.keyAlias()
        + ", x5t=" + key.x5t().orElse("none"), oauth.user(), minter, renewBefore, clock);
  }

  private static TokenSource fixed(String header) {
    return new TokenSource() {
      @Override
      public String authorizationHeader() {
        return header;
      }

      @Override
      public void invalidate(String rejectedHeader) {
      }

      @Override
      public boolean renewable() {
        return false;
      }

      @Override
      public String toString() {
        return "TokenSource[fixed, ****]";
      }
    };
  }
}
