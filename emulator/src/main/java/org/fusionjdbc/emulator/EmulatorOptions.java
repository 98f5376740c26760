package org.fusionjdbc.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.Authenticator;
import org.fusionjdbc.emulator.bip.BipOptions;
import org.fusionjdbc.emulator.bip.DataSetBaseTables;
import org.fusionjdbc.emulator.data.DataSet;
import org.fusionjdbc.emulator.rest.WireShapes;

/**
 * Immutable emulator settings. Start from {@link #defaults()} or {@link #builder()}; change one with
 * {@link #toBuilder()}.
 *
 * <ul>
 *   <li>{@code port}: 0 (default) picks a free ephemeral port on 127.0.0.1</li>
 *   <li>{@code rows}: rows of the big resources invoices, purchaseOrders, expenses (default 10,000;
 *       1,000,000 is fine, nothing is materialised)</li>
 *   <li>{@code seed}: data seed (default 42)</li>
 *   <li>{@code maxLimit} (500) / {@code defaultLimit} (25): page sizes; a larger limit is clamped to maxLimit
 *       and the response's {@code limit} says so; without a {@code limit} parameter the page holds
 *       min(defaultLimit, maxLimit) rows</li>
 *   <li>{@code childLimit} (25): rows of an expanded child collection per parent; the nested page says
 *       {@code hasMore} and links its own collection URL when a parent has more</li>
 *   <li>{@code hashItemIds}: false (default) or true: every top-level item id is an opaque minted hex key, as
 *       on effective-dated resources (the numeric-id path answers 404); composite keys are always hex</li>
 *   <li>{@code permissive}: false (default, strict: 400 for every uncertain q construct) or true</li>
 *   <li>{@code defaultFrameworkVersion}: when the REST-Framework-Version header is absent (1)</li>
 *   <li>{@code datetimeMillis}: write datetimes with {@code .SSS} (default false)</li>
 *   <li>{@code wireShapes}: values in the shapes recordings of real pods show (mixed fractions, a -07:00 offset,
 *       numbers as strings and in exponent form; on by default, since the recordings outrank the contract's clean
 *       examples), an unreadable catalog, families answering 403/404 (off)</li>
 *   <li>{@code totalResultsJitter}: 0 (exact, default) to 1.0: totalResults varies by up to that fraction
 *       to model an estimate, but never below offset+count</li>
 *   <li>{@code authSettings}: users, Basic passwords, trusted issuers, OAuth clients; the emulator
 *       builds its {@link AuthService} from them, verifies every REST and BIP request with it and serves
 *       the identity domain's {@code /oauth2/v1/token} and {@code /admin/v1/SigningCert/jwk}</li>
 *   <li>{@code basicUser(user, password)} (repeatable): a real HTTP Basic user, added to
 *       {@code authSettings} when those are given (a same-named Basic user there gets this password), to
 *       an empty AuthSettings otherwise; checked like any other (constant-time). Not combinable with
 *       {@code authService} (add users to that service's settings) or {@code authenticator} (it would be
 *       ignored)</li>
 *   <li>{@code authService}: a ready AuthService instead (a test that mints tokens with it)</li>
 *   <li>{@code authenticator}: overrides only the REST/BIP check (a test double)</li>
 *   <li>no auth option at all: an AuthService over empty settings, a pod with no users: every REST and
 *       BIP request gets 401. There is no mode that accepts unchecked credentials</li>
 *   <li>{@code bip}: BI Publisher settings made from the data set; when set, the emulated
 *       ExternalReportWSSService is mounted (see {@link Builder#bipWithRestData()})</li>
 *   <li>{@code threads} (16) and {@code journalCapacity} (10,000)</li>
 *   <li>initial fault plan: {@code latencyMs}, {@code perRowMicros}, {@code offsetCostMicrosPerRow},
 *       {@code maxConcurrent}, {@code throttleRate}, {@code unavailableRate} (all 0 = off); change them
 *       at run time through {@code FusionEmulator.faults()}</li>
 * </ul>
 */
