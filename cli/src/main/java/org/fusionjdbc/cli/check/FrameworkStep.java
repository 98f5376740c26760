package org.fusionjdbc.cli.check;

import org.fusionjdbc.client.RestVersions;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.jdbc.FusionProperty;

/** The REST-Framework-Version the driver sends is one the pod accepts (when the pod advertises the range). */
final class FrameworkStep implements CheckStep {
  @Override
  public String name() {
    return "framework";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    String sent = ctx.settings.get(FusionProperty.FRAMEWORK_VERSION).orElseThrow();
    RestVersions v;
    try {
      v = ctx.client().restVersions(ctx.settings.defaultContextRoot());
    } catch (FusionException e) {
      return StepResult.skip("the pod does not list its versions (" + e.getMessage() + ")");
    }
    String detail = "sent " + sent + "; versions " + v.versions() + ", pod default "
        + v.defaultFrameworkVersion().orElse("not advertised") + ", allowed "
        + (v.allowedFrameworkVersions().isEmpty() ? "not advertised" : String.join(",", v.allowedFrameworkVersions()));
    if (!v.allowedFrameworkVersions().isEmpty() && !v.allowedFrameworkVersions().contains(sent)) {
      return StepResult.fail(detail, "set frameworkVersion to one the pod allows (2 or more: the driver writes "
          + "row-match q)");
    }
    return StepResult.ok(detail);
  }
}
