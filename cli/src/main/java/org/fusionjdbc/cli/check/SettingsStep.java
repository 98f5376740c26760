package org.fusionjdbc.cli.check;

import java.sql.SQLException;
import org.fusionjdbc.jdbc.FusionUrl;

/** The URL and properties are valid (every rule the driver checks before any network call); secrets masked. */
final class SettingsStep implements CheckStep {
  @Override
  public String name() {
    return "settings";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    try {
      ctx.settings = FusionUrl.parse(ctx.url, ctx.properties());
    } catch (SQLException e) {
      return StepResult.fail(FusionUrl.redact(ctx.url), e.getMessage());
    }
    return StepResult.ok(FusionUrl.redact(ctx.url) + " auth=" + ctx.settings.authMode() + " " + ctx.settings);
  }
}
