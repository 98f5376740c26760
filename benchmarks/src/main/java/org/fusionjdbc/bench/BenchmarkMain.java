package org.fusionjdbc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every benchmark against an in-process emulator, prints the table and writes results.json.
 * {@code BenchmarkMain [--quick] [--out FILE] [--sizes 100000,1000000] [--only latency,scan]}. Figures are ratios or
 * twins measured in this run; nothing here asserts a wall-clock limit. {@code --only} runs the named groups alone
 * (a focused re-measurement; a full run is what the documented figures come from).
 */
public final class BenchmarkMain {
  private static final Logger QUIET = Logger.getLogger("org.fusionjdbc");

  private BenchmarkMain() {}

  /** What one run measures. */
  record Config(boolean quick, Path out, List<Integer> scanSizes, int smallRows, int memoryRows, int latencyRows,
      Set<String> only) {
    /** The groups a run can be limited to, as their figures are prefixed. */
    static final Set<String> GROUPS = Set.of("first_row", "scan", "pushdown", "latency", "throttle", "slices", "child",
        "deep_offset", "memory");

    Config {
      scanSizes = List.copyOf(scanSizes);
      only = Set.copyOf(only);
      if (scanSizes.isEmpty() || smallRows < 1 || memoryRows < 1 || latencyRows < 1) {
        throw new IllegalArgumentException("need at least one scan size and positive row counts");
      }
    }

    static Config parse(String... args) {
      boolean quick = false;
      Path out = Path.of("benchmarks", "target", "results.json");
      List<Integer> sizes = null;
      Set<String> only = GROUPS;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> quick = true;
          case "--out" -> out = Path.of(value(args, ++i, "--out"));
          case "--sizes" -> {
            sizes = new ArrayList<>();
            for (String s : value(args, ++i, "--sizes").split(",")) {
              sizes.add(Integer.parseInt(s.trim().replace("_", "")));
            }
          }
          case "--only" -> {
            only = Set.of(value(args, ++i, "--only").split(","));
            if (!GROUPS.containsAll(only)) {
              throw new IllegalArgumentException("--only takes groups of " + new TreeSet<>(GROUPS));
            }
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]
              + "; use [--quick] [--out FILE] [--sizes N,N] [--only GROUP,GROUP]");
        }
      }
      if (sizes == null) {
        sizes = quick ? List.of(2_000) : List.of(100_000, 1_000_000);
      }
      return quick ? new Config(true, out, sizes, 2_000, 5_000, 4_000, only)
          : new Config(false, out, sizes, 10_000, 1_000_000, 100_000, only);
    }

    boolean runs(String group) {
      return only.contains(group);
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }
  }

  public static void main(String[] args) throws Exception {
    Config config;
    try {
      config = Config.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Results r = run(config);
    System.out.print(r.table());
    System.out.println("results: " + config.out().toAbsolutePath());
  }

  /** Runs the benchmarks of {@code config}, writes its results file and returns the figures. */
  static Results run(Config config) throws Exception {
    QUIET.setLevel(Level.WARNING); // nothing from the driver's FINE tracing may cost time while measuring
    Results r = new Results();
    r.context("quick", config.quick());
    r.context("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    r.context("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    r.context("cores", Runtime.getRuntime().availableProcessors());
    r.context("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
    r.context("scanSizes", config.scanSizes());
    r.context("started", java.time.Instant.now().toString());
    r.context("groups", new TreeSet<>(config.only()));
    if (config.runs("first_row")) {
      FirstRowBench.run(config.smallRows(), r); // first, so jvm_first really is the JVM's first connection
    }
    // JIT warm-up, figures dropped; a run without the scan group warms up as much as those scans would have
    int warmUp = config.runs("scan") ? 2_000 : 20_000;
    ScanBench.run(Math.min(warmUp, config.scanSizes().get(0)), new Results());
    if (config.runs("scan")) {
      for (int n : config.scanSizes()) {
        ScanBench.run(n, r);
      }
    }
    if (config.runs("pushdown")) {
      PushdownBench.run(config.smallRows(), r);
    }
    if (config.runs("latency")) {
      LatencyBench.run(config.latencyRows(), r);
    }
    if (config.runs("throttle")) {
      ThrottleBench.run(config.latencyRows(), r);
    }
    if (config.runs("slices")) {
      SliceBench.run(config.latencyRows(), r);
    }
    if (config.runs("child")) {
      ChildBench.run(config.smallRows(), r);
    }
    if (config.runs("deep_offset")) {
      DeepOffsetBench.run(config.latencyRows(), r);
    }
    if (config.runs("memory")) {
      MemoryBench.run(config.memoryRows(), r);
    }
    r.context("finished", java.time.Instant.now().toString());
    r.writeJson(config.out());
    Path md = config.out().resolveSibling(config.out().getFileName().toString().replaceFirst("\\.json$", "") + ".md");
    java.nio.file.Files.writeString(md, r.markdown(), java.nio.charset.StandardCharsets.UTF_8);
    return r;
  }
}
