package org.fusionjdbc.client.exchange;

import java.io.IOException;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.fusionjdbc.client.error.FusionException;

/**
 * One kind of request sent through an {@link HttpExchange}: how to build each attempt and what an answer means.
 * The exchange owns the retry loop, Retry-After, the 401 renewal, cancellation, the concurrency limit and the
 * trace line; a call decides only what is particular to its channel (REST JSON, SOAP, the token endpoint).
 */
public interface HttpCall<T> {

  /** Shown in the trace line after the method and in messages; never a token or a parameter value. */
  String display();

  /**
   * A fresh request for one attempt. {@code authorization} is the current header of the exchange's token
   * source, {@code null} for an exchange without one (the token request authenticates itself).
   */
  HttpUriRequestBase request(String authorization);

  /**
   * What the answer to attempt {@code attempt} (1 for the first) means: a success, or a failure the exchange
   * retries when it is {@link FusionException#retryable()}. Throws a FusionException for a final failure and an
   * IOException when reading the answer failed (then {@link #ioFailure} decides). A 401 the token source could
   * renew never reaches this method.
   */
  Outcome<T> classify(ClassicHttpResponse response, int attempt) throws IOException;

  /** An I/O failure of an attempt as an exception; retried when retryable. */
  FusionException ioFailure(IOException e);

  /** The last failure once retries are spent; {@code attempts} were sent. */
  default FusionException exhausted(FusionException last, int attempts) {
    return HttpFailures.exhausted(last, attempts);
  }

  /** The result of {@link #classify}. */
  final class Outcome<T> {
    private final T value;
    private final boolean keepsResponse;
    private final FusionException failure;
    private final String note;

    private Outcome(T value, boolean keepsResponse, FusionException failure, String note) {
      this.value = value;
      this.keepsResponse = keepsResponse;
      this.failure = failure;
      this.note = note;
    }

    /** Read completely; the exchange closes the response. */
    public static <T> Outcome<T> success(T value) {
      return new Outcome<>(value, false, null, "");
    }

    /**
     * {@code value} streams the still open response and closes it itself. The exchange gives back its request
     * slot now: the answer has started, and a caller reading two such results at once must not wait on itself.
     */
    public static <T> Outcome<T> streaming(T value) {
      return new Outcome<>(value, true, null, "");
    }

    /** A failed attempt; retried when the failure is retryable and the policy allows. */
    public static <T> Outcome<T> failure(FusionException failure) {
      return new Outcome<>(null, false, Objects.requireNonNull(failure, "failure"), "");
    }

    /** The same outcome with {@code note} (e.g. ", 1200 bytes, 25 rows") appended to the trace line. */
    public Outcome<T> noting(String note) {
      return new Outcome<>(value, keepsResponse, failure, note);
    }

    boolean succeeded() {
      return failure == null;
    }

    T value() {
      return value;
    }

    boolean keepsResponse() {
      return keepsResponse;
    }

    FusionException failureOrNull() {
      return failure;
    }

    String note() {
      return note;
    }
  }
}
