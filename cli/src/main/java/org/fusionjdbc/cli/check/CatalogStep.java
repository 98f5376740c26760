package org.fusionjdbc.cli.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.jdbc.FusionProperty;

/** How many resources each configured family (schema) lists. */
final class CatalogStep implements CheckStep {
  @Override
  public String name() {
    return "catalog";
  }

  static String contextRoot(String schema) {
    return switch (schema.toUpperCase(Locale.ROOT)) {
      case "HCM" -> "hcmRestApi";
      case "CRM" -> "crmRestApi";
      default -> "fscmRestApi";
    };
  }

  @Override
  public StepResult run(CheckContext ctx) {
    List<String> parts = new ArrayList<>();
    for (String schema : ctx.settings.get(FusionProperty.SCHEMAS).orElseThrow().split(",")) {
      String root = contextRoot(schema.trim());
      try {
        parts.add(schema.trim().toUpperCase(Locale.ROOT) + " (" + root + ") " + ctx.client().resourceNames(root).size()
            + " resources");
      } catch (FusionException e) {
        return StepResult.fail(String.join(", ", parts), "listing " + root + " failed: " + e.getMessage()
            + "; remove it from schemas if the pod has no such family");
      }
    }
    return StepResult.ok(String.join(", ", parts));
  }
}
