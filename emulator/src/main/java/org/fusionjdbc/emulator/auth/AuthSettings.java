package org.fusionjdbc.emulator.auth;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the emulator and how: known Fusion users, Basic passwords, trusted issuers with their
 * certificates (8a), identity-domain OAuth clients (8b), token lifetime, clock skew and x5t strictness.
 * Immutable; {@link #toString()} never shows a password or secret.
 */
public final class AuthSettings {

  /** The Fusion resource audience the emulated pod answers to (access tokens must name it). */
  public static final String DEFAULT_FUSION_AUDIENCE = "urn:opc:resource:fa:instanceid=demo0001";

  private final Set<String> users;
  private final Map<String, String> basicUsers;
  private final Map<String, List<X509Certificate>> trustedIssuers;
  private final Map<String, OAuthClient> oauthClients;
  private final Duration accessTokenLifetime;
  private final Duration clockSkew;
  private final boolean strictX5t;
  private final Clock clock;
  private final String fusionAudience;
  /** issuer -> (x5t form -> certificate); standard-base64 forms are only added when lenient. */
  private final Map<String, Map<String, X509Certificate>> issuerCertsByX5t;

  private AuthSettings(Builder b) {
    this.users = Set.copyOf(b.users);
    this.basicUsers = Map.copyOf(b.basicUsers);
    Map<String, List<X509Certificate>> issuers = new LinkedHashMap<>();
    b.trustedIssuers.forEach((k, v) -> issuers.put(k, List.copyOf(v)));
    this.trustedIssuers = Map.copyOf(issuers);
    this.oauthClients = Map.copyOf(b.oauthClients);
    this.accessTokenLifetime = b.accessTokenLifetime;
    this.clockSkew = b.clockSkew;
    this.strictX5t = b.strictX5t;
    this.clock = b.clock;
    this.fusionAudience = b.fusionAudience;
    Map<String, Map<String, X509Certificate>> index = new LinkedHashMap<>();
    trustedIssuers.forEach((issuer, certs) -> index.put(issuer, indexByX5t(certs, strictX5t)));
    this.issuerCertsByX5t = Map.copyOf(index);
  }

  static Map<String, X509Certificate> indexByX5t(Collection<X509Certificate> certs, boolean strict) {
    Map<String, X509Certificate> byX5t = new LinkedHashMap<>();
    for (X509Certificate cert : certs) {
      byX5t.put(Thumbprints.x5t(cert), cert);
      if (!strict) {
        String standard = Thumbprints.standardBase64X5t(cert);
        byX5t.put(standard, cert);
        byX5t.put(standard.replace("=", ""), cert);
      }
    }
    return Map.copyOf(byX5t);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding all of these settings, passwords and secrets included, to add to or change. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.users.addAll(users);
    b.basicUsers.putAll(basicUsers);
    trustedIssuers.forEach((issuer, certs) -> b.trustedIssuers.put(issuer, new ArrayList<>(certs)));
    b.oauthClients.putAll(oauthClients);
    b.accessTokenLifetime = accessTokenLifetime;
    b.clockSkew = clockSkew;
    b.strictX5t = strictX5t;
    b.clock = clock;
    b.fusionAudience = fusionAudience;
    return b;
  }

  public Set<String> users() {
    return users;
  }

  /** Usernames that may use HTTP Basic (passwords are not exposed). */
  public Set<String> basicUsernames() {
    return basicUsers.keySet();
  }

  /** Issuer -> registered certificates. */
  public Map<String, List<X509Certificate>> trustedIssuers() {
    return trustedIssuers;
  }

  public Map<String, OAuthClient> oauthClients() {
    return oauthClients;
  }

  public Duration accessTokenLifetime() {
    return accessTokenLifetime;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  public boolean strictX5t() {
    return strictX5t;
  }

  public Clock clock() {
    return clock;
  }

  public String fusionAudience() {
    return fusionAudience;
  }

  boolean isKnownUser(String username) {
    return username != null && users.contains(username);
  }

  Optional<String> basicPassword(String username) {
    return Optional.ofNullable(basicUsers.get(username));
  }

  /** The certificate registered for {@code issuer} with this x5t (lenient forms included when not strict). */
  Optional<X509Certificate> trustedCertificate(String issuer, String x5t) {
    Map<String, X509Certificate> byX5t = issuerCertsByX5t.get(issuer);
    return byX5t == null || x5t == null ? Optional.empty() : Optional.ofNullable(byX5t.get(x5t));
  }

  @Override
  public String toString() {
    return "AuthSettings[users=" + users + ", basicUsers=" + basicUsers.keySet() + " (passwords hidden)"
        + ", trustedIssuers=" + trustedIssuers.keySet() + ", oauthClients=" + oauthClients.values()
        + ", accessTokenLifetime=" + accessTokenLifetime + ", clockSkew=" + clockSkew
        + ", strictX5t=" + strictX5t + ", fusionAudience=" + fusionAudience + "]";
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private final Set<String> users = new LinkedHashSet<>();
    private final Map<String, String> basicUsers = new LinkedHashMap<>();
    private final Map<String, List<X509Certificate>> trustedIssuers = new LinkedHashMap<>();
    private final Map<String, OAuthClient> oauthClients = new LinkedHashMap<>();
    private Duration accessTokenLifetime = Duration.ofSeconds(3600);
    private Duration clockSkew = Duration.ofSeconds(60);
    private boolean strictX5t = true;
    private Clock clock = Clock.systemUTC();
    private String fusionAudience = DEFAULT_FUSION_AUDIENCE;

    private Builder() {}

    /** A known Fusion username (tokens must name one). */
    public Builder user(String username) {
      users.add(requireText(username, "username"));
      return this;
    }

    public Builder users(Collection<String> usernames) {
      Objects.requireNonNull(usernames, "usernames").forEach(this::user);
      return this;
    }

    /** A user who may sign in with HTTP Basic; also becomes a known user. */
    public Builder basicUser(String username, String password) {
      user(username);
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("the Basic password of " + username + " must not be empty");
      }
      basicUsers.put(username, password);
      return this;
    }

    /** Trusts {@code issuer} for client-signed Fusion JWTs whose x5t names {@code certificate}. Repeatable. */
    public Builder trustIssuer(String issuer, X509Certificate certificate) {
      requireText(issuer, "issuer");
      Objects.requireNonNull(certificate, "certificate");
      trustedIssuers.computeIfAbsent(issuer, k -> new ArrayList<>()).add(certificate);
      return this;
    }

    /**
     * The CLI form {@code ISSUER=path/to/cert.pem} ({@code --trust}); the certificate may be PEM or DER.
     * Splits at the last '=' so an issuer may itself contain '='.
     */
    public Builder trustIssuerSpec(String spec) {
      int eq = spec == null ? -1 : spec.lastIndexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new IllegalArgumentException("--trust expects ISSUER=path/to/cert.pem, got: " + spec);
      }
      return trustIssuer(spec.substring(0, eq), Pems.readCertificate(java.nio.file.Path.of(spec.substring(eq + 1))));
    }

    /** The CLI form {@code NAME:PASSWORD} ({@code --basic-user}); the error never repeats the password. */
    public Builder basicUserSpec(String spec) {
      int colon = spec == null ? -1 : spec.indexOf(':');
      if (colon <= 0 || colon == spec.length() - 1) {
        throw new IllegalArgumentException("--basic-user expects NAME:PASSWORD (both non-empty)");
      }
      return basicUser(spec.substring(0, colon), spec.substring(colon + 1));
    }

    public Builder oauthClient(OAuthClient client) {
      Objects.requireNonNull(client, "client");
      oauthClients.put(client.clientId(), client);
      return this;
    }

    public Builder oauthClient(String clientId, String clientSecret, Set<String> allowedScopes,
        Map<String, X509Certificate> certificatesByAlias) {
      return oauthClient(new OAuthClient(clientId, clientSecret, allowedScopes, certificatesByAlias));
    }

    /** The expires_in of access tokens the token endpoint mints (default 3600 s). */
    public Builder accessTokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative() || lifetime.isZero() || lifetime.toMillis() % 1000 != 0) {
        throw new IllegalArgumentException("access token lifetime must be a positive whole number of seconds, got " + lifetime);
      }
      accessTokenLifetime = lifetime;
      return this;
    }

    /** Tolerance for exp/iat checks (default 60 s). */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clock skew must not be negative, got " + skew);
      }
      clockSkew = skew;
      return this;
    }

    /** true (default): x5t must be base64url; false also accepts the standard-base64 SHA-1. */
    public Builder strictX5t(boolean strict) {
      strictX5t = strict;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The audience access tokens are minted for and must carry to be accepted. */
    public Builder fusionAudience(String audience) {
      fusionAudience = requireText(audience, "audience");
      return this;
    }

    public AuthSettings build() {
      return new AuthSettings(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
