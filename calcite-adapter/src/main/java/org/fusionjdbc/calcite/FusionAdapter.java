package org.fusionjdbc.calcite;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.SchemaPlus;
import org.fusionjdbc.client.FusionClient;

/** The adapter's entry point: the driver calls {@link #register} on each new Calcite connection. */
public final class FusionAdapter {
  /** Schema name to REST context root. */
  public static final Map<String, String> CONTEXT_ROOTS =
      Map.of("FSCM", "fscmRestApi", "HCM", "hcmRestApi", "CRM", "crmRestApi");

  private FusionAdapter() {
  }

  /**
   * Adds one schema per configured REST family ({@code FSCM} for fscmRestApi, {@code HCM} for
   * hcmRestApi, {@code CRM} for crmRestApi) to {@code root}. Performs no network call: tables are listed
   * and described lazily, on first use. The client stays owned by the caller.
   */
  public static void register(SchemaPlus root, FusionClient client, AdapterOptions options) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(options, "options");
    for (String schema : options.schemas()) {
      String name = schema.toUpperCase(Locale.ROOT);
      String contextRoot = CONTEXT_ROOTS.get(name);
      if (contextRoot == null) {
        throw new IllegalArgumentException("unknown schema '" + schema + "': use one of FSCM, HCM, CRM");
      }
      root.add(name, new FusionSchema(client, contextRoot, options));
    }
  }
}
