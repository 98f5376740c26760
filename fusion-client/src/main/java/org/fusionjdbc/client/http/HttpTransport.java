package org.fusionjdbc.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.pool.PoolStats;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.auth.TokenSource;
import org.fusionjdbc.client.auth.TokenSources;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * GET requests to one Fusion pod: headers, token, retries with backoff (429/5xx honouring Retry-After,
 * transient I/O including a body cut off while it is read), one re-authentication after a 401, error
 * mapping, and one FINE trace line per attempt with the token never shown. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.http");

  private final FusionClientConfig config;
  private final CloseableHttpClient http;
  private final PoolingHttpClientConnectionManager pool;
  private final TokenSource tokens;
  private final ConcurrencyLimiter limiter;

  public HttpTransport(FusionClientConfig config) {
    this(config, http -> TokenSources.create(config.auth(), http, config.renewBefore(), Clock.systemUTC()));
  }

  /** With a token source of the caller's choice (tests, or a source shared across clients). */
  public HttpTransport(FusionClientConfig config, Function<CloseableHttpClient, TokenSource> tokenSource) {
    this.config = Objects.requireNonNull(config, "config");
    HttpClientFactory.Built built = HttpClientFactory.build(config);
    this.http = built.client();
    this.pool = built.pool();
    try {
      this.tokens = Objects.requireNonNull(tokenSource.apply(http), "token source");
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
    this.limiter = new ConcurrencyLimiter(config.parallelism() + 1, ConcurrencyLimiter.START);
  }

  public FusionClientConfig config() {
    return config;
  }

  /** Absolute URL of {@code path} (already encoded, starting with '/') with encoded parameters. */
  public String url(String path, List<UrlEncoding.Param> params) {
    String base = config.baseUrl().toString().replaceAll("/+$", "");
    String q = UrlEncoding.query(params);
    return base + path + (q.isEmpty() ? "" : "?" + q);
  }

  /** GETs {@code path?params} and hands a 2xx JSON body to {@code reader}; retries as described above. */
  public <T> T get(String path, List<UrlEncoding.Param> params, BodyReader<T> reader, Cancellation cancel) {
    String url = url(path, params);
    String display = path + (params.isEmpty() ? "" : "?" + UrlEncoding.readable(params));
    long deadline = System.nanoTime() + config.retryBudget().toNanos();
    boolean reauthenticated = false;
    for (int attempt = 0; ; attempt++) {
      cancel.check();
      String authorization = tokens.authorizationHeader();
      HttpGet request = new HttpGet(url);
      request.setHeader("Authorization", authorization);
      request.setHeader("REST-Framework-Version", Integer.toString(config.frameworkVersion()));
      request.setHeader("Accept", "application/json");
      FusionException failure;
      Duration retryAfter = null;
      long start = System.nanoTime();
      long grant = limiter.acquire(cancel);
      cancel.begin(request);
      try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        String contentType = entity == null ? null : entity.getContentType();
        if (status >= 200 && status < 300) {
          if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html")) {
            trace(display, status, start, -1, -1);
            throw FusionException.builder(Kind.PROTOCOL, "Fusion answered " + display + " with an HTML page "
                + "instead of JSON; check the base URL (a login or proxy page?)").httpStatus(status).build();
          }
          CountingStream body = new CountingStream(entity == null ? InputStream.nullInputStream() : entity.getContent());
          T result = reader.read(body);
          trace(display, status, start, body.count, reader.rows(result));
          limiter.onSuccess(grant);
          return result;
        }
        String text = readTrimmed(entity);
        trace(display, status, start, text.length(), -1);
        if (status == 401 && !reauthenticated && tokens.renewable()) {
          // a token renewed meanwhile is kept; one retry, never a loop; a fixed credential is not retried
          tokens.invalidate(authorization);
          reauthenticated = true;
          attempt--;
          continue;
        }
        failure = ErrorMapper.map(status, text, contentType, display);
        if (status == 429 || status == 503) {
          limiter.onThrottled(grant);
        }
        retryAfter = retryAfter(response.getFirstHeader("Retry-After"));
      } catch (FusionException e) {
        throw e;
      } catch (JsonProcessingException e) {
        if (!(e instanceof JsonEOFException) || cancel.isCancelled()) {
          cancel.check();
          throw FusionException.builder(Kind.PROTOCOL, "malformed JSON from " + display + ": "
              + e.getOriginalMessage() + " (is the URL a Fusion REST endpoint?)").cause(e).build();
        }
        failure = FusionException.builder(Kind.PROTOCOL, "the response to " + display + " ended in the middle "
            + "of the JSON").cause(e).retryable(true).build();
      } catch (IOException e) {
        cancel.check();
        failure = ioFailure(e, display);
      } finally {
        cancel.end(request);
        limiter.release();
      }
      if (!failure.retryable() || attempt >= config.maxRetries()) {
        throw attempt == 0 || !failure.retryable() ? failure : exhausted(failure, attempt + 1);
      }
      long delayMs = retryAfter != null ? retryAfter.toMillis() : backoffMillis(attempt);
      if (System.nanoTime() + delayMs * 1_000_000L > deadline) {
        throw exhausted(failure, attempt + 1);
      }
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("retrying " + display + " in " + delayMs + " ms after: " + failure.getMessage());
      }
      cancel.sleep(delayMs);
    }
  }

  private long backoffMillis(int attempt) {
    long base = config.retryBaseDelay().toMillis() << Math.min(attempt, 10);
    long capped = Math.min(base, 30_000L);
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1); // "equal jitter"
  }

  static Duration retryAfter(Header header) {
    if (header == null || header.getValue() == null) {
      return null;
    }
    String v = header.getValue().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      Instant when = DateUtils.parseStandardDate(v);
      return when == null ? null : Duration.ofMillis(Math.max(0, when.toEpochMilli() - System.currentTimeMillis()));
    }
  }

  private static FusionException ioFailure(IOException e, String display) {
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException && !(e instanceof
        ConnectionClosedException)) {
      return FusionException.builder(Kind.TIMEOUT, "no answer from Fusion within the socket timeout for "
          + display + "; raise socketTimeout or narrow the query").cause(e).build();
    }
    boolean transientFailure = e instanceof NoHttpResponseException || e instanceof ConnectionClosedException
        || e instanceof MalformedChunkCodingException || e instanceof EOFException
        || e instanceof SocketException && !(e instanceof ConnectException);
    return FusionException.builder(Kind.TRANSPORT, "connection to Fusion failed for " + display + ": " + e)
        .cause(e).retryable(transientFailure).build();
  }

  private static FusionException exhausted(FusionException last, int attempts) {
    return FusionException.builder(last.kind(), last.getMessage() + " (gave up after " + attempts + " attempts)")
        .cause(last.getCause() != null ? last.getCause() : last).httpStatus(last.httpStatus())
        .fusionDetail(last.fusionDetail()).fusionErrorCode(last.fusionErrorCode()).retryable(true).build();
  }

  private void trace(String display, int status, long startNanos, long bytes, long rows) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("GET " + display + " -> " + status + " in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms, "
          + bytes + " bytes" + (rows >= 0 ? ", " + rows + " rows" : ""));
    }
  }

  private static String readTrimmed(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(new java.io.OutputStream() {
        @Override
        public void write(int b) {
          if (out.size() < ErrorMapper.MAX_BODY) {
            out.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) {
          out.write(b, off, Math.max(0, Math.min(len, ErrorMapper.MAX_BODY - out.size())));
        }
      });
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Sends {@code request} on the pooled client as it is (no header added, no retry) and returns the response
   * still OPEN; the caller must close it. For callers that stream a body beyond one call (BI Publisher).
   */
  public ClassicHttpResponse executeOpen(org.apache.hc.core5.http.ClassicHttpRequest request) throws IOException {
    return http.executeOpen(null, request, null);
  }

  /** Pool statistics, so callers and tests can see that no connection is leaked. */
  public PoolStats poolStats() {
    return pool.getTotalStats();
  }

  public TokenSource tokenSource() {
    return tokens;
  }

  int currentConcurrencyLimit() {
    return limiter.currentLimit();
  }

  @Override
  public void close() {
    try {
      tokens.close();
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      http.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the HTTP client failed", e);
    }
  }

  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
