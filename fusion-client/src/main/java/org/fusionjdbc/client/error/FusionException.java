package org.fusionjdbc.client.error;

import java.util.Objects;

/**
 * Every failure the client reports. Unchecked so that it can travel through Calcite's enumerators; the
 * driver maps {@link #kind()} to a SQLState at the JDBC boundary. Messages never contain secrets.
 */
public final class FusionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarse enough for the driver to choose a SQLState. */
  public enum Kind {
    /** Settings are invalid or inconsistent (bad key file, wrong passphrase, x5t mismatch...). */
    CONFIGURATION,
    /** Credentials were rejected (401, token endpoint refused the assertion or the client). */
    AUTHENTICATION,
    /** Authenticated but not allowed (403). */
    AUTHORIZATION,
    /** Fusion rejected the request itself (400: bad q, unknown or non-queryable attribute). */
    BAD_REQUEST,
    /** Unknown resource, child or item (404). */
    NOT_FOUND,
    /** Throttled (429) and the retry budget is spent. */
    THROTTLED,
    /** Server-side failure (5xx) after retries. */
    SERVER,
    /** Connection refused, reset, DNS, TLS: the link failed. */
    TRANSPORT,
    /** A response that does not follow the contract (malformed JSON, HTML instead of JSON...). */
    PROTOCOL,
    /** A configured timeout elapsed. */
    TIMEOUT,
    /** The caller cancelled. */
    CANCELLED
  }

  private final Kind kind;
  private final int httpStatus;
  private final String fusionDetail;
  private final String fusionErrorCode;
  private final boolean retryable;

  private FusionException(Builder b) {
    super(b.message, b.cause);
    this.kind = b.kind;
    this.httpStatus = b.httpStatus;
    this.fusionDetail = b.fusionDetail;
    this.fusionErrorCode = b.fusionErrorCode;
    this.retryable = b.retryable;
  }

  public static Builder builder(Kind kind, String message) {
    return new Builder(kind, message);
  }

  public static FusionException of(Kind kind, String message) {
    return builder(kind, message).build();
  }

  public static FusionException of(Kind kind, String message, Throwable cause) {
    return builder(kind, message).cause(cause).build();
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status of the failed response, or 0 when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Fusion's own error text (o:errorDetails detail or raw body, trimmed), or null. */
  public String fusionDetail() {
    return fusionDetail;
  }

  /** Fusion's error code (e.g. JBO-27024), or null. */
  public String fusionErrorCode() {
    return fusionErrorCode;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Builder; message is mandatory and must already say what to fix. */
  public static final class Builder {
    private final Kind kind;
    private final String message;
    private Throwable cause;
    private int httpStatus;
    private String fusionDetail;
    private String fusionErrorCode;
    private boolean retryable;

    private Builder(Kind kind, String message) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.message = Objects.requireNonNull(message, "message");
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public Builder httpStatus(int status) {
      this.httpStatus = status;
      return this;
    }

    public Builder fusionDetail(String detail) {
      this.fusionDetail = detail;
      return this;
    }

    public Builder fusionErrorCode(String code) {
      this.fusionErrorCode = code;
      return this;
    }

    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    public FusionException build() {
      return new FusionException(this);
    }
  }
}
