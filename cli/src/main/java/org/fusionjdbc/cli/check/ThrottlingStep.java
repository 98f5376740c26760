package org.fusionjdbc.cli.check;

import java.util.List;

/** Whether the pod throttled (429) or was unavailable (503) during the check, from the driver's request trace. */
final class ThrottlingStep implements CheckStep {
  @Override
  public String name() {
    return "throttling";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    List<String> lines = ctx.requests.since(0);
    long requests = lines.stream().filter(l -> l.contains(" -> ")).count();
    long throttled = lines.stream().filter(l -> l.contains(" -> 429") || l.contains(" -> 503")).count();
    long retries = lines.stream().filter(l -> l.startsWith("retrying")).count();
    String detail = requests + " requests, " + throttled + " throttled (429/503), " + retries + " retried";
    return throttled > 0 ? StepResult.warn(detail, "the pod is throttling: lower parallelism, or run heavy "
        + "extracts outside business hours") : StepResult.ok(detail);
  }
}
