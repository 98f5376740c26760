package org.fusionjdbc.client.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.fusionjdbc.client.auth.AuthConfig;

/**
 * Everything one {@code FusionClient} needs, validated and immutable. Built by the driver from the URL
 * and Properties; {@link #toString()} is safe to log (secrets live in {@link AuthConfig} as Secrets).
 */
public final class FusionClientConfig {

  /** How TLS certificates are checked. Only {@code NONE} skips checks, and only when a user names it. */
  public enum TlsVerification { FULL, NONE }

  private final URI baseUrl;
  private final AuthConfig auth;
  private final String restVersion;
  private final int frameworkVersion;
  private final QDialect dialect;
  private final Duration connectTimeout;
  private final Duration socketTimeout;
  private final int maxRetries;
  private final int pageSize;
  private final int firstPageSize;
  private final int parallelism;
  private final TlsVerification tlsVerification;
  private final Optional<Path> metadataCacheDir;
  private final Duration metadataCacheTtl;
  private final Duration renewBefore;
  private final String userAgent;
  private final BipSettings bipSettings;
  private final Duration retryBudget;
  private final Duration retryBaseDelay;
  private final ProxySettings proxy;

  private FusionClientConfig(Builder b) {
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.auth = Objects.requireNonNull(b.auth, "auth");
    this.restVersion = Objects.requireNonNull(b.restVersion, "restVersion");
    this.frameworkVersion = b.frameworkVersion;
    this.dialect = Objects.requireNonNull(b.dialect, "dialect");
    this.connectTimeout = Objects.requireNonNull(b.connectTimeout, "connectTimeout");
    this.socketTimeout = Objects.requireNonNull(b.socketTimeout, "socketTimeout");
    this.maxRetries = b.maxRetries;
    this.pageSize = b.pageSize;
    this.firstPageSize = b.firstPageSize;
    this.parallelism = b.parallelism;
    this.tlsVerification = Objects.requireNonNull(b.tlsVerification, "tlsVerification");
    this.metadataCacheDir = Objects.requireNonNull(b.metadataCacheDir, "metadataCacheDir");
    this.metadataCacheTtl = Objects.requireNonNull(b.metadataCacheTtl, "metadataCacheTtl");
    this.renewBefore = Objects.requireNonNull(b.renewBefore, "renewBefore");
    this.userAgent = Objects.requireNonNull(b.userAgent, "userAgent");
    this.bipSettings = b.bipSettings;
    this.retryBudget = Objects.requireNonNull(b.retryBudget, "retryBudget");
    this.retryBaseDelay = Objects.requireNonNull(b.retryBaseDelay, "retryBaseDelay");
    this.proxy = Objects.requireNonNull(b.proxy, "proxy");
    if (retryBudget.isNegative() || retryBaseDelay.isNegative()) {
      throw new IllegalArgumentException("retryBudget and retryBaseDelay must not be negative");
    }
    if (frameworkVersion < 2 || frameworkVersion > 9) {
      throw new IllegalArgumentException("frameworkVersion must be 2..9 (row-match q): " + frameworkVersion);
    }
    if (pageSize < 1 || firstPageSize < 1 || firstPageSize > pageSize) {
      throw new IllegalArgumentException("need 1 <= firstPageSize <= pageSize: " + firstPageSize + ", " + pageSize);
    }
    if (parallelism < 1 || maxRetries < 0) {
      throw new IllegalArgumentException("parallelism >= 1 and maxRetries >= 0 required");
    }
  }

  public static Builder builder(URI baseUrl, AuthConfig auth) {
    return new Builder(baseUrl, auth);
  }

  /** Scheme, host and port of the pod, e.g. {@code https://pod.fa.us2.oraclecloud.com}. */
  public URI baseUrl() {
    return baseUrl;
  }

  public AuthConfig auth() {
    return auth;
  }

  /** REST version path segment, {@code 11.13.18.05} or {@code latest}. */
  public String restVersion() {
    return restVersion;
  }

  /** REST-Framework-Version header sent on every request (contract decision 1: default 4). */
  public int frameworkVersion() {
    return frameworkVersion;
  }

