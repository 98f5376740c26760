package org.fusionjdbc.cli.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.jdbc.FusionProperty;

/**
 * Describes each resource named in {@code resources} (or the default family's first resource): columns, key and
 * children. The first one becomes the sample of the latency and q probe steps.
 */
final class DescribeStep implements CheckStep {
  @Override
  public String name() {
    return "describe";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    String root = ctx.settings.defaultContextRoot();
    List<String> named = new ArrayList<>();
    for (String r : ctx.settings.get(FusionProperty.RESOURCES).orElse("").split(",")) {
      if (!r.isBlank()) {
        named.add(r.trim());
      }
    }
    if (named.isEmpty()) {
      List<String> all = ctx.client().resourceNames(root);
      if (all.isEmpty()) {
        return StepResult.fail(root + " lists no resource", "the user sees no REST resource: check its roles");
      }
      named.add(all.contains("invoices") ? "invoices" : all.get(0));
    }
    List<String> parts = new ArrayList<>();
    for (String name : named) {
      ResourceDescription d;
      try {
        d = ctx.client().describe(root, name);
      } catch (FusionException e) {
        return StepResult.fail(name + ": " + e.getMessage(), "check the resource name (case-sensitive) in resources,"
            + " and that the user may read it");
      }
      if (ctx.sample == null) {
        ctx.sample = d;
        ctx.sampleContextRoot = root;
        ctx.sampleSchema = ctx.settings.get(FusionProperty.DEFAULT_SCHEMA).orElseThrow().toUpperCase(Locale.ROOT);
      }
      parts.add(name + ": " + d.attributes().size() + " columns, key " + d.keyAttributes() + ", children "
          + d.children().keySet());
    }
    return StepResult.ok(String.join("; ", parts));
  }
}
