package org.fusionjdbc.calcite;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.SchemaPlus;
import org.fusionjdbc.calcite.bip.BipSql;
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
   * hcmRestApi, {@code CRM} for crmRestApi) to {@code root}, and the BI Publisher schemas ({@code FUSION_DB},
   * {@code BIP}) when {@link AdapterOptions#bip()} is enabled. Performs no network call: tables are listed
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
      SchemaPlus added = root.add(name, new FusionSchema(client, contextRoot, options));
      // Calcite's case-insensitive lookup reads a snapshot of the listed names, which would hide child
      // tables (<parent>_<child>) that are found by name only. Our lookup is already lazy and cached, so
      // switch the snapshot off (it exists once tables() was asked for, hence the call).
      added.tables();
      try {
        added.setCacheEnabled(false);
      } catch (UnsupportedOperationException alreadyUncached) {
        // a non-caching root (the driver's) has no snapshot to switch off
      }
    }
    BipSql.register(root, client, options.bip()); // FUSION_DB and BIP, when options.bip().enabled()
  }
}
