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
  /** RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break; NULL is an empty field. */
  CSV {
    @Override
    void header(ResultSetMetaData md, Writer w) throws SQLException, IOException {
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (i > 1) {
          w.write(',');
        }
        w.write(csv(md.getColumnLabel(i)));
      }
      w.write("\r\n");
    }

    @Override
    void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException {
      for (int i = 1; i <= columns; i++) {
        if (i > 1) {
          w.write(',');
        }
        String v = rs.getString(i);
        if (v != null) {
          w.write(csv(v));
        }
      }
      w.write("\r\n");
    }
  },
  /** Tab-separated with a header; tab, line breaks and backslash inside a value are escaped as \t \n \r \\. */
  TSV {
    @Override
    void header(ResultSetMetaData md, Writer w) throws SQLException, IOException {
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (i > 1) {
          w.write('\t');
        }
        w.write(tsv(md.getColumnLabel(i)));
      }
      w.write('\n');
    }

    @Override
    void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException {
      for (int i = 1; i <= columns; i++) {
        if (i > 1) {
          w.write('\t');
        }
        String v = rs.getString(i);
        w.write(v == null ? "\\N" : tsv(v));
      }
      w.write('\n');
    }
  },
  /** JSON Lines: one object per row, keyed by column label; numbers and booleans unquoted, NULL as null. */
  JSONL {
    @Override
    void header(ResultSetMetaData md, Writer w) {
      // no header: every line names its columns
    }

    @Override
    void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException {
      ResultSetMetaData md = rs.getMetaData();
      w.write('{');
      for (int i = 1; i <= columns; i++) {
        if (i > 1) {
          w.write(',');
        }
        Json.string(md.getColumnLabel(i), w);
        w.write(':');
        Object v = rs.getObject(i);
        if (v == null) {
          w.write("null");
        } else if (v instanceof java.math.BigDecimal d) {
          w.write(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
          w.write(Json.number(v));
        } else {
          Json.string(rs.getString(i), w);
        }
      }
      w.write("}\n");
    }
  };

  abstract void header(ResultSetMetaData md, Writer w) throws SQLException, IOException;

  abstract void row(ResultSet rs, int columns, Writer w) throws SQLException, IOException;

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

  private static String csv(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  private static String tsv(String v) {
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
