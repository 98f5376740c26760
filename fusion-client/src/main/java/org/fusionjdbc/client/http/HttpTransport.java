package org.fusionjdbc.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.pool.PoolStats;
import org.fusionjdbc.client.auth.TokenSource;
import org.fusionjdbc.client.auth.TokenSources;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.exchange.HttpCall;
import org.fusionjdbc.client.exchange.HttpExchange;
import org.fusionjdbc.client.exchange.HttpFailures;
import org.fusionjdbc.client.exchange.RetryPolicy;

/**
 * Requests to one Fusion pod: the pooled client, the token source, the concurrency limit and the
 * {@link HttpExchange} that retries (429/5xx honouring Retry-After, transient I/O including a body cut off while it
 * is read), re-authenticates once after a 401 and traces each attempt. REST GETs answered with JSON are built here;
 * BI Publisher posts its SOAP calls through the same {@link #exchange()}. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.http");

  private final FusionClientConfig config;
  private final CloseableHttpClient http;
  private final PoolingHttpClientConnectionManager pool;
  private final TokenSource tokens;
  private final HttpExchange exchange;

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
    RetryPolicy retries = RetryPolicy.forPod(config.maxRetries(), config.retryBaseDelay(), config.retryBudget());
    this.exchange = HttpExchange.forPod(http, retries, config.parallelism() + 1, tokens);
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
    String display = path + (params.isEmpty() ? "" : "?" + UrlEncoding.readable(params));
    return exchange.execute(new JsonGet<>(url(path, params), display, reader), cancel);
  }

  /**
   * The exchange every request to this pod goes through (REST and BI Publisher alike): one retry path, one
   * token source, one concurrency limit.
   */
  public HttpExchange exchange() {
    return exchange;
  }

  /** A REST GET answered with JSON. */
  private final class JsonGet<T> implements HttpCall<T> {
    private final String url;
    private final String display;
    private final BodyReader<T> reader;

    JsonGet(String url, String display, BodyReader<T> reader) {
      this.url = url;
      this.display = display;
      this.reader = reader;
    }

    @Override
    public String display() {
      return display;
    }

    @Override
    public HttpUriRequestBase request(String authorization) {
      HttpGet request = new HttpGet(url);
      request.setHeader("Authorization", authorization);
      request.setHeader("REST-Framework-Version", Integer.toString(config.frameworkVersion()));
      request.setHeader("Accept", "application/json");
      return request;
    }

    @Override
    public Outcome<T> classify(ClassicHttpResponse response, int attempt) throws IOException {
      int status = response.getCode();
      HttpEntity entity = response.getEntity();
      String contentType = entity == null ? null : entity.getContentType();
      if (status >= 200 && status < 300) {
        if (HttpFailures.looksHtml(contentType, "")) { // the header alone: a JSON body is read as it streams
          throw FusionException.builder(Kind.PROTOCOL, "Fusion answered " + display + " with an HTML page "
              + "instead of JSON; check the base URL (a login or proxy page?)").httpStatus(status).build();
        }
        CountingInputStream body =
            new CountingInputStream(entity == null ? InputStream.nullInputStream() : entity.getContent());
        T result = reader.read(body);
        long rows = reader.rows(result);
        return Outcome.success(result)
            .noting(", " + body.count() + " bytes" + (rows >= 0 ? ", " + rows + " rows" : ""));
      }
      String text = HttpFailures.readCapped(entity, ErrorMapper.MAX_BODY);
      return Outcome.<T>failure(ErrorMapper.map(status, text, contentType, display))
          .noting(", " + text.length() + " bytes");
    }

    @Override
    public FusionException ioFailure(IOException e) {
      if (e instanceof JsonEOFException) {
        return FusionException.builder(Kind.PROTOCOL, "the response to " + display + " ended in the middle "
            + "of the JSON").cause(e).retryable(true).build();
      }
      if (e instanceof JsonProcessingException json) {
        return FusionException.builder(Kind.PROTOCOL, "malformed JSON from " + display + ": "
            + json.getOriginalMessage() + " (is the URL a Fusion REST endpoint?)").cause(e).build();
      }
      return HttpFailures.io(e, "Fusion", display);
    }
  }

  /** Pool statistics, so callers and tests can see that no connection is leaked. */
  public PoolStats poolStats() {
    return pool.getTotalStats();
  }

  public TokenSource tokenSource() {
    return tokens;
  }

  int currentConcurrencyLimit() {
    return exchange.concurrencyLimit();
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
}
