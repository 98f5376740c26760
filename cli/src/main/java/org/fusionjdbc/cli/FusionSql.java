package org.fusionjdbc.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.fusionjdbc.cli.LaunchOptions.UsageException;
import sqlline.BuiltInProperty;
import sqlline.SqlLine;

/**
 * {@code bin/fusion-sql}: sqlline with the fusion-jdbc driver.
 *
 * <pre>
 *   fusion-sql --demo [-e "sql"]                                  embedded emulator, real JWT path
 *   fusion-sql -u jdbc:fusion://... [-n user] [--properties FILE] [--outputformat=csv] [-e "sql"]...
 * </pre>
 *
 * Exit codes: 0 success, 1 bad arguments or cannot connect, 2 a statement or command failed.
 */
public final class FusionSql {
  static final int OK = 0;
  static final int USAGE_OR_CONNECT = 1;
  static final int FAILED = 2;

  static final String USAGE = """
      Usage: fusion-sql --demo [-e "<sql>"] [sqlline options]
             fusion-sql -u <jdbc:fusion://...> [-n <user>] [--properties <file>] [-e "<sql>"]... [sqlline options]
             fusion-sql --check [--json] -u <jdbc:fusion://...> [-n <user>] [--properties <file>]
             fusion-sql                                    (a shell; connect with !connect <url>)

        --demo              start the embedded Fusion emulator with a fresh key pair and connect through JWT
        -u <url>            the connection URL, e.g. jdbc:fusion://<pod>.fa.<dc>.oraclecloud.com?auth=jwt&...
        -n <user>           the Fusion user name (connection property user)
        --properties <file> connection properties, one key=value a line (url=... allowed); the place for secrets
        -e <sql>            run a statement and exit (repeatable); -f <file> runs a script
        --output <file>     write the one -e statement's rows to <file> (csv, tsv or jsonl, from --outputformat or
                            the extension), streamed and atomic: a failed or cancelled extract leaves no file
        --outputformat=csv  table (default), vertical, csv, tsv, json, xmlattrs, xmlelements
        --check             walk the first contact step by step (DNS, TLS, proxy, clock, token, request,
                            catalog, latency, q probe), stop at the first broken step with its fix, and end
                            with the qExtensions=... line for the URL; --json for machines; exit 0 when
                            queries work
        --help              this text; sqlline's own options (--maxWidth, --incremental, ...) are passed through

      Secrets never go on the command line; fusion-sql reads them from --properties or the environment:
        FUSION_PASSWORD (password), FUSION_CLIENT_SECRET (clientSecret),
        FUSION_PRIVATE_KEY_PASSWORD (privateKeyPassword), FUSION_ACCESS_TOKEN (accessToken)

      Exit codes: 0 success, 1 bad arguments or cannot connect, 2 a statement failed.
      Documentation: docs/cli.md
      """;

  private FusionSql() {
  }

  public static void main(String[] args) throws IOException {
    int code = run(args, null, System.out, System.err, System.getenv());
    System.exit(code);
  }

