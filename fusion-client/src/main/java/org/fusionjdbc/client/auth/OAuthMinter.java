package org.fusionjdbc.client.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.fusionjdbc.client.error.FusionException;

/**
 * Identity-domain OAuth with the JWT-bearer grant (contract §8b, decision 8): signs a short user assertion
 * (kid = key alias, plus x5t when known) and exchanges it at {identityDomainUrl}/oauth2/v1/token with
 * Basic client credentials. Retries 429/5xx and transient I/O with backoff, honouring Retry-After.
 */
final class OAuthMinter implements RenewingTokenSource.Minter {
  static final String AUDIENCE = "https://identity.oraclecloud.com/";
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.auth");
  private static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  /** Waits between attempts; replaced in tests so retries take no wall-clock time. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final AuthConfig.OAuth config;
  private final SigningKey key;
  private final CloseableHttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final URI tokenUri;

  OAuthMinter(AuthConfig.OAuth config, SigningKey key, CloseableHttpClient http, Clock clock, Sleeper sleeper,
      int maxAttempts) {
    this.config = Objects.requireNonNull(config, "config");
    this.key = Objects.requireNonNull(key, "key");
    this.http = Objects.requireNonNull(http, "http client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
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
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt == maxAttempts;
      Reply reply;
      try {
        reply = post();
      } catch (IOException e) {
        if (last || !transientFailure(e)) {
          throw FusionException.builder(FusionException.Kind.TRANSPORT, "Cannot reach the identity domain token "
              + "endpoint " + tokenUri + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
              + "); check identityDomainUrl and the network or proxy").cause(e).retryable(true).build();
        }
        pause(backoff(attempt));
        continue;
      }
      if (reply.status == 200) {
        return TokenResponses.parse(reply.body, clock.instant(), DEFAULT_EXPIRES_IN, tokenUri);
      }
      if (retryableStatus(reply.status) && !last) {
        Duration asked = reply.retryAfter(clock.instant());
        Duration wait = asked == null ? backoff(attempt) : asked;
        // A server asking for a long pause gets its error now rather than a connection stuck in a sleep.
        if (wait.compareTo(MAX_RETRY_AFTER) <= 0) {
          pause(wait);
          continue;
        }
      }
      throw TokenResponses.error(reply.status, reply.body, tokenUri, config, attempt);
    }
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

  private record Reply(int status, String body, String retryAfterHeader) {
    Duration retryAfter(Instant now) {
      if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
        return null;
      }
      String v = retryAfterHeader.strip();
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
      } catch (NumberFormatException e) {
        Instant when = org.apache.hc.client5.http.utils.DateUtils.parseStandardDate(v);
        return when == null ? null : Duration.between(now, when).isNegative() ? Duration.ZERO
            : Duration.between(now, when);
      }
    }
  }

  private Reply post() throws IOException {
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
    long start = System.nanoTime();
    Reply reply = http.execute(post, response -> {
      Header ra = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
      String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
          StandardCharsets.UTF_8);
      return new Reply(response.getCode(), body, ra == null ? null : ra.getValue());
    });
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("POST " + tokenUri.getRawPath() + " -> " + reply.status + " in "
          + (System.nanoTime() - start) / 1_000_000 + " ms (user " + config.user() + ")");
    }
    return reply;
  }

  private static boolean retryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private static boolean transientFailure(IOException e) {
    return !(e instanceof UnknownHostException || e instanceof SSLException);
  }

  private static Duration backoff(int attempt) {
    long base = Math.min(8_000L, 500L << Math.min(attempt - 1, 10));
    return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  private void pause(Duration d) {
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
