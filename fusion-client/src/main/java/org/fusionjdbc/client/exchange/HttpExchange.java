package org.fusionjdbc.client.exchange;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.fusionjdbc.client.error.FusionException;

/**
 * The one retry path of the client: sends an {@link HttpCall}'s requests until its answer is a success or a final
 * failure. Retries what the call marks retryable (429/5xx, transient I/O) honouring Retry-After, else with
 * equal-jitter backoff, within the {@link RetryPolicy}; waits through the {@link Cancellation}, so a cancel ends a
 * backoff and aborts the request in flight; renews the token once after a 401 when the source can renew it (never
 * a loop, a fixed credential is not retried); counts every attempt against the pod's {@link ConcurrencyLimiter};
 * and logs one FINE line per attempt (method, display, status, milliseconds), never the Authorization header.
 * Thread-safe.
 */
public final class HttpExchange {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.http");

  private final CloseableHttpClient http;
  private final RetryPolicy policy;
  private final ConcurrencyLimiter limiter;
  private final Credentials tokens;
  private final Pause pause;

  private HttpExchange(CloseableHttpClient http, RetryPolicy policy, ConcurrencyLimiter limiter, Credentials tokens,
      Pause pause) {
    this.http = Objects.requireNonNull(http, "http");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.limiter = limiter;
    this.tokens = tokens;
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /**
   * The exchange of one pod: requests carry {@code credentials}, and at most {@code maxInFlight} of them are in flight
   * at once, fewer while the pod throttles (the limit starts at {@link ConcurrencyLimiter#START} and adapts).
   */
  public static HttpExchange forPod(CloseableHttpClient http, RetryPolicy policy, int maxInFlight,
      Credentials credentials) {
    return new HttpExchange(http, policy, new ConcurrencyLimiter(maxInFlight, ConcurrencyLimiter.START),
        Objects.requireNonNull(credentials, "credentials"), Pause.CANCELLABLE);
  }

  /**
   * An exchange without token source or concurrency limit, for the token request itself: it carries its own
   * credentials, and its endpoint is not the pod.
   */
  public static HttpExchange unauthenticated(CloseableHttpClient http, RetryPolicy policy, Pause pause) {
    return new HttpExchange(http, policy, null, null, pause);
  }

  /** Runs {@code call} to a success, or throws its final failure (CANCELLED once {@code cancel} fires). */
  public <T> T execute(HttpCall<T> call, Cancellation cancel) {
    long started = System.nanoTime();
    boolean reauthenticated = false;
    for (int attempt = 0; ; attempt++) {
      cancel.check();
      String authorization = tokens == null ? null : tokens.authorizationHeader();
      HttpUriRequestBase request = call.request(authorization);
      FusionException failure;
      Duration retryAfter = null;
      long start = System.nanoTime();
      int status = -1;
      String note = "";
      ClassicHttpResponse response = null;
      boolean handedOver = false;
      ConcurrencyLimiter.Grant grant = limiter == null ? null : limiter.acquire(cancel);
      cancel.begin(request);
      try {
        response = http.executeOpen(null, request, null);
        status = response.getCode();
        if (status == 401 && !reauthenticated && tokens != null && tokens.renewable()) {
          // a token renewed meanwhile is kept; one retry, never a loop
          EntityUtils.consumeQuietly(response.getEntity()); // so the connection is reused
          tokens.invalidate(authorization);
          reauthenticated = true;
          attempt--;
          continue;
        }
        HttpCall.Outcome<T> outcome = call.classify(response, attempt + 1);
        note = outcome.note();
        if (outcome.succeeded()) {
          if (limiter != null) {
            limiter.onSuccess(grant);
          }
          handedOver = outcome.keepsResponse();
          return outcome.value();
        }
        failure = outcome.failureOrNull();
        if (limiter != null && (status == 429 || status == 503)) {
          limiter.onThrottled(grant);
        }
        retryAfter = policy.retryAfter(response.getFirstHeader("Retry-After"));
      } catch (FusionException e) {
        throw e;
      } catch (IOException e) {
        cancel.check(); // an abort by cancel is not a network failure
        failure = call.ioFailure(e);
      } finally {
        cancel.end(request);
        if (limiter != null) {
          limiter.release();
        }
        if (!handedOver) {
          closeQuietly(response);
        }
        if (status >= 0 && LOG.isLoggable(Level.FINE)) {
          LOG.fine(request.getMethod() + " " + call.display() + " -> " + status + " in "
              + (System.nanoTime() - start) / 1_000_000 + " ms" + note);
        }
      }
      int attempts = attempt + 1;
      if (!failure.retryable() || attempt >= policy.maxRetries()) {
        throw attempt == 0 || !failure.retryable() ? failure : call.exhausted(failure, attempts);
      }
      Duration delay = retryAfter != null ? retryAfter : policy.backoff(attempt);
      if (policy.longestWait() != null && delay.compareTo(policy.longestWait()) > 0 || policy.budget() != null
          && Duration.ofNanos(System.nanoTime() - started).plus(delay).compareTo(policy.budget()) > 0) {
        throw call.exhausted(failure, attempts);
      }
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("retrying " + call.display() + " in " + delay.toMillis() + " ms after: " + failure.getMessage());
      }
      pause.pause(delay, cancel);
    }
  }

  /** Requests the pod's limit lets into flight at once now (0 without a limit). */
  public int concurrencyLimit() {
    return limiter == null ? 0 : limiter.currentLimit();
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response != null) {
      try {
        response.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing a response failed", e);
      }
    }
  }
}