  /** Which uncertain q constructs may be sent. */
  public QDialect dialect() {
    return dialect;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration socketTimeout() {
    return socketTimeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  /** Rows per page after the first (at most the pod's maximum, 500). */
  public int pageSize() {
    return pageSize;
  }

  /** Rows in the first page of a scan: small, for a fast first row. */
  public int firstPageSize() {
    return firstPageSize;
  }

  /** Concurrent requests one scan may have in flight (key-range slices). */
  public int parallelism() {
    return parallelism;
  }

  public TlsVerification tlsVerification() {
    return tlsVerification;
  }

  public Optional<Path> metadataCacheDir() {
    return metadataCacheDir;
  }

  public Duration metadataCacheTtl() {
    return metadataCacheTtl;
  }

  /** Renew a token this long before it expires. */
  public Duration renewBefore() {
    return renewBefore;
  }

  /** How the BI Publisher channel calls the pod (SOAP version, proxy report path, concurrency). */
  public BipSettings bipSettings() {
    return bipSettings;
  }

  public String userAgent() {
    return userAgent;
  }

  /** Total time one request may spend waiting between retries before its last error is reported. */
  public Duration retryBudget() {
    return retryBudget;
  }

  /** First backoff delay; doubled per attempt, with jitter, unless the server sends Retry-After. */
  public Duration retryBaseDelay() {
    return retryBaseDelay;
  }

  /** The HTTP proxy for every request of this client, or {@link ProxySettings#SYSTEM}. */
  public ProxySettings proxy() {
    return proxy;
  }

  @Override
  public String toString() {
    return "FusionClientConfig{baseUrl=" + baseUrl + ", auth=" + auth + ", restVersion=" + restVersion
        + ", frameworkVersion=" + frameworkVersion + ", dialect=" + dialect + ", connectTimeout=" + connectTimeout
        + ", socketTimeout=" + socketTimeout + ", maxRetries=" + maxRetries + ", pageSize=" + pageSize
        + ", firstPageSize=" + firstPageSize + ", parallelism=" + parallelism + ", tls=" + tlsVerification
        + ", metadataCacheDir=" + metadataCacheDir.orElse(null)
        + ", metadataCacheTtl=" + metadataCacheTtl + ", retryBudget=" + retryBudget + ", proxy=" + proxy + "}";
  }

  /** Builder with the project's defaults. */
  public static final class Builder {
    private final URI baseUrl;
    private final AuthConfig auth;
    private String restVersion = "11.13.18.05";
    private int frameworkVersion = 4;
    private QDialect dialect = QDialect.STRICT;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration socketTimeout = Duration.ofSeconds(300);
    private int maxRetries = 5;
    private int pageSize = 500;
    private int firstPageSize = 50;
    private int parallelism = 4;
    private TlsVerification tlsVerification = TlsVerification.FULL;
    private Optional<Path> metadataCacheDir = Optional.empty();
    private Duration metadataCacheTtl = Duration.ofHours(24);
    private Duration renewBefore = Duration.ofMinutes(2);
    private String userAgent = "fusion-jdbc";
    private BipSettings bipSettings = BipSettings.defaults();
    private Duration retryBudget = Duration.ofMinutes(2);
    private Duration retryBaseDelay = Duration.ofMillis(250);
    private ProxySettings proxy = ProxySettings.SYSTEM;

    private Builder(URI baseUrl, AuthConfig auth) {
      this.baseUrl = baseUrl;
      this.auth = auth;
    }

    public Builder restVersion(String v) {
      this.restVersion = v;
      return this;
    }

    public Builder frameworkVersion(int v) {
      this.frameworkVersion = v;
      return this;
    }

    public Builder dialect(QDialect d) {
      this.dialect = d;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    public Builder socketTimeout(Duration d) {
      this.socketTimeout = d;
      return this;
    }

    public Builder maxRetries(int n) {
      this.maxRetries = n;
      return this;
    }

    public Builder pageSize(int n) {
      this.pageSize = n;
      return this;
    }

    public Builder firstPageSize(int n) {
      this.firstPageSize = n;
      return this;
    }

    public Builder parallelism(int n) {
      this.parallelism = n;
      return this;
    }

    public Builder tlsVerification(TlsVerification t) {
      this.tlsVerification = t;
      return this;
    }

    public Builder metadataCacheDir(Path dir) {
      this.metadataCacheDir = Optional.ofNullable(dir);
      return this;
    }

    public Builder metadataCacheTtl(Duration d) {
      this.metadataCacheTtl = d;
      return this;
    }

    public Builder renewBefore(Duration d) {
      this.renewBefore = d;
      return this;
    }

    public Builder userAgent(String ua) {
      this.userAgent = ua;
      return this;
    }

    public Builder retryBudget(Duration d) {
      this.retryBudget = d;
      return this;
    }

    public Builder retryBaseDelay(Duration d) {
      this.retryBaseDelay = d;
      return this;
    }

    public Builder bipSettings(BipSettings s) {
      this.bipSettings = java.util.Objects.requireNonNull(s, "bipSettings");
      return this;
    }

    public Builder proxy(ProxySettings p) {
      this.proxy = Objects.requireNonNull(p, "proxy");
      return this;
    }

    public FusionClientConfig build() {
      return new FusionClientConfig(this);
    }
  }
}
