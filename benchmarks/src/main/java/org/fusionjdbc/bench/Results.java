package org.fusionjdbc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The figures of one run, in the order measured: one named number each, with a unit and a short note. */
final class Results {
  record Figure(String name, double value, String unit, String note) {
    Figure {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(note, "note");
    }
  }

  private final List<Figure> figures = new ArrayList<>();
  private final Map<String, Object> context = new LinkedHashMap<>();

  synchronized void add(String name, double value, String unit, String note) {
    if (figures.stream().anyMatch(f -> f.name().equals(name))) {
      throw new IllegalArgumentException("figure measured twice: " + name);
    }
    figures.add(new Figure(name, value, unit, note));
  }

  /** A ratio of two figures measured in this run (numerator / denominator). */
  void ratio(String name, String numerator, String denominator, String note) {
    double d = value(denominator);
    add(name, d == 0 ? Double.NaN : value(numerator) / d, "x", note + " (" + numerator + " / " + denominator + ")");
  }

  synchronized double value(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no figure " + name)).value();
  }

  synchronized List<Figure> figures() {
    return List.copyOf(figures);
  }

  /** Run context written next to the figures (machine, Java, mode, sizes). */
  synchronized void context(String key, Object value) {
    context.put(key, value);
  }

  synchronized String table() {
    int w = figures.stream().mapToInt(f -> f.name().length()).max().orElse(10);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-" + w + "s  %14s  %-5s  %s%n", "figure", "value", "unit", "note"));
    for (Figure f : figures) {
      sb.append(String.format("%-" + w + "s  %14s  %-5s  %s%n", f.name(), format(f.value()), f.unit(), f.note()));
    }
    return sb.toString();
  }

  /** The same table as Markdown, for docs/performance.md. */
  synchronized String markdown() {
    StringBuilder sb = new StringBuilder("| figure | value | unit | note |\n|---|---:|---|---|\n");
    for (Figure f : figures) {
      sb.append("| `").append(f.name()).append("` | ").append(format(f.value())).append(" | ").append(f.unit())
          .append(" | ").append(f.note().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format("%,d", (long) v);
    }
    return Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%.3f", v);
  }

  synchronized void writeJson(Path file) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("context", context);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    for (Figure f : figures) {
      values.put(f.name(), Double.isNaN(f.value()) ? null : f.value());
      details.put(f.name(), Map.of("unit", f.unit(), "note", f.note()));
    }
    root.put("figures", values);
    root.put("details", details);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
