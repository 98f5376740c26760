package org.fusionjdbc.cli.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code fusion-sql --check}: walks the first contact with a pod step by step, prints a report a user can paste
 * into an issue (secrets masked), stops at the first broken step with its fix, and ends with the q capability
 * probe's {@code qExtensions=} line. Exit 0 only when queries work.
 */
public final class FirstContactCheck {
  /** The steps in order; each one a small class. Add new ones here. */
  static final List<CheckStep> STEPS = List.of(new SettingsStep(), new HostStep(), new ProxyStep(), new TlsStep(),
      new ClockStep(), new TokenStep(), new RequestStep(), new FrameworkStep(), new CatalogStep(), new DescribeStep(),
      new LatencyStep(), new ThrottlingStep(), new QProbeStep(), new BipStep());

  /** The steps that prove queries work: the exit code is 0 only when all of them passed. */
  private static final String LAST_ESSENTIAL = "latency";

  private FirstContactCheck() {
  }

  /** Runs the check and prints the report; returns the exit code (0: queries work, 1: they do not). */
  public static int run(String url, Properties properties, boolean json, PrintStream out) {
    List<Outcome> outcomes = new ArrayList<>();
    boolean queriesWork = false;
    List<String> qExtensions = null;
    try (CheckContext ctx = new CheckContext(url, properties)) {
      for (CheckStep step : STEPS) {
        StepResult r;
        long start = System.nanoTime();
        try {
          r = step.run(ctx);
        } catch (Exception | LinkageError e) {
          r = StepResult.fail("the step failed: " + e, "report this output in an issue; it holds no secret");
        }
        outcomes.add(new Outcome(step.name(), r, (System.nanoTime() - start) / 1_000_000));
        if (!json) {
          Report.textLine(out, outcomes.get(outcomes.size() - 1));
        }
        if (r.status() == StepResult.Status.FAIL) {
          break;
        }
        if (step.name().equals(LAST_ESSENTIAL)) {
          queriesWork = true;
        }
      }
      qExtensions = ctx.qExtensions;
    }
    if (json) {
      Report.json(out, outcomes, queriesWork, qExtensions);
    } else {
      Report.textEnd(out, queriesWork, qExtensions);
    }
    return queriesWork ? 0 : 1;
  }

  record Outcome(String step, StepResult result, long ms) {
  }
}