  /**
   * Runs fusion-sql and returns its exit code.
   *
   * @param in the interactive input; null means the terminal
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env)
      throws IOException {
    if (CheckCommand.wanted(args)) {
      return CheckCommand.run(args, out, err, env);
    }
    LaunchOptions options;
    Target target;
    Optional<ExtractRequest> extract;
    try {
      options = LaunchOptions.parse(args);
      if (options.help()) {
        out.print(USAGE);
        return OK;
      }
      extract = ExtractRequest.from(options.sqllineArgs());
      target = options.demo() ? DemoLauncher.start(err) : Target.of(ConnectionInputs.from(options, env));
    } catch (UsageException e) {
      err.println("fusion-sql: " + e.getMessage());
      err.println("Run fusion-sql --help for usage.");
      return USAGE_OR_CONNECT;
    }
    try (target) {
      if (target.url().isEmpty() && options.scripted()) {
        err.println("fusion-sql: no connection URL: pass -u jdbc:fusion://... or put url=... in --properties FILE");
        return USAGE_OR_CONNECT;
      }
      SessionDriver.Session session = null;
      if (target.url().isPresent()) {
        session = connect(target.url().get(), target.properties(), err);
        if (session == null) {
          return USAGE_OR_CONNECT;
        }
      }
      try {
        if (extract.isPresent() && session != null) {
          return Extract.inSession(extract.get(), session, err, env);
        }
        if (!options.scripted() && !options.hasSqllineOption("silent")) {
          target.banner().ifPresent(err::println);
        }
        return shell(options, target, session, in, out, err);
      } finally {
        if (session != null) {
          session.close();
        }
      }
    } catch (Exception e) {
      if (e instanceof IOException io) {
        throw io;
      }
      err.println("fusion-sql: " + e.getMessage());
      return USAGE_OR_CONNECT;
    }
  }

  /** Opens the first connection here, so a failure is one clear line and exit code 1, before sqlline starts. */
  private static SessionDriver.Session connect(String url, Properties props, PrintStream err) {
    Driver driver;
    try {
      driver = DriverManager.getDriver(url);
    } catch (SQLException e) {
      err.println("fusion-sql: no driver accepts this URL; fusion-jdbc URLs look like jdbc:fusion://<pod-host>?auth=...");
      return null;
    }
    try {
      Connection c = driver.connect(url, props);
      if (c == null) {
        err.println("fusion-sql: the driver did not accept this URL");
        return null;
      }
      return SessionDriver.open(driver, url, props, c);
    } catch (SQLException e) {
      err.println("fusion-sql: cannot connect: " + FusionSqlLine.describe(e).substring("Error: ".length()));
      return null;
    }
  }

  private static int shell(LaunchOptions options, Target target, SessionDriver.Session session, InputStream in,
      PrintStream out, PrintStream err) throws IOException {
    List<String> argv = new ArrayList<>(List.of("-ac", FusionSqlApplication.class.getName()));
    if (session != null) {
      argv.addAll(List.of("-u", session.url(), "-nn", target.nickname()));
    }
    // The driver is read-only; sqlline would otherwise call setReadOnly(false) on connect.
    addDefault(argv, options, "readOnly", "true");
    // Fusion has no transactions; sqlline's default (REPEATABLE_READ) would print a warning on every start.
    if (target.url().filter(u -> u.regionMatches(true, 0, "jdbc:fusion:", 0, 12)).isPresent()) {
      addDefault(argv, options, "isolation", "TRANSACTION_NONE");
    }
    if (options.scripted()) {
      // scripts want data only on stdout, and CSV quoted the usual way
      addDefault(argv, options, "silent", "true");
      addDefault(argv, options, "csvQuoteCharacter", "'\"'"); // sqlline dequotes option values
    }
    argv.addAll(options.sqllineArgs());

    FusionSqlLine sqlline = new FusionSqlLine();
    if (options.sqllineArgs().contains("-e")) {
      sqlline.summarizeStatements(err); // one summary line per -e statement, on stderr
    }
    if (session != null) {
      // the connection is already authenticated: never prompt for a user name or password. (A read-only sqlline
      // property, so not settable as --connectInteractionMode; this setter bypasses that check.)
      sqlline.getOpts().set(BuiltInProperty.CONNECT_INTERACTION_MODE, "notAskCredentials");
    }
    sqlline.setOutputStream(out);
    sqlline.setErrorStream(err);
    // scripts read no terminal (a pipe or cron has none); the shell uses the real one
    InputStream input = in != null ? in : options.scripted() ? new ByteArrayInputStream(new byte[0]) : null;
    SqlLine.Status status = sqlline.begin(argv.toArray(String[]::new), input, !options.scripted());
    return switch (status) {
      case OK -> OK;
      case ARGS -> USAGE_OR_CONNECT;
      default -> FAILED;
    };
  }

  private static void addDefault(List<String> argv, LaunchOptions options, String name, String value) {
    if (!options.hasSqllineOption(name)) {
      argv.add("--" + name + "=" + value);
    }
  }

  /** This jar's version (from its manifest), or "dev" when run from classes. */
  static String version() {
    return Optional.ofNullable(FusionSql.class.getPackage().getImplementationVersion()).orElse("dev");
  }
}
