package org.fusionjdbc.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.fusionjdbc.emulator.auth.DemoCredentials;

/**
 * {@code java -jar fusion-emulator.jar [options]}: runs the emulator until interrupted and prints its
 * base URL and the settings to connect. Run with {@code --help} for the options.
 */
public final class Main {
  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar fusion-emulator.jar [options]",
      "  --port N               listen on 127.0.0.1:N (default 8080; 0 = any free port)",
      "  --rows N               rows of invoices, purchaseOrders, expenses (default 10000)",
      "  --seed N               data seed (default 42)",
      "  --latency-ms N         delay every REST response by N ms",
      "  --offset-cost-us N     extra microseconds per row skipped by offset (deep offsets are slow)",
      "  --max-concurrent N     answer 429 (Retry-After: 1) beyond N requests in flight",
      "  --max-limit N          page size cap (default 500); without a limit parameter pages hold 25 rows",
      "  --child-limit N        rows of an expanded child collection per parent (default 25)",
      "  --hash-item-ids        every item id is an opaque hex key (as on effective-dated resources)",
      "  --key-cluster-gap N    invoice ids in two dense clusters N apart, like real Fusion ids (default 0)",
      "  --framework N          REST-Framework-Version when the header is absent (default 1)",
      "  --permissive           accept IN, BETWEEN, IS NULL, NOT, <>, '' and * in q (default strict)",
      "  --datetime-millis      write datetimes with milliseconds",
      "  --clean-values         write values in one clean form (by default they come as recorded from real pods:",
      "                         mixed fractions, -07:00, numbers as strings and in exponent form)",
      "  --unreadable-catalog   answer the catalog describe in a shape no client knows",
      "  --family-status ROOT=N  answer every request under ROOT (e.g. hcmRestApi) with 403 or 404 (repeatable)",
      "  --bip                  also serve BI Publisher (ExternalReportWSSService) over the same data",
      "  --trust ISSUER=cert.pem  trust JWTs of ISSUER signed by that certificate's key (repeatable)",
      "  --user NAME            a known Fusion user for JWT and OAuth (repeatable)",
      "  --basic-user NAME:PASSWORD  an HTTP Basic user (repeatable)",
      "  --demo-keys DIR        generate a demo key pair, certificate, OAuth client and Basic user into DIR",
      "Every request must authenticate as a configured user, as on a real pod. Without --trust/--user/",
      "--basic-user/--demo-keys a demo identity is generated into a temporary directory (removed on exit)",
      "and printed, as --demo-keys does.");

  /**
   * Parsed command line.
   *
   * @param demo the demo identity, or null when none was asked for or generated
   * @param demoGenerated true when no auth option was given and {@code demo} was generated for the newcomer
   */
  record Parsed(EmulatorOptions options, DemoCredentials demo, boolean demoGenerated, boolean help) {}

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Parsed p;
    try {
      p = parse(args, Main::temporaryDemoDir);
    } catch (IllegalArgumentException e) {
      System.err.println("fusion-emulator: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    } catch (UncheckedIOException e) {
      System.err.println("fusion-emulator: " + e.getMessage() + ": " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    if (p.help()) {
      System.out.println(USAGE);
      return;
    }
    if (p.demoGenerated()) {
      // Registered after the directory, so deleted before it (deleteOnExit runs in reverse order).
      p.demo().privateKeyFile().toFile().deleteOnExit();
      p.demo().certificateFile().toFile().deleteOnExit();
    }
    FusionEmulator emulator = FusionEmulator.start(p.options());
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stop.countDown();
    }, "fusion-emulator-shutdown"));
    printSettings(System.out, emulator, p.demo(), p.demoGenerated());
    stop.await();
  }

  private static Path temporaryDemoDir() {
    try {
      Path dir = Files.createTempDirectory("fusion-emulator-demo-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the demo credentials", e);
    }
  }

  static void printSettings(PrintStream out, FusionEmulator emulator, DemoCredentials demo, boolean demoGenerated) {
    EmulatorOptions o = emulator.options();
    out.println("Fusion emulator listening on " + emulator.baseUrl());
    out.println("  REST   " + emulator.baseUrl() + "/fscmRestApi/resources/11.13.18.05/  (and hcmRestApi, crmRestApi)");
    out.println("  token  " + emulator.baseUrl() + "/oauth2/v1/token   JWKS " + emulator.baseUrl()
        + "/admin/v1/SigningCert/jwk");
    out.println("  admin  " + emulator.baseUrl() + "/__admin/journal   (POST /__admin/faults, /__admin/journal/reset)");
    out.println("  rows " + o.rows() + ", seed " + o.seed() + ", " + (o.permissive() ? "permissive" : "strict")
        + " q, max limit " + o.maxLimit() + ", default framework " + o.defaultFrameworkVersion()
        + (o.latencyMs() > 0 ? ", latency " + o.latencyMs() + " ms" : ""));
    out.println("  auth: verified, " + o.authDescription());
    if (emulator.bip() != null) {
      out.println("  BIP    " + emulator.baseUrl() + org.fusionjdbc.emulator.bip.BipService.SERVICE_PATH);
    }
    out.println("  JDBC URL: jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false");
    if (demo != null) {
      if (demoGenerated) {
        out.println("No --trust/--user/--basic-user/--demo-keys given: generated this demo identity into "
            + demo.privateKeyFile().getParent() + " (removed on exit). Every request must use it:");
      }
      out.println(demo.printableSettingsWithSecrets());
      out.println("  identity domain URL  " + emulator.baseUrl());
    }
    out.flush();
  }

  /** @param demoDir where to generate the demo identity when no auth option is given (asked only then) */
  static Parsed parse(String[] args, Supplier<Path> demoDir) {
    EmulatorOptions.Builder b = EmulatorOptions.builder().port(8080);
    AuthSettings.Builder auth = AuthSettings.builder();
    boolean authGiven = false;
    DemoCredentials demo = null;
    org.fusionjdbc.emulator.rest.WireShapes shapes = org.fusionjdbc.emulator.rest.WireShapes.observed();
    List<String> a = new ArrayList<>(List.of(args));
    for (int i = 0; i < a.size(); i++) {
      String opt = a.get(i);
      switch (opt) {
        case "--help", "-h" -> {
          return new Parsed(null, null, false, true);
        }
        case "--permissive" -> b.permissive(true);
        case "--datetime-millis" -> b.datetimeMillis(true);
        case "--bip" -> b.bipWithRestData();
        case "--hash-item-ids" -> b.hashItemIds(true);
        case "--clean-values" -> b.wireShapes(shapes = shapes.withObservedValues(false));
        case "--observed-values" -> b.wireShapes(shapes = shapes.withObservedValues(true)); // the default; kept
        case "--unreadable-catalog" -> b.wireShapes(shapes = shapes.withUnreadableCatalog(true));
        default -> {
          if (i + 1 >= a.size()) {
            throw new IllegalArgumentException(opt.startsWith("--") ? opt + " needs a value" : "unknown option " + opt);
          }
          String v = a.get(++i);
          switch (opt) {
            case "--port" -> b.port(intArg(opt, v));
            case "--rows" -> b.rows(intArg(opt, v));
            case "--seed" -> b.seed(Long.parseLong(v));
            case "--latency-ms" -> b.latencyMs(intArg(opt, v));
            case "--offset-cost-us" -> b.offsetCostMicrosPerRow(intArg(opt, v));
            case "--max-concurrent" -> b.maxConcurrent(intArg(opt, v));
            case "--key-cluster-gap" -> b.keyClusterGap(Long.parseLong(v));
            case "--max-limit" -> b.maxLimit(intArg(opt, v));
            case "--child-limit" -> b.childLimit(intArg(opt, v));
            case "--framework" -> b.defaultFrameworkVersion(intArg(opt, v));
            case "--family-status" -> {
              int eq = v.indexOf('=');
              if (eq <= 0) {
                throw new IllegalArgumentException("--family-status needs ROOT=STATUS, e.g. hcmRestApi=403");
              }
              b.wireShapes(shapes = shapes.withFamilyStatus(v.substring(0, eq), intArg(opt, v.substring(eq + 1))));
            }
            case "--trust" -> {
              auth.trustIssuerSpec(v);
              authGiven = true;
            }
            case "--user" -> {
              auth.user(v);
              authGiven = true;
            }
            case "--basic-user" -> {
              auth.basicUserSpec(v);
              authGiven = true;
            }
            case "--demo-keys" -> {
              demo = DemoCredentials.generate(Path.of(v));
              demo.applyTo(auth);
              authGiven = true;
            }
            default -> throw new IllegalArgumentException("unknown option " + opt);
          }
        }
      }
    }
    boolean generated = !authGiven;
    if (generated) {
      demo = DemoCredentials.generate(demoDir.get());
      demo.applyTo(auth);
    }
    b.authSettings(auth.build());
    return new Parsed(b.build(), demo, generated, false);
  }

  private static int intArg(String opt, String v) {
    try {
      return Integer.parseInt(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(opt + " needs an integer, got '" + v + "'");
    }
  }
}
