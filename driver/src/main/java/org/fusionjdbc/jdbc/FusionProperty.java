package org.fusionjdbc.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every connection property the driver knows, in one place: key, type, default, description and, for
 * authentication settings, the modes it belongs to. Parsing, validation, {@code getPropertyInfo} and
 * docs/connection-properties.md are all derived from this enum (the pgjdbc PGProperty shape).
 */
public enum FusionProperty {
  // --- authentication ---
  AUTH("auth", Type.ENUM, "jwt", "How to authenticate: jwt (a JWT the driver signs with your private key; works with MFA), "
      + "oauth (identity-domain JWT-bearer grant), basic (user and password; pods without MFA), bearer (a token you obtained).",
      List.of("jwt", "oauth", "basic", "bearer"), Set.of()),
  USER("user", Type.STRING, null, "The Fusion username the queries run as (the JWT's prn/sub claim, or the Basic user); "
      + "ignored with auth=bearer, where the token names the user.", List.of(), Set.of()),
  PASSWORD("password", Type.SECRET, null, "The secret of the active auth mode, so the tool's password field (which "
      + "tools store safely) can carry it: the password with auth=basic; with oauth the clientSecret, with jwt the "
      + "privateKeyPassword of an encrypted key, with bearer the accessToken, each when that property is not set.",
      List.of(), Set.of()),
  ISSUER("issuer", Type.STRING, null, "The JWT issuer (iss) registered with your certificate in Fusion's Security Console "
      + "(API Authentication provider).", List.of(), Set.of("jwt")),
  PRIVATE_KEY_FILE("privateKeyFile", Type.PATH, null, "PEM file of the RSA private key that signs the JWT "
      + "(PKCS#8 or PKCS#1, optionally encrypted).", List.of(), Set.of("jwt", "oauth")),
  PRIVATE_KEY_PASSWORD("privateKeyPassword", Type.SECRET, null, "Passphrase of an encrypted private key file.",
      List.of(), Set.of("jwt", "oauth")),
  CERTIFICATE_FILE("certificateFile", Type.PATH, null, "PEM or DER X.509 certificate of the key; the driver computes "
      + "the x5t thumbprint from it and checks it matches the key (auth=jwt needs it or x5t; optional for oauth).", List.of(), Set.of("jwt", "oauth")),
  X5T("x5t", Type.STRING, null, "Certificate thumbprint (base64url SHA-1) for the JWT header, when no certificateFile "
      + "is given.", List.of(), Set.of("jwt", "oauth")),
  TOKEN_LIFETIME("tokenLifetime", Type.DURATION, "PT30M", "Lifetime of each signed JWT; renewed before it expires, "
      + "never in the middle of a page. With auth=oauth the user assertion lives at most 5 minutes.", List.of(), Set.of("jwt", "oauth")),
  KEY_ALIAS("keyAlias", Type.STRING, null, "Alias (kid) under which the certificate is registered with the "
      + "identity-domain client.", List.of(), Set.of("oauth")),
  CLIENT_ID("clientId", Type.STRING, null, "OAuth client id of the confidential application.", List.of(), Set.of("oauth")),
  CLIENT_SECRET("clientSecret", Type.SECRET, null, "OAuth client secret.", List.of(), Set.of("oauth")),
  SCOPE("scope", Type.STRING, null, "OAuth scope of the Fusion application, e.g. "
      + "urn:opc:resource:fa:instanceid=NNNurn:opc:resource:consumer::all.", List.of(), Set.of("oauth")),
  IDENTITY_DOMAIN_URL("identityDomainUrl", Type.STRING, null, "Identity domain URL, e.g. "
      + "https://idcs-abc.identity.oraclecloud.com; the token endpoint is {url}/oauth2/v1/token.",
      List.of(), Set.of("oauth")),
  ACCESS_TOKEN("accessToken", Type.SECRET, null, "A bearer access token for auth=bearer; never renewed.",
      List.of(), Set.of("bearer")),
  // --- REST ---
  REST_VERSION("restVersion", Type.STRING, "11.13.18.05", "REST API version in resource URLs.", List.of(), Set.of()),
  FRAMEWORK_VERSION("frameworkVersion", Type.INT, "4", "REST-Framework-Version header sent with every request (2-9).",
      List.of(), Set.of()),
  SSL("ssl", Type.BOOLEAN, "true", "false uses plain http; allowed only for loopback hosts (the emulator).",
      List.of(), Set.of()),
  SSL_VERIFICATION("sslVerification", Type.ENUM, "full", "TLS certificate and host name checks: full, or none to "
      + "turn them off (never on a production pod).", List.of("full", "none"), Set.of()),
  CONNECT_TIMEOUT("connectTimeout", Type.DURATION, "PT30S", "TCP/TLS connect timeout (ISO-8601 like PT30S, or seconds).",
      List.of(), Set.of()),
  SOCKET_TIMEOUT("socketTimeout", Type.DURATION, "PT300S", "Longest wait for data on a response (ISO-8601 or seconds).",
      List.of(), Set.of()),
  PROXY_HOST("proxyHost", Type.STRING, null, "HTTP proxy for every request (REST, the identity domain's token "
      + "endpoint, BI Publisher), loopback hosts included; without it the JVM's https.proxyHost, http.proxyHost and "
      + "http.nonProxyHosts apply.", List.of(), Set.of()),
  PROXY_PORT("proxyPort", Type.INT, "8080", "Port of proxyHost.", List.of(), Set.of()),
  PROXY_USER("proxyUser", Type.STRING, null, "User for a proxy that asks for Basic authentication (HTTP 407).",
      List.of(), Set.of()),
  PROXY_PASSWORD("proxyPassword", Type.SECRET, null, "Password of proxyUser.", List.of(), Set.of()),
  VALIDATE_ON_CONNECT("validateOnConnect", Type.BOOLEAN, "true", "Prove the credentials when the connection opens "
      + "(the token, then one small authenticated request), so a wrong setting fails at getConnection; false defers "
      + "that to the first query (Spark executors, pools that validate otherwise).", List.of(), Set.of()),
  MAX_RETRIES("maxRetries", Type.INT, "5", "Retries of a request after 429, 5xx or a dropped connection.", List.of(), Set.of()),
  PAGE_SIZE("pageSize", Type.INT, "500", "Rows per REST page (Fusion's maximum is 500).", List.of(), Set.of()),
  FIRST_PAGE_SIZE("firstPageSize", Type.INT, "50", "Rows in the first page, so the first rows arrive quickly.",
      List.of(), Set.of()),
  PARALLELISM("parallelism", Type.INT, "4", "Concurrent page requests for one large scan (1 turns it off).",
      List.of(), Set.of()),
  // --- SQL ---
  PUSHDOWN("pushdown", Type.BOOLEAN, "true", "Push filters, projections, sorts and limits into REST; false keeps all "
      + "of it in the driver (slower; for diagnosing a suspected pushdown difference).", List.of(), Set.of()),
  COUNT_PUSHDOWN("countPushdown", Type.BOOLEAN, "true", "Answer COUNT(*) from Fusion's totalResults.", List.of(), Set.of()),
  Q_EXTENSIONS("qExtensions", Type.LIST, "", "Row-match constructs your pod is known to answer exactly, which the "
      + "driver may then push down (comma-separated): in, between, isNull, not, quoteDoubling, starWildcard.",
      List.of("in", "between", "isNull", "not", "quoteDoubling", "starWildcard"), Set.of()),
  SCHEMAS("schemas", Type.LIST, "FSCM,HCM", "REST families exposed as schemas: FSCM (fscmRestApi), HCM (hcmRestApi), "
      + "CRM (crmRestApi).", List.of("FSCM", "HCM", "CRM"), Set.of()),
  RESOURCES("resources", Type.LIST, "", "Only these resources are exposed as tables (comma-separated); empty = all.",
      List.of(), Set.of()),
  DEFAULT_SCHEMA("defaultSchema", Type.STRING, "FSCM", "Schema of unqualified table names.", List.of(), Set.of()),
  TIME_ZONE("timeZone", Type.STRING, "UTC", "Time zone for DATE/TIMESTAMP values handed to JDBC (Fusion sends UTC).",
      List.of(), Set.of()),
  METADATA_CACHE_DIR("metadataCacheDir", Type.PATH, null, "Directory for a describe cache shared across connections "
      + "(no credentials are written).", List.of(), Set.of()),
  METADATA_CACHE_TTL("metadataCacheTtl", Type.DURATION, "PT24H", "How long a cached describe stays valid.", List.of(), Set.of()),
  // --- BI Publisher channel ---
  BIP("bip", Type.BOOLEAN, "false", "Expose Fusion's database tables (schema FUSION_DB, the NATIVE and BIP.REPORT table "
      + "functions) through the BI Publisher proxy report an administrator installed; see docs/bi-publisher.md.",
      List.of(), Set.of()),
  BIP_OWNERS("bipOwners", Type.LIST, "FUSION", "Database owners whose tables FUSION_DB lists, in priority order.",
      List.of(), Set.of()),
  BIP_REPORT_PATH("bipReportPath", Type.STRING, "/Custom/FusionJdbc/SqlProxy.xdo", "Catalog path of the proxy "
      + "report.", List.of(), Set.of()),
  BIP_PROXY("bipProxy", Type.ENUM, "auto", "Which proxy report runs the SQL: fj1 (SqlProxy.xdo, typed by DBMS_SQL), "
      + "xmlgen (SqlProxyXmlgen.xdo beside it, for pods that refuse DBMS_SQL), or auto (fj1, switching to xmlgen for "
      + "the connection when the pod refuses it).", List.of("fj1", "xmlgen", "auto"), Set.of()),
  BIP_WINDOW_SIZE("bipWindowSize", Type.INT, "5000", "Rows per proxy run when a large result is read in "
      + "OFFSET/FETCH windows.", List.of(), Set.of()),
  BIP_CONCURRENCY("bipConcurrency", Type.INT, "1", "BI Publisher runs one connection may have in flight (pods pile up "
      + "sessions otherwise).", List.of(), Set.of()),
  // --- diagnostics ---
  LOG_LEVEL("logLevel", Type.ENUM, null, "Level of the org.fusionjdbc logger (java.util.logging): OFF, ERROR, WARN, "
      + "INFO, DEBUG (each HTTP call: method, path, status, ms, rows; tokens redacted), TRACE.",
      List.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"), Set.of()),
  LOG_FILE("logFile", Type.PATH, null, "Also write the driver's log to this file, secrets redacted, DEBUG unless logLevel "
      + "says otherwise; it rotates at 10 MB, keeping 5 files: the name plus .0 is the newest, .1 the one before "
      + "(or put %g in the name where the number goes). For tools that hide stderr "
      + "(Tableau, DBeaver): attach this file to a support request.", List.of(), Set.of());

  /** Value types; each has one parser in {@link ConnectionSettings}. */
  public enum Type { STRING, INT, BOOLEAN, DURATION, ENUM, PATH, SECRET, LIST }

  private final String key;
  private final Type type;
  private final String defaultValue;
  private final String description;
  private final List<String> choices;
  private final Set<String> authModes;

  FusionProperty(String key, Type type, String defaultValue, String description, List<String> choices,
      Set<String> authModes) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices;
    this.authModes = authModes;
  }

  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public String description() {
    return description;
  }

  public List<String> choices() {
    return choices;
  }

  /** Auth modes this property belongs to; empty for properties that apply to every mode. */
  public Set<String> authModes() {
    return authModes;
  }

  public boolean isSecret() {
    return type == Type.SECRET;
  }

  /** Keys are matched case-insensitively: tools differ in how they spell them. */
  public static Optional<FusionProperty> forKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key)).findFirst();
  }

  /** The known key closest to a misspelt one, for "did you mean" messages. */
  public static String nearestKey(String unknown) {
    String lower = unknown.toLowerCase(Locale.ROOT);
    FusionProperty best = AUTH;
    int bestDistance = Integer.MAX_VALUE;
    for (FusionProperty p : values()) {
      int d = editDistance(lower, p.key.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = p;
      }
    }
    return best.key;
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
