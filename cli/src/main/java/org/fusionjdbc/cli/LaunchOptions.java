package org.fusionjdbc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What fusion-sql itself takes from the command line; every other argument goes to sqlline unchanged.
 *
 * @param demo start the embedded emulator and connect to it
 * @param url the JDBC URL ({@code -u}), when given on the command line
 * @param user the Fusion user ({@code -n})
 * @param propertiesFile connection properties, secrets included ({@code --properties FILE})
 * @param help print fusion-sql's usage
 * @param sqllineArgs the rest, in order (for example {@code -e}, {@code -f}, {@code --outputformat=csv})
 */
record LaunchOptions(boolean demo, Optional<String> url, Optional<String> user, Optional<Path> propertiesFile,
    boolean help, List<String> sqllineArgs) {

  LaunchOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(propertiesFile, "propertiesFile");
    sqllineArgs = List.copyOf(sqllineArgs);
  }

  /** Parses the command line; throws {@link UsageException} with a message that says what to change. */
  static LaunchOptions parse(String[] args) {
    boolean demo = false;
    boolean help = false;
    String url = null;
    String user = null;
    Path properties = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = Objects.requireNonNull(args[i], "argument");
      switch (a) {
        case "--demo" -> demo = true;
        case "-h", "--help" -> help = true;
        case "-u" -> url = value(args, ++i, a);
        case "-n" -> user = value(args, ++i, a);
        case "--properties" -> properties = Path.of(value(args, ++i, a));
        case "-p", "-d" -> throw new UsageException(a.equals("-p")
            ? "-p would put the password on the command line (shell history, ps); set FUSION_PASSWORD or put "
              + "password=... in a file given with --properties FILE"
            : "-d is not needed: fusion-sql always uses the fusion-jdbc driver");
        default -> {
          if (a.startsWith("--properties=")) {
            properties = Path.of(nonEmpty(a.substring("--properties=".length()), "--properties"));
          } else {
            rest.add(a);
            // sqlline options that take a value: keep the pair together so a value is never read as ours
            if (takesValue(a) && i + 1 < args.length) {
              rest.add(args[++i]);
            }
          }
        }
      }
    }
    if (demo && url != null) {
      throw new UsageException("--demo connects to the embedded emulator; leave out -u");
    }
    return new LaunchOptions(demo, Optional.ofNullable(url), Optional.ofNullable(user),
        Optional.ofNullable(properties), help, rest);
  }

  /** True when sqlline runs commands and exits instead of opening the interactive shell. */
  boolean scripted() {
    return sqllineArgs.contains("-e") || sqllineArgs.contains("-f")
        || sqllineArgs.stream().anyMatch(a -> a.startsWith("--run="));
  }

  /** True when the user set sqlline option {@code --name=...} themselves. */
  boolean hasSqllineOption(String name) {
    return sqllineArgs.stream().anyMatch(a -> a.startsWith("--" + name + "=") || a.equals("--" + name));
  }

  private static boolean takesValue(String arg) {
    return switch (arg) {
      case "-e", "-f", "-log", "-nn", "-ac", "-ph", "-ch", "-c", "-cn" -> true;
      default -> false;
    };
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return nonEmpty(args[i], option);
  }

  private static String nonEmpty(String v, String option) {
    if (v.isBlank()) {
      throw new UsageException(option + " needs a non-empty value");
    }
    return v;
  }

  /** A command-line mistake; the message is printed as is. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
