package org.fusionjdbc.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.cli.LaunchOptions.UsageException;
import org.fusionjdbc.cli.check.FirstContactCheck;

/**
 * {@code fusion-sql --check [--json] -u <url> [-n user] [--properties FILE]}: the connection settings are
 * gathered exactly as for a session (secrets from the file or the environment), then the first-contact check
 * runs instead of the shell.
 */
final class CheckCommand {
  private CheckCommand() {
  }

  static boolean wanted(String[] args) {
    return List.of(args).contains("--check");
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    List<String> rest = new ArrayList<>(List.of(args));
    rest.remove("--check");
    boolean json = rest.remove("--json");
    try {
      LaunchOptions options = LaunchOptions.parse(rest.toArray(String[]::new));
      if (options.demo() || !options.sqllineArgs().isEmpty()) {
        throw new UsageException("--check takes -u, -n, --properties and --json only"
            + (options.sqllineArgs().isEmpty() ? "" : "; not " + options.sqllineArgs()));
      }
      ConnectionInputs inputs = ConnectionInputs.from(options, env);
      if (inputs.url().isEmpty()) {
        throw new UsageException("--check needs the connection: pass -u jdbc:fusion://... or url=... in --properties");
      }
      return FirstContactCheck.run(inputs.url().get(), inputs.properties(), json, out);
    } catch (UsageException e) {
      err.println("fusion-sql: " + e.getMessage());
      err.println("Run fusion-sql --help for usage.");
      return FusionSql.USAGE_OR_CONNECT;
    }
  }
}
