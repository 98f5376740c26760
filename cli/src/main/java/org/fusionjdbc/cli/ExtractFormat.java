package org.fusionjdbc.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.fusionjdbc.cli.LaunchOptions.UsageException;

/** The file formats {@code --output} writes, each a header (or none) and one line per row. */
enum ExtractFormat {
  CSV(DelimitedText.CSV),
  TSV(DelimitedText.TSV),
  JSONL(new JsonLines());

  /** How one format lays out the header and the rows. */
  interface Layout {
    void header(ResultSetMetaData md, Writer w) throws SQLException, IOException;

    void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException;
  }

  private final Layout layout;

  ExtractFormat(Layout layout) {
    this.layout = layout;
  }

  void header(ResultSetMetaData md, Writer w) throws SQLException, IOException {
    layout.header(md, w);
  }

  void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException {
    layout.row(rs, columns, w);
  }

  /** The format named by {@code --outputformat}, else the one the file name's extension says. */
  static ExtractFormat of(Optional<String> outputFormat, Path file) {
    if (outputFormat.isPresent()) {
      return named(outputFormat.get()).orElseThrow(() -> new UsageException("--output writes csv, tsv or jsonl; "
          + "--outputformat=" + outputFormat.get() + " is not one of them"));
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return named(dot < 0 ? "" : name.substring(dot + 1)).orElseThrow(() -> new UsageException(
        "cannot tell the format of " + file.getFileName() + ": name it .csv, .tsv or .jsonl, or add --outputformat=csv"));
  }

  private static Optional<ExtractFormat> named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv" -> Optional.of(CSV);
      case "tsv" -> Optional.of(TSV);
      case "jsonl", "json-lines", "jsonlines", "ndjson" -> Optional.of(JSONL);
      default -> Optional.empty();
    };
  }
}