public final class EmulatorOptions {
  private final int port;
  private final int rows;
  private final long seed;
  private final int maxLimit;
  private final int defaultLimit;
  private final int childLimit;
  private final boolean hashItemIds;
  private final boolean permissive;
  private final int defaultFrameworkVersion;
  private final boolean datetimeMillis;
  private final double totalResultsJitter;
  private final WireShapes wireShapes;
  private final Authenticator authenticator;
  private final AuthSettings givenAuthSettings;
  private final Map<String, String> basicUsers;
  private final AuthSettings authSettings; // given settings plus basicUsers; null with authService
  private final AuthService authService;
  private final Function<DataSet, BipOptions> bip;
  private final int threads;
  private final int journalCapacity;
  private final long latencyMs;
  private final long perRowMicros;
  private final long keyClusterGap;
  private final long offsetCostMicrosPerRow;
  private final int maxConcurrent;
  private final double throttleRate;
  private final double unavailableRate;

  private EmulatorOptions(Builder b) {
    if (b.port < 0 || b.port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + b.port);
    }
    if (b.rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + b.rows);
    }
    if (b.maxLimit < 1 || b.defaultLimit < 1 || b.childLimit < 1) {
      throw new IllegalArgumentException("maxLimit, defaultLimit and childLimit must be >= 1, got " + b.maxLimit
          + ", " + b.defaultLimit + " and " + b.childLimit);
    }
    if (b.defaultFrameworkVersion < 1 || b.defaultFrameworkVersion > 9) {
      throw new IllegalArgumentException("defaultFrameworkVersion must be 1..9, got " + b.defaultFrameworkVersion);
    }
    if (!(b.totalResultsJitter >= 0 && b.totalResultsJitter <= 1)) {
      throw new IllegalArgumentException("totalResultsJitter must be in [0, 1], got " + b.totalResultsJitter);
    }
    if (b.threads < 1 || b.journalCapacity < 1) {
      throw new IllegalArgumentException("threads and journalCapacity must be >= 1");
    }
    this.port = b.port;
    this.rows = b.rows;
    this.seed = b.seed;
    this.maxLimit = b.maxLimit;
    this.defaultLimit = b.defaultLimit;
    this.childLimit = b.childLimit;
    this.hashItemIds = b.hashItemIds;
    this.permissive = b.permissive;
    this.defaultFrameworkVersion = b.defaultFrameworkVersion;
    this.datetimeMillis = b.datetimeMillis;
    this.totalResultsJitter = b.totalResultsJitter;
    this.wireShapes = b.wireShapes;
    this.authenticator = b.authenticator;
    this.givenAuthSettings = b.authSettings;
    this.basicUsers = Collections.unmodifiableMap(new LinkedHashMap<>(b.basicUsers));
    this.authService = b.authService;
    this.bip = b.bip;
    if (givenAuthSettings != null && authService != null) {
      throw new IllegalArgumentException("give authSettings or authService, not both");
    }
    if (!basicUsers.isEmpty() && authService != null) {
      throw new IllegalArgumentException("basicUser cannot be added to a ready authService: register the Basic "
          + "users in the AuthSettings that service was created from");
    }
    if (!basicUsers.isEmpty() && authenticator != null) {
      throw new IllegalArgumentException("basicUser has no effect with a custom authenticator (it replaces the "
          + "request check): drop one of the two");
    }
    this.authSettings = authService != null ? null : effectiveSettings(givenAuthSettings, basicUsers);
    this.threads = b.threads;
    this.journalCapacity = b.journalCapacity;
    this.latencyMs = b.latencyMs;
    this.perRowMicros = b.perRowMicros;
    this.keyClusterGap = b.keyClusterGap;
    this.offsetCostMicrosPerRow = b.offsetCostMicrosPerRow;
    this.maxConcurrent = b.maxConcurrent;
    this.throttleRate = b.throttleRate;
    this.unavailableRate = b.unavailableRate;
  }

  private static AuthSettings effectiveSettings(AuthSettings given, Map<String, String> basicUsers) {
    if (basicUsers.isEmpty()) {
      return given != null ? given : AuthSettings.builder().build();
    }
    AuthSettings.Builder b = given != null ? given.toBuilder() : AuthSettings.builder();
    basicUsers.forEach(b::basicUser);
    return b.build();
  }

  public static EmulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.rows = rows;
    b.seed = seed;
    b.maxLimit = maxLimit;
    b.defaultLimit = defaultLimit;
    b.childLimit = childLimit;
    b.hashItemIds = hashItemIds;
    b.permissive = permissive;
    b.defaultFrameworkVersion = defaultFrameworkVersion;
    b.datetimeMillis = datetimeMillis;
    b.totalResultsJitter = totalResultsJitter;
    b.wireShapes = wireShapes;
    b.authenticator = authenticator;
    b.authSettings = givenAuthSettings;
    b.basicUsers.putAll(basicUsers);
    b.authService = authService;
    b.bip = bip;
    b.threads = threads;
    b.journalCapacity = journalCapacity;
    b.latencyMs = latencyMs;
    b.perRowMicros = perRowMicros;
    b.keyClusterGap = keyClusterGap;
    b.offsetCostMicrosPerRow = offsetCostMicrosPerRow;
    b.maxConcurrent = maxConcurrent;
    b.throttleRate = throttleRate;
    b.unavailableRate = unavailableRate;
    return b;
  }

  public int port() {
    return port;
  }

  public int rows() {
    return rows;
  }

  public long seed() {
    return seed;
  }

  public int maxLimit() {
    return maxLimit;
  }

  public int defaultLimit() {
    return defaultLimit;
  }

  public int childLimit() {
    return childLimit;
  }

  public boolean hashItemIds() {
    return hashItemIds;
  }

  public boolean permissive() {
    return permissive;
  }

  public boolean strict() {
    return !permissive;
  }

  public int defaultFrameworkVersion() {
    return defaultFrameworkVersion;
  }

  public boolean datetimeMillis() {
    return datetimeMillis;
  }

  public double totalResultsJitter() {
    return totalResultsJitter;
  }

  /** Observed value shapes and discovery faults (all off by default); see {@link WireShapes}. */
  public WireShapes wireShapes() {
    return wireShapes;
  }

  /** The configured authenticator, or null for the built-in default. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /**
   * The settings the emulator's AuthService is built from: {@code authSettings} plus every
   * {@code basicUser}, or empty settings (no users, every request 401) when neither was given; null only
   * when a ready {@link #authService()} was given.
   */
  public AuthSettings authSettings() {
    return authSettings;
  }

  /** A ready AuthService to use, or null. */
  public AuthService authService() {
    return authService;
  }

  /** Makes the BI Publisher settings from the emulator's data set, or null when BIP is off. */
  public Function<DataSet, BipOptions> bip() {
    return bip;
  }

  public int threads() {
    return threads;
  }

  public int journalCapacity() {
    return journalCapacity;
  }

  /** Initial fault plan value (see {@link org.fusionjdbc.emulator.faults.FaultPlan}). */
  public long latencyMs() {
    return latencyMs;
  }

  /**
   * When above 0, the invoices' keys form two dense clusters this far apart (the lower half of the rows, then the
   * upper half), like real Fusion ids; 0 (default) keeps them evenly spaced.
   */
  public long keyClusterGap() {
    return keyClusterGap;
  }

  public long perRowMicros() {
    return perRowMicros;
  }

  public long offsetCostMicrosPerRow() {
    return offsetCostMicrosPerRow;
  }

  public int maxConcurrent() {
    return maxConcurrent;
  }

  public double throttleRate() {
    return throttleRate;
  }

  public double unavailableRate() {
    return unavailableRate;
  }

  @Override
  public String toString() {
    return "EmulatorOptions[port=" + port + ", rows=" + rows + ", seed=" + seed + ", maxLimit=" + maxLimit
        + ", defaultLimit=" + defaultLimit + ", childLimit=" + childLimit + ", hashItemIds=" + hashItemIds
        + ", permissive=" + permissive + ", defaultFrameworkVersion="
        + defaultFrameworkVersion + ", datetimeMillis=" + datetimeMillis + ", totalResultsJitter="
        + totalResultsJitter + ", auth=" + authDescription() + "]";
  }

  /** How requests are authenticated, for logs and the jar's banner; never shows a password or secret. */
  public String authDescription() {
    if (authenticator != null) {
      return "custom authenticator";
    }
    if (authService != null) {
      return "AuthService " + authService.settings();
    }
    boolean nobody = authSettings.users().isEmpty() && authSettings.trustedIssuers().isEmpty()
        && authSettings.oauthClients().isEmpty();
    return nobody ? "no users (every request is 401)" : authSettings.toString();
  }

  /** Builder; every setter checks nothing until {@link #build()}. */
  public static final class Builder {
    private int port;
    private int rows = 10_000;
    private long seed = 42;
    private int maxLimit = 500;
    private int defaultLimit = 25;
    private int childLimit = 25;
    private boolean hashItemIds;
    private boolean permissive;
    private int defaultFrameworkVersion = 1;
    private boolean datetimeMillis;
    private double totalResultsJitter;
    private WireShapes wireShapes = WireShapes.observed();
    private Authenticator authenticator;
    private AuthSettings authSettings;
    private final Map<String, String> basicUsers = new LinkedHashMap<>();
    private AuthService authService;
    private Function<DataSet, BipOptions> bip;
    private int threads = 16;
    private int journalCapacity = 10_000;
    private long latencyMs;
    private long perRowMicros;
    private long keyClusterGap;
    private long offsetCostMicrosPerRow;
    private int maxConcurrent;
    private double throttleRate;
    private double unavailableRate;

    private Builder() {}

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder rows(int v) {
      rows = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder maxLimit(int v) {
      maxLimit = v;
      return this;
    }

    public Builder defaultLimit(int v) {
      defaultLimit = v;
      return this;
    }

    public Builder childLimit(int v) {
      childLimit = v;
      return this;
    }

    public Builder hashItemIds(boolean v) {
      hashItemIds = v;
      return this;
    }

    public Builder permissive(boolean v) {
      permissive = v;
      return this;
    }

    public Builder strict(boolean v) {
      permissive = !v;
      return this;
    }

    public Builder defaultFrameworkVersion(int v) {
      defaultFrameworkVersion = v;
      return this;
    }

    public Builder datetimeMillis(boolean v) {
      datetimeMillis = v;
      return this;
    }

    public Builder totalResultsJitter(double v) {
      totalResultsJitter = v;
      return this;
    }

    public Builder wireShapes(WireShapes v) {
      wireShapes = Objects.requireNonNull(v, "wireShapes");
      return this;
    }

    public Builder authenticator(Authenticator v) {
      authenticator = Objects.requireNonNull(v, "authenticator");
      return this;
    }

    public Builder authSettings(AuthSettings v) {
      authSettings = Objects.requireNonNull(v, "authSettings");
      return this;
    }

    /**
     * A real HTTP Basic user (repeatable; the same name again replaces the password). Added to
     * {@link #authSettings(AuthSettings)} when given, else to empty settings; see the class comment.
     */
    public Builder basicUser(String user, String password) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      basicUsers.put(user, password);
      return this;
    }

    public Builder authService(AuthService v) {
      authService = Objects.requireNonNull(v, "authService");
      return this;
    }

    /** Mounts BI Publisher with settings made from the data set (e.g. base tables from it). */
    public Builder bip(Function<DataSet, BipOptions> v) {
      bip = Objects.requireNonNull(v, "bip");
      return this;
    }

    /** Mounts BI Publisher with default settings over base tables filled from the REST data set. */
    public Builder bipWithRestData() {
      return bip(data -> BipOptions.builder().baseTables(new DataSetBaseTables(data)).build());
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder journalCapacity(int v) {
      journalCapacity = v;
      return this;
    }

    public Builder latencyMs(long v) {
      latencyMs = v;
      return this;
    }

    public Builder keyClusterGap(long v) {
      if (v < 0) {
        throw new IllegalArgumentException("keyClusterGap must be >= 0, got " + v);
      }
      keyClusterGap = v;
      return this;
    }

    public Builder perRowMicros(long v) {
      perRowMicros = v;
      return this;
    }

    public Builder offsetCostMicrosPerRow(long v) {
      offsetCostMicrosPerRow = v;
      return this;
    }

    public Builder maxConcurrent(int v) {
      maxConcurrent = v;
      return this;
    }

    public Builder throttleRate(double v) {
      throttleRate = v;
      return this;
    }

    public Builder unavailableRate(double v) {
      unavailableRate = v;
      return this;
    }

    public EmulatorOptions build() {
      return new EmulatorOptions(this);
    }
  }
}
