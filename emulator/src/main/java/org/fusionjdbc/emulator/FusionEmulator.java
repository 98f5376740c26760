package org.fusionjdbc.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.Authenticator;
import org.fusionjdbc.emulator.bip.BipService;
import org.fusionjdbc.emulator.data.DataSet;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.query.QueryEngine;
import org.fusionjdbc.emulator.rest.AdminHandler;
import org.fusionjdbc.emulator.rest.RestHandler;
import org.fusionjdbc.emulator.rest.RestOptions;

/**
 * A Fusion pod on loopback: {@code try (FusionEmulator e = FusionEmulator.start(EmulatorOptions.builder()
 * .basicUser("tester", "pw").build())) { e.baseUrl() ... }}. Every request is verified by a real
 * {@link AuthService}; with no auth option the pod has no users and answers 401. Serves {@code /fscmRestApi}, {@code /hcmRestApi} and {@code /crmRestApi} REST
 * resources and {@code /__admin}. Thread-safe; {@link #close()} stops the server and its threads.
 */
public final class FusionEmulator implements AutoCloseable {
  /**
   * The JDK server leaves Nagle's algorithm on. A chunked body's last small write then waits for the client's delayed
   * ACK, up to 40 ms a response on Linux loopback: a stall no pod has, which tripled the benchmark's floor. The
   * server reads this property once, when its first instance starts, so it is set before any is made; a value the
   * user set wins.
   */
  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final EmulatorOptions options;
  private final DataSet data;
  private final Journal journal;
  private final QueryEngine engine;
  private final AuthService auth;
  private final Authenticator authenticator;
  private final FaultPlan faults;
  private final BipService bip;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;

  private FusionEmulator(EmulatorOptions options) throws IOException {
    this.options = options;
    this.data = new DataSet(options.seed(), options.rows(), options.hashItemIds(), options.keyClusterGap());
    this.journal = new Journal(options.journalCapacity());
    this.engine = new QueryEngine();
    // Always a real AuthService: with no auth option its settings are empty and every request is 401.
    // Its signing key is made on first use, so this costs nothing for suites that only use Basic.
    this.auth = options.authService() != null ? options.authService() : AuthService.create(options.authSettings());
    this.authenticator = options.authenticator() != null ? options.authenticator() : auth.authenticator();
    this.faults = new FaultPlan(options.seed()).latencyMs(options.latencyMs()).perRowMicros(options.perRowMicros())
        .offsetCostMicrosPerRow(options.offsetCostMicrosPerRow()).maxConcurrent(options.maxConcurrent())
        .throttleRate(options.throttleRate()).unavailableRate(options.unavailableRate());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "fusion-emulator-" + instance + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newFixedThreadPool(options.threads(), tf);
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    RestHandler rest = new RestHandler(new RestOptions(options.seed(), options.maxLimit(), options.defaultLimit(),
        options.permissive(), options.defaultFrameworkVersion(), options.datetimeMillis(),
        options.totalResultsJitter(), options.childLimit(), options.hashItemIds(), options.wireShapes()), data,
        authenticator, journal, engine, faults, baseUrl);
    server.createContext("/", rest);
    server.createContext("/__admin/", new AdminHandler(journal, faults));
    server.createContext("/oauth2/v1/token", auth.tokenEndpoint());
    server.createContext("/admin/v1/SigningCert/jwk", auth.jwksEndpoint());
    this.bip = options.bip() == null ? null : BipService.create(options.bip().apply(data), authenticator);
    if (bip != null) {
      server.createContext(BipService.SERVICE_PATH, bip.httpHandler());
    }
    server.setExecutor(executor);
    server.start();
  }

  /** Starts an emulator; binds 127.0.0.1 on {@code options.port()} (0 = ephemeral). */
  public static FusionEmulator start(EmulatorOptions options) {
    try {
      return new FusionEmulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Fusion emulator on port " + options.port(), e);
    }
  }

  /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public EmulatorOptions options() {
    return options;
  }

  /** The data set, for test oracles and mutations (insert/delete are visible to the next request). */
  public DataSet data() {
    return data;
  }

  public Journal journal() {
    return journal;
  }

  /** The live fault and load plan; changes apply to the next request. */
  public FaultPlan faults() {
    return faults;
  }

  /**
   * The emulator's AuthService (users, token endpoint, JWKS). Its identity domain is this server:
   * {@code baseUrl() + "/oauth2/v1/token"}.
   */
  public AuthService auth() {
    return auth;
  }

  /** The Authenticator REST requests pass (see {@link EmulatorOptions} for how it is chosen). */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** Rows generated and tested by collection queries since start (O(page) evidence for tests). */
  public long rowsExamined() {
    return engine.rowsExamined();
  }

  /** The emulated BI Publisher, or null when {@link EmulatorOptions#bip()} is not set. */
  public BipService bip() {
    return bip;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    if (bip != null) {
      bip.close();
    }
  }
}
