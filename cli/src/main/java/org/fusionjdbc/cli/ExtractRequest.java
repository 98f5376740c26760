package org.fusionjdbc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fusionjdbc.cli.LaunchOptions.UsageException;

/**
 * {@code --output FILE}: one {@code -e} statement written to a file by fusion-sql itself (streamed, atomically),
 * instead of printed by sqlline. Read from the arguments LaunchOptions passes through to sqlline, so the launcher's
 * own parsing stays as it is.
 *
 * @param sql the one statement
 * @param file where the rows go
 * @param format csv, tsv or jsonl
 */
record ExtractRequest(String sql, Path file, ExtractFormat format) {

  /** The extract these arguments ask for, if they name {@code --output}; a misuse is a {@link UsageException}. */
  static Optional<ExtractRequest> from(List<String> sqllineArgs) {
    Path file = null;
    String format = null;
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < sqllineArgs.size(); i++) {
      String a = sqllineArgs.get(i);
      if (a.equals("--output")) {
        if (i + 1 >= sqllineArgs.size() || sqllineArgs.get(i + 1).isBlank()) {
          throw new UsageException("--output needs a file name");
        }
        file = Path.of(sqllineArgs.get(++i));
      } else if (a.startsWith("--output=")) {
        file = Path.of(a.substring("--output=".length()));
      } else if (a.startsWith("--outputformat=")) {
        format = a.substring("--outputformat=".length());
      } else if (a.equals("-e") && i + 1 < sqllineArgs.size()) {
        statements.add(sqllineArgs.get(++i));
      } else if (a.equals("-f") || a.startsWith("--run=")) {
        statements.add(null);
      }
    }
    if (file == null) {
      return Optional.empty();
    }
    if (statements.size() != 1 || statements.get(0) == null) {
      throw new UsageException("--output writes the rows of exactly one statement: give one -e \"<sql>\"");
    }
    return Optional.of(new ExtractRequest(statements.get(0), file, ExtractFormat.of(Optional.ofNullable(format), file)));
  }
}
