package org.fusionjdbc.client.exchange;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/** What every channel (REST, BI Publisher, the token endpoint) decides alike about failed exchanges. */
public final class HttpFailures {
  private HttpFailures() {
  }

  /** Whether a status is worth retrying (contract decision 10). */
  public static boolean retryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /**
   * The kind of failure a non-2xx {@code status} reports. A 400 is Fusion refusing the request (a bad q, an unknown
   * attribute); a channel whose requests are built whole by the driver (BI Publisher's envelopes) reads it otherwise.
   */
  public static Kind kindOf(int status) {
    return switch (status) {
      case 400 -> Kind.BAD_REQUEST;
      case 401 -> Kind.AUTHENTICATION;
      case 403 -> Kind.AUTHORIZATION;
      case 404 -> Kind.NOT_FOUND;
      case 408 -> Kind.TIMEOUT;
      case 429 -> Kind.THROTTLED;
      default -> status >= 500 ? Kind.SERVER : Kind.PROTOCOL;
    };
  }

  /** Whether an answer is an HTML page (a login, proxy or maintenance page), by content type or first bytes. */
  public static boolean looksHtml(String contentType, String head) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      return true;
    }
    String h = head.stripLeading().toLowerCase(Locale.ROOT);
    return h.startsWith("<!doctype html") || h.startsWith("<html");
  }

  /** The socket timed out waiting for an answer: a slow query would only time out again, so not retried. */
  public static boolean timedOut(IOException e) {
    return e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException && !(e instanceof ConnectionClosedException);
  }

  /** A connection dropped or cut off mid-answer: worth another attempt (a refused connection or bad host is not). */
  public static boolean transientFailure(IOException e) {
    return e instanceof NoHttpResponseException || e instanceof ConnectionClosedException
        || e instanceof MalformedChunkCodingException || e instanceof EOFException
        || e instanceof SocketException && !(e instanceof ConnectException);
  }

  /** An I/O failure talking to {@code service} ("Fusion", "BI Publisher") for {@code display}. */
  public static FusionException io(IOException e, String service, String display) {
    if (timedOut(e)) {
      return FusionException.builder(Kind.TIMEOUT, "no answer from " + service + " within the socket timeout for "
          + display + "; raise socketTimeout or narrow the query").cause(e).build();
    }
    return FusionException.builder(Kind.TRANSPORT, "connection to " + service + " failed for " + display + ": " + e)
        .cause(e).retryable(transientFailure(e)).build();
  }

  /** The last failure once retries are spent, saying how often it was tried. */
  public static FusionException exhausted(FusionException last, int attempts) {
    return FusionException.builder(last.kind(), last.getMessage() + " (gave up after " + attempts + " attempts)")
        .cause(last.getCause() != null ? last.getCause() : last).httpStatus(last.httpStatus())
        .fusionDetail(last.fusionDetail()).fusionErrorCode(last.fusionErrorCode()).retryable(true).build();
  }

  /** An error body as text, its first {@code max} bytes kept and the rest read and dropped. */
  public static String readCapped(HttpEntity entity, int max) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, Math.max(0, Math.min(n, max - out.size())));
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
