package org.fusionjdbc.jdbc;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusionjdbc.calcite.AdapterOptions;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.QDialect;

/**
 * A connection's validated settings: the raw values from {@link FusionUrl} checked against
 * {@link FusionProperty} before any network call. {@link #toString()} never shows a secret.
 */
public final class ConnectionSettings {
  private final String host;
  private final int port;
  private final Map<FusionProperty, String> values;
  private final List<String> ignoredKeys;

  ConnectionSettings(String host, int port, Map<FusionProperty, String> values, List<String> ignoredKeys)
      throws SQLException {
    this.host = host;
    this.port = port;
    this.values = Collections.unmodifiableMap(new EnumMap<>(PasswordField.route(values)));
    this.ignoredKeys = List.copyOf(ignoredKeys);
    validate();
  }

  public String host() {
    return host;
  }

  /** The port, or -1 for the scheme's default. */
  public int port() {
    return port;
  }

  /** The explicit value, or the property's default. */
  public Optional<String> get(FusionProperty p) {
    return Optional.ofNullable(values.get(p)).or(p::defaultValue);
  }

  public String authMode() {
    return get(FusionProperty.AUTH).orElseThrow().toLowerCase(Locale.ROOT);
  }

  /** Properties given to the driver that it does not know; reported as a warning on the connection. */
  public Optional<SQLWarning> ignoredPropertiesWarning() {
    if (ignoredKeys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SQLWarning("Ignored unknown connection properties: " + String.join(", ", ignoredKeys), "01000"));
  }

