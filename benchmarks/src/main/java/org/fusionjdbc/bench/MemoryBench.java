package org.fusionjdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.fusionjdbc.emulator.EmulatorOptions;

/**
 * Memory: a child JVM run with -Xmx256m streams {@code SELECT *} of N invoices through JDBC from an emulator in
 * this JVM (so the emulator's memory is not counted). Completing at 256m is itself the point.
 */
final class MemoryBench {
  static final String HEAP = "-Xmx256m";

  private MemoryBench() {}

  static void run(int rows, Results r) throws IOException, InterruptedException {
    try (BenchPod pod = BenchPod.start(EmulatorOptions.builder().rows(rows))) {
      Path log = Files.createTempFile("fusion-bench-memory", ".log");
      try {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            HEAP, "-Djava.util.logging.config.file=/dev/null", "-cp", classPath(), MemoryProbe.class.getName()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Properties settings = pod.basic();
        settings.setProperty("bench.url", pod.url(""));
        settings.setProperty("bench.sql", ScanBench.SQL);
        try (Writer w = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
          settings.store(w, null);
        }
        if (!child.waitFor(2, TimeUnit.HOURS)) {
          child.destroyForcibly();
          throw new IllegalStateException("memory child did not finish");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String line = out.lines().filter(l -> l.startsWith("MEMORY ")).findFirst().orElse(null);
        String p = "memory." + rows + ".";
        if (line == null || child.exitValue() != 0) {
          // an OutOfMemoryError is a finding, not a harness failure: report it and keep the other figures
          System.err.println("memory child failed (exit " + child.exitValue() + "):\n" + tail(out));
          r.add(p + "completed_at_256m", 0, "bool", "0 = the child failed in " + HEAP + " (see stderr)");
          for (String f : List.of("peak_heap_mb", "max_live_after_gc_mb", "scan_ms")) {
            r.add(p + f, Double.NaN, "", "not measured: the child failed");
          }
          return;
        }
        JsonNode json = new ObjectMapper().readTree(line.substring("MEMORY ".length()));
        ScanBench.check(json.get("rows").asLong(), rows, "memory child");
        r.add(p + "completed_at_256m", 1, "bool", "1 = all rows streamed in " + HEAP);
        r.add(p + "peak_heap_mb", json.get("peakHeapMb").asDouble(), "MiB", "sum of heap pool peaks (garbage incl.)");
        r.add(p + "max_live_after_gc_mb", json.get("maxLiveAfterGcMb").asDouble(), "MiB",
            "largest heap left after a GC (the live set)");
        r.add(p + "scan_ms", json.get("ms").asDouble(), "ms", "child's connect + SELECT * of all rows");
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }

  /** Surefire runs tests from a manifest-only jar; it publishes the real class path here. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }
}
