package org.fusionjdbc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every benchmark against an in-process emulator, prints the table and writes results.json.
 * {@code BenchmarkMain [--quick] [--out FILE] [--sizes 100000,1000000]}. Figures are ratios or twins measured
 * in this run; nothing here asserts a wall-clock limit.
 */
public final class BenchmarkMain {
  private static final Logger QUIET = Logger.getLogger("org.fusionjdbc");

  private BenchmarkMain() {}

  /** What one run measures. */
  record Config(boolean quick, Path out, List<Integer> scanSizes, int smallRows, int memoryRows, int latencyRows) {
    Config {
      scanSizes = List.copyOf(scanSizes);
      if (scanSizes.isEmpty() || smallRows < 1 || memoryRows < 1 || latencyRows < 1) {
        throw new IllegalArgumentException("need at least one scan size and positive row counts");
      }
    }

    static Config parse(String... args) {
      boolean quick = false;
      Path out = Path.of("benchmarks", "target", "results.json");
      List<Integer> sizes = null;
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
          default -> throw new IllegalArgumentException("unknown argument " + args[i]
              + "; use [--quick] [--out FILE] [--sizes N,N]");
        }
      }
      if (sizes == null) {
        sizes = quick ? List.of(2_000) : List.of(100_000, 1_000_000);
      }
      return quick ? new Config(true, out, sizes, 2_000, 5_000, 4_000)
          : new Config(false, out, sizes, 10_000, 1_000_000, 100_000);
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
    FirstRowBench.run(config.smallRows(), r); // first, so jvm_first really is the JVM's first connection
    ScanBench.run(Math.min(2_000, config.scanSizes().get(0)), new Results()); // JIT warm-up, figures dropped
    for (int n : config.scanSizes()) {
      ScanBench.run(n, r);
    }
    PushdownBench.run(config.smallRows(), r);
    LatencyBench.run(config.latencyRows(), r);
    ThrottleBench.run(config.latencyRows(), r);
    SliceBench.run(config.latencyRows(), r);
    ChildBench.run(config.smallRows(), r);
    DeepOffsetBench.run(config.latencyRows(), r);
    MemoryBench.run(config.memoryRows(), r);
    r.context("finished", java.time.Instant.now().toString());
    r.writeJson(config.out());
    Path md = config.out().resolveSibling(config.out().getFileName().toString().replaceFirst("\\.json$", "") + ".md");
    java.nio.file.Files.writeString(md, r.markdown(), java.nio.charset.StandardCharsets.UTF_8);
    return r;
  }
}