  public URI baseUrl() {
    String scheme = bool(FusionProperty.SSL) ? "https" : "http";
    return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (port > 0 ? ":" + port : ""));
  }

  /**
   * The connection's {@code jdbc:fusion:} URL as DatabaseMetaData.getURL gives it: host, port and every explicit
   * setting except the secret ones, so a tool that shows or reuses it never exposes a credential.
   */
  public String publicUrl() {
    StringBuilder url = new StringBuilder(FusionUrl.PREFIX).append("//")
        .append(host.contains(":") ? "[" + host + "]" : host).append(port > 0 ? ":" + port : "");
    char sep = '?';
    for (Map.Entry<FusionProperty, String> e : values.entrySet()) {
      if (!e.getKey().isSecret()) {
        url.append(sep).append(e.getKey().key()).append('=')
            .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return url.toString();
  }

  public FusionClientConfig toClientConfig() {
    FusionClientConfig.Builder builder = FusionClientConfig.builder(baseUrl(), authConfig())
        .restVersion(get(FusionProperty.REST_VERSION).orElseThrow())
        .frameworkVersion(integer(FusionProperty.FRAMEWORK_VERSION))
        .dialect(dialect())
        .connectTimeout(duration(FusionProperty.CONNECT_TIMEOUT))
        .socketTimeout(duration(FusionProperty.SOCKET_TIMEOUT))
        .maxRetries(integer(FusionProperty.MAX_RETRIES))
        .pageSize(integer(FusionProperty.PAGE_SIZE))
        .firstPageSize(integer(FusionProperty.FIRST_PAGE_SIZE))
        .parallelism(integer(FusionProperty.PARALLELISM))
        .tlsVerification("none".equalsIgnoreCase(get(FusionProperty.SSL_VERIFICATION).orElseThrow())
            ? FusionClientConfig.TlsVerification.NONE : FusionClientConfig.TlsVerification.FULL)
        .metadataCacheTtl(duration(FusionProperty.METADATA_CACHE_TTL))
        .userAgent("fusion-jdbc/" + DriverInfo.VERSION + " (Java " + System.getProperty("java.version") + ")");
    get(FusionProperty.METADATA_CACHE_DIR).map(Path::of).ifPresent(builder::metadataCacheDir);
    builder.proxy(proxySettings());
    builder.bipSettings(org.fusionjdbc.client.config.BipSettings.defaults()
        .withConcurrency(integer(FusionProperty.BIP_CONCURRENCY))
        .withProxyReport(get(FusionProperty.BIP_REPORT_PATH).orElseThrow(),
            org.fusionjdbc.client.config.BipSettings.defaults().proxyParameter())
        .withProxyShape(org.fusionjdbc.client.config.ProxyShape.parse(get(FusionProperty.BIP_PROXY).orElseThrow())));
    return builder.build();
  }

  public AdapterOptions toAdapterOptions() {
    List<String> resources = list(FusionProperty.RESOURCES);
    AdapterOptions rest = new AdapterOptions(bool(FusionProperty.PUSHDOWN), bool(FusionProperty.COUNT_PUSHDOWN),
        list(FusionProperty.SCHEMAS).stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toList()),
        resources.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(resources)),
        timeZone(), org.fusionjdbc.calcite.bip.BipSqlOptions.disabled());
    if (!bool(FusionProperty.BIP)) {
      return rest;
    }
    return rest.withBip(new org.fusionjdbc.calcite.bip.BipSqlOptions(true, list(FusionProperty.BIP_OWNERS),
        integer(FusionProperty.BIP_WINDOW_SIZE)));
  }

  /** The zone DATE/TIMESTAMP values are read in for JDBC: Calcite's and the adapter's, one setting. */
  public ZoneId timeZone() {
    return ZoneId.of(get(FusionProperty.TIME_ZONE).orElseThrow().trim());
  }

  public String defaultSchema() {
    return get(FusionProperty.DEFAULT_SCHEMA).orElseThrow().toUpperCase(Locale.ROOT);
  }

  private AuthConfig authConfig() {
    Optional<Secret> keyPassword = secret(FusionProperty.PRIVATE_KEY_PASSWORD);
    Optional<Path> certificate = get(FusionProperty.CERTIFICATE_FILE).map(Path::of);
    Optional<String> x5t = get(FusionProperty.X5T);
    String user = get(FusionProperty.USER).orElse("");
    return switch (authMode()) {
      case "jwt" -> new AuthConfig.FusionJwt(user, required(FusionProperty.ISSUER), path(FusionProperty.PRIVATE_KEY_FILE),
          keyPassword, certificate, x5t, duration(FusionProperty.TOKEN_LIFETIME));
      case "oauth" -> new AuthConfig.OAuth(user, URI.create(required(FusionProperty.IDENTITY_DOMAIN_URL)),
          required(FusionProperty.CLIENT_ID), secret(FusionProperty.CLIENT_SECRET).orElseThrow(),
          required(FusionProperty.SCOPE), required(FusionProperty.KEY_ALIAS), path(FusionProperty.PRIVATE_KEY_FILE),
          keyPassword, certificate, x5t, assertionLifetime());
      case "basic" -> new AuthConfig.Basic(user, secret(FusionProperty.PASSWORD).orElseThrow());
      default -> new AuthConfig.Bearer(secret(FusionProperty.ACCESS_TOKEN).orElseThrow());
    };
  }

  /** The OAuth user assertion is exchanged at once, so it lives minutes, not the token's lifetime. */
  private Duration assertionLifetime() {
    Duration configured = duration(FusionProperty.TOKEN_LIFETIME);
    Duration fiveMinutes = Duration.ofMinutes(5);
    return configured.compareTo(fiveMinutes) < 0 ? configured : fiveMinutes;
  }

  private QDialect dialect() {
    Set<String> ext = list(FusionProperty.Q_EXTENSIONS).stream().map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    return new QDialect(ext.contains("in"), ext.contains("between"), ext.contains("isnull"), ext.contains("not"),
        ext.contains("quotedoubling"), ext.contains("starwildcard"));
  }

  // ---- validation: every rule runs before any network call ----

  private void validate() throws SQLException {
    if (host.isEmpty()) {
      throw invalid("The URL has no pod host: use jdbc:fusion://<pod-host>[:port][?property=value&...]");
    }
    for (Map.Entry<FusionProperty, String> e : values.entrySet()) {
      checkType(e.getKey(), e.getValue());
    }
    String mode = authMode();
    for (FusionProperty p : requiredFor(mode)) {
      if (values.get(p) == null) {
        throw invalid("Connection property '" + p.key() + "' is required when auth=" + mode + didYouMean(p));
      }
    }
    if (mode.equals("jwt") && values.get(FusionProperty.CERTIFICATE_FILE) == null
        && values.get(FusionProperty.X5T) == null) {
      throw invalid("Connection property 'certificateFile' or 'x5t' is required when auth=jwt"
          + " (the JWT header carries the certificate's thumbprint)" + didYouMean(FusionProperty.CERTIFICATE_FILE));
    }
    validateProxy();
    for (FusionProperty p : values.keySet()) {
      if (!p.authModes().isEmpty() && !p.authModes().contains(mode)) {
        throw invalid("Connection property '" + p.key() + "' is not allowed with auth=" + mode
            + " (it applies to auth=" + String.join("|", new java.util.TreeSet<>(p.authModes())) + ")");
      }
    }
    if (!bool(FusionProperty.SSL) && !isLoopback(host)) {
      throw invalid("Connection property 'ssl' may be false only for a loopback host (such as the emulator on "
          + "127.0.0.1); " + host + " must be reached over https");
    }
    for (String schema : list(FusionProperty.SCHEMAS)) {
      if (FusionProperty.SCHEMAS.choices().stream().noneMatch(c -> c.equalsIgnoreCase(schema))) {
        throw invalidValue(FusionProperty.SCHEMAS, schema);
      }
    }
    if (!list(FusionProperty.SCHEMAS).stream().anyMatch(s -> s.equalsIgnoreCase(defaultSchema()))) {
      throw invalid("Connection property 'defaultSchema' value is invalid: " + defaultSchema()
          + " (expected one of the configured schemas " + list(FusionProperty.SCHEMAS) + ")");
    }
    int framework = integer(FusionProperty.FRAMEWORK_VERSION);
    if (framework < 2 || framework > 9) {
      throw invalid("Connection property 'frameworkVersion' value is invalid: " + framework
          + " (expected 2 to 9; the driver writes row-match q expressions, which framework 1 does not accept)");
    }
    int pageSize = integer(FusionProperty.PAGE_SIZE);
    if (pageSize < 1 || pageSize > 500) {
      throw invalid("Connection property 'pageSize' value is invalid: " + pageSize + " (expected 1 to 500)");
    }
    int firstPage = integer(FusionProperty.FIRST_PAGE_SIZE);
    if (firstPage < 1 || firstPage > 500) {
      throw invalid("Connection property 'firstPageSize' value is invalid: " + firstPage + " (expected 1 to 500)");
    }
    positive(FusionProperty.PARALLELISM, 1, 32);
    positive(FusionProperty.BIP_WINDOW_SIZE, 1, 1_000_000);
    positive(FusionProperty.BIP_CONCURRENCY, 1, 16);
    for (String owner : list(FusionProperty.BIP_OWNERS)) {
      if (!owner.matches("[A-Za-z][A-Za-z0-9_$#]{0,127}")) {
        throw invalid("Connection property 'bipOwners' value is invalid: " + owner
            + " (expected Oracle owner names such as FUSION, separated by commas)");
      }
    }
    String reportPath = get(FusionProperty.BIP_REPORT_PATH).orElseThrow();
    if (!reportPath.startsWith("/") || !reportPath.endsWith(".xdo")) {
      throw invalid("Connection property 'bipReportPath' value is invalid: " + reportPath
          + " (expected a catalog path such as /Custom/FusionJdbc/SqlProxy.xdo)");
    }
    positive(FusionProperty.MAX_RETRIES, 0, 20);
  }

  /** "; did you mean" for a required property when an ignored key is a near miss of it ("privatKeyFile"). */
  private String didYouMean(FusionProperty missing) {
    String wanted = missing.key().toLowerCase(Locale.ROOT);
    for (String key : ignoredKeys) {
      String k = key.toLowerCase(Locale.ROOT);
      int distance = FusionProperty.editDistance(k, wanted);
      if (distance <= Math.max(2, wanted.length() / 5) || k.replaceAll("[^a-z0-9]", "").equals(wanted)) {
        return "; the given property '" + key + "' is not a known one: did you mean '" + missing.key() + "'?";
      }
    }
    return "";
  }

  private void validateProxy() throws SQLException {
    boolean host = values.get(FusionProperty.PROXY_HOST) != null;
    if (!host && values.get(FusionProperty.PROXY_PORT) != null) {
      throw invalid("Connection property 'proxyPort' is set without 'proxyHost'; set both, or neither to use the "
          + "JVM's proxy settings (https.proxyHost, https.proxyPort)");
    }
    positive(FusionProperty.PROXY_PORT, 1, 65535);
    if (host && !get(FusionProperty.PROXY_HOST).orElseThrow().matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]")) {
      throw invalid("Connection property 'proxyHost' value is invalid: " + get(FusionProperty.PROXY_HOST).orElseThrow()
          + " (expected a host name or address only, such as proxy.example.com; the port goes in proxyPort)");
    }
    if (values.get(FusionProperty.PROXY_PASSWORD) != null && values.get(FusionProperty.PROXY_USER) == null) {
      throw invalid("Connection property 'proxyPassword' is set without 'proxyUser'; set the proxy user too");
    }
  }

  public boolean validateOnConnect() {
    return bool(FusionProperty.VALIDATE_ON_CONNECT);
  }

  /** The REST family (context root) of the default schema, e.g. fscmRestApi. */
  public String defaultContextRoot() {
    return switch (defaultSchema()) {
      case "HCM" -> "hcmRestApi";
      case "CRM" -> "crmRestApi";
      default -> "fscmRestApi";
    };
  }

  /**
   * A digest of every setting, secrets included, that identifies "the same connection pool key": connections
   * with equal keys reach the same pod as the same user with the same credentials. Only the digest is kept.
   */
  String poolKey() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update((host + "\n" + port).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      values.forEach((p, v) -> sha.update(("\n" + p.key() + "=" + v).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private org.fusionjdbc.client.config.ProxySettings proxySettings() {
    return new org.fusionjdbc.client.config.ProxySettings(get(FusionProperty.PROXY_HOST),
        integer(FusionProperty.PROXY_PORT), get(FusionProperty.PROXY_USER), secret(FusionProperty.PROXY_PASSWORD));
  }

  private static List<FusionProperty> requiredFor(String mode) {
    return switch (mode) {
      case "jwt" -> List.of(FusionProperty.USER, FusionProperty.ISSUER, FusionProperty.PRIVATE_KEY_FILE);
      case "oauth" -> List.of(FusionProperty.USER, FusionProperty.IDENTITY_DOMAIN_URL, FusionProperty.CLIENT_ID,
          FusionProperty.CLIENT_SECRET, FusionProperty.SCOPE, FusionProperty.KEY_ALIAS, FusionProperty.PRIVATE_KEY_FILE);
      case "basic" -> List.of(FusionProperty.USER, FusionProperty.PASSWORD);
      default -> List.of(FusionProperty.ACCESS_TOKEN);
    };
  }

  private void checkType(FusionProperty p, String raw) throws SQLException {
    switch (p.type()) {
      case INT -> {
        try {
          Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
          throw invalidValue(p, raw);
        }
      }
      case BOOLEAN -> {
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
          throw invalidValue(p, raw);
        }
      }
      case DURATION -> {
        if (parseDuration(raw).isEmpty()) {
          throw invalidValue(p, raw);
        }
      }
      case ENUM -> {
        if (p.choices().stream().noneMatch(c -> c.equalsIgnoreCase(raw.trim()))) {
          throw invalidValue(p, raw);
        }
      }
      case LIST -> {
        if (!p.choices().isEmpty() && p != FusionProperty.SCHEMAS) {
          for (String item : splitList(raw)) {
            if (p.choices().stream().noneMatch(c -> c.equalsIgnoreCase(item))) {
              throw invalidValue(p, item);
            }
          }
        }
      }
      case STRING -> {
        if (p == FusionProperty.TIME_ZONE) {
          try {
            ZoneId.of(raw.trim());
          } catch (RuntimeException e) {
            throw invalidValue(p, raw);
          }
        }
        if (p == FusionProperty.IDENTITY_DOMAIN_URL) {
          checkIdentityDomainUrl(raw);
        }
      }
      default -> {
      }
    }
  }

  private static void checkIdentityDomainUrl(String raw) throws SQLException {
    try {
      URI uri = URI.create(raw.trim());
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && isLoopback(uri.getHost());
      if (uri.getHost() == null || !(https || loopbackHttp)) {
        throw invalid("Connection property 'identityDomainUrl' value is invalid: " + raw
            + " (expected https://<identity-domain-host>; plain http only for a loopback host)");
      }
    } catch (IllegalArgumentException e) {
      throw invalidValue(FusionProperty.IDENTITY_DOMAIN_URL, raw);
    }
  }

  private void positive(FusionProperty p, int min, int max) throws SQLException {
    int v = integer(p);
    if (v < min || v > max) {
      throw invalid("Connection property '" + p.key() + "' value is invalid: " + v + " (expected " + min + " to " + max + ")");
    }
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Literal addresses only: never resolve a name here (no network before validation ends).
    if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":")) {
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  // ---- typed accessors ----

  private String required(FusionProperty p) {
    return get(p).orElseThrow();
  }

  private Path path(FusionProperty p) {
    return Path.of(required(p));
  }

  private Optional<Secret> secret(FusionProperty p) {
    return Optional.ofNullable(values.get(p)).map(Secret::of);
  }

  int integer(FusionProperty p) {
    return Integer.parseInt(get(p).orElseThrow().trim());
  }

  boolean bool(FusionProperty p) {
    return Boolean.parseBoolean(get(p).orElseThrow().trim());
  }

  Duration duration(FusionProperty p) {
    return parseDuration(get(p).orElseThrow()).orElseThrow();
  }

  List<String> list(FusionProperty p) {
    return splitList(get(p).orElse(""));
  }

  private static List<String> splitList(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
  }

  /** ISO-8601 ({@code PT30S}) or a plain number of seconds; positive. */
  static Optional<Duration> parseDuration(String raw) {
    String s = raw.trim();
    try {
      Duration d = s.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(s)) : Duration.parse(s.toUpperCase(Locale.ROOT));
      return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static SQLException invalid(String message) {
    return new SQLException(message, SqlStates.CONNECTION_SETTINGS);
  }

  private static SQLException invalidValue(FusionProperty p, String raw) {
    String shown = p.isSecret() ? "****" : raw;
    String expected = switch (p.type()) {
      case INT -> "an integer";
      case BOOLEAN -> "true or false";
      case DURATION -> "a positive ISO-8601 duration such as PT30S, or a number of seconds";
      case ENUM, LIST -> "one of " + String.join(", ", p.choices());
      default -> p == FusionProperty.TIME_ZONE ? "a time-zone id such as UTC or Europe/Paris" : "a valid value";
    };
    return invalid("Connection property '" + p.key() + "' value is invalid: " + shown + " (expected " + expected + ")");
  }

  @Override
  public String toString() {
    Set<String> shown = new LinkedHashSet<>();
    values.forEach((p, v) -> shown.add(p.key() + "=" + (p.isSecret() ? "****" : v)));
    return "ConnectionSettings[host=" + host + (port > 0 ? ", port=" + port : "") + ", " + new ArrayList<>(shown) + "]";
  }
}
