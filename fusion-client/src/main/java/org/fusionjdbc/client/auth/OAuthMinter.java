package org.fusionjdbc.client.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.exchange.HttpCall;
import org.fusionjdbc.client.exchange.HttpExchange;
import org.fusionjdbc.client.exchange.HttpFailures;
import org.fusionjdbc.client.exchange.RetryPolicy;

/**
 * Identity-domain OAuth with the JWT-bearer grant (contract §8b, decision 8): signs a short user assertion
 * (kid = key alias, plus x5t when known) and exchanges it at {identityDomainUrl}/oauth2/v1/token with
 * Basic client credentials, through an {@link HttpExchange} of its own (no token source, no pod concurrency
 * limit): retries 429/5xx and transient I/O with backoff, honouring Retry-After up to 30 s.
 */
final class OAuthMinter implements RenewingTokenSource.Minter {
  static final String AUDIENCE = "https://identity.oraclecloud.com/";
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  /** Waits between attempts; replaced in tests so retries take no wall-clock time. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final AuthConfig.OAuth config;
  private final SigningKey key;
  private final Clock clock;
  private final HttpExchange exchange;
  private final URI tokenUri;

  OAuthMinter(AuthConfig.OAuth config, SigningKey key, CloseableHttpClient http, Clock clock, Sleeper sleeper,
      int maxAttempts) {
    this.config = Objects.requireNonNull(config, "config");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    // A server asking for a long pause gets its error now rather than a connection stuck in a sleep.
    RetryPolicy policy = new RetryPolicy(maxAttempts - 1, FIRST_BACKOFF, MAX_BACKOFF, MAX_RETRY_AFTER, null, clock);
    this.exchange = HttpExchange.unauthenticated(http, policy, (delay, cancel) -> pause(sleeper, delay));
    this.tokenUri = tokenUri(config.identityDomainUrl());
    requireText(config.user(), "user");
    requireText(config.clientId(), "clientId");
    requireText(config.keyAlias(), "keyAlias (the alias of the certificate uploaded to the application)");
    requireText(config.scope(), "scope");
    if (config.clientSecret().isEmpty()) {
      throw config("OAuth authentication needs the clientSecret of the confidential application");
    }
    if (config.assertionLifetime().toSeconds() < 1) {
      throw config("The assertion lifetime must be at least 1 second (a few minutes is usual), not "
          + config.assertionLifetime());
    }
  }

  static URI tokenUri(URI identityDomainUrl) {
    String scheme = identityDomainUrl.getScheme() == null ? "" : identityDomainUrl.getScheme().toLowerCase(Locale.ROOT);
    String host = identityDomainUrl.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw config("The identityDomainUrl " + identityDomainUrl + " is not an http(s) URL; use the identity "
          + "domain's URL, e.g. https://idcs-0123456789abcdef.identity.oraclecloud.com");
    }
    if (scheme.equals("http") && !isLoopback(host)) {
      throw config("The identityDomainUrl " + identityDomainUrl + " uses plain http; the client secret must "
          + "travel over https (plain http is allowed only for localhost)");
    }
    String base = identityDomainUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/oauth2/v1/token");
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }

  @Override
  public RenewingTokenSource.Token mint() {
    return exchange.execute(new TokenCall(), new Cancellation());
  }

  private String assertion() {
    Instant iat = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(config.user())
        .issuer(config.clientId())
        .audience(AUDIENCE)
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(iat.plus(config.assertionLifetime())))
        .jwtID(UUID.randomUUID().toString())
        .build();
    return key.sign(key.header().keyID(config.keyAlias()).build(), claims);
  }

  /** The token POST: Basic client credentials and a fresh assertion per attempt, never the token source's header. */
  private final class TokenCall implements HttpCall<RenewingTokenSource.Token> {
    @Override
    public String display() {
      return tokenUri.getRawPath();
    }

    @Override
    public HttpUriRequestBase request(String authorization) {
      // A fresh assertion per attempt: identity domains may reject a replayed jti.
      HttpPost post = new HttpPost(tokenUri);
      String credentials = config.clientId() + ":" + config.clientSecret().reveal();
      post.setHeader(HttpHeaders.AUTHORIZATION,
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      post.setHeader(HttpHeaders.ACCEPT, "application/json");
      post.setEntity(new UrlEncodedFormEntity(List.of(
          new BasicNameValuePair("grant_type", GRANT_TYPE),
          new BasicNameValuePair("assertion", assertion()),
          new BasicNameValuePair("scope", config.scope())), StandardCharsets.UTF_8));
      return post;
    }

    @Override
    public Outcome<RenewingTokenSource.Token> classify(ClassicHttpResponse response, int attempt)
        throws IOException {
      int status = response.getCode();
      String body = response.getEntity() == null ? "" : text(response.getEntity());
      if (status == 200) {
        return Outcome.success(TokenResponses.parse(body, clock.instant(), DEFAULT_EXPIRES_IN, tokenUri))
            .noting(forUser());
      }
      FusionException error = TokenResponses.error(status, body, tokenUri, config, attempt);
      if (!HttpFailures.retryableStatus(status)) {
        throw error;
      }
      return Outcome.<RenewingTokenSource.Token>failure(error).noting(forUser());
    }

    /** Trace lines name the user the token is for (never the assertion or the secret). */
    private String forUser() {
      return " (user " + config.user() + ")";
    }

    @Override
    public FusionException ioFailure(IOException e) {
      return FusionException.builder(FusionException.Kind.TRANSPORT, "Cannot reach the identity domain token "
          + "endpoint " + tokenUri + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); check identityDomainUrl and the network or proxy").cause(e)
          .retryable(HttpFailures.transientFailure(e)).build();
    }

    /** The whole body; token endpoints answer JSON, which is UTF-8. */
    private static String text(HttpEntity entity) throws IOException {
      try (InputStream in = entity.getContent()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    /** Each attempt's error already says how many attempts were made. */
    @Override
    public FusionException exhausted(FusionException last, int attempts) {
      return last;
    }
  }

  /** Waits through the sleeper: an interrupt of the thread that needs the token ends the wait. */
  private static void pause(Sleeper sleeper, Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FusionException.of(FusionException.Kind.CANCELLED, "Interrupted while waiting to retry the token "
          + "request", e);
    }
  }

  private static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw config("OAuth authentication needs " + name + "; it is empty");
    }
  }

  private static FusionException config(String message) {
    return FusionException.of(FusionException.Kind.CONFIGURATION, message);
  }

  @Override
  public String toString() {
    return "OAuthMinter[" + tokenUri + ", clientId=" + config.clientId() + ", kid=" + config.keyAlias() + "]";
  }
}
