package org.fusionjdbc.cli.check;

import org.fusionjdbc.client.bip.ProxyProbe;
import org.fusionjdbc.jdbc.FusionProperty;

/**
 * With {@code bip=true}: runs the BI Publisher proxy report with a one-row query in each shape the connection may
 * use ({@code bipProxy}), and reports which shape works and the data source it connects as, or the first ORA error
 * with its fix. Without BI Publisher the step is skipped.
 */
final class BipStep implements CheckStep {
  @Override
  public String name() {
    return "bip";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    if (!Boolean.parseBoolean(ctx.settings.get(FusionProperty.BIP).orElse("false").trim())) {
      return StepResult.skip("bip=false: the database channel (FUSION_DB, NATIVE) is not used");
    }
    ProxyProbe.Result result = ProxyProbe.run(ctx.client().bip());
    String lines = String.join("; ", result.lines()).replaceAll("\\s*\\R\\s*", " "); // one report line
    return result.working().map(w -> StepResult.ok("proxy shape " + w.shape().key() + " works (" + lines + ")"))
        .orElseGet(() -> StepResult.fail(lines, result.attempts().get(0).fix()));
  }
}
