package org.fusionjdbc.calcite;

import org.apache.calcite.schema.SchemaPlus;
import org.fusionjdbc.client.FusionClient;

/** The adapter's entry point: the driver calls {@link #register} on each new Calcite connection. */
public final class FusionAdapter {
  private FusionAdapter() {
  }

  /**
   * Adds one schema per configured REST family ({@code FSCM} for fscmRestApi, {@code HCM} for
   * hcmRestApi, {@code CRM} for crmRestApi) to {@code root}. Performs no network call: tables are listed
   * and described lazily, on first use. The client stays owned by the caller.
   */
  public static void register(SchemaPlus root, FusionClient client, AdapterOptions options) {
    throw new UnsupportedOperationException("adapter is being implemented (issue 4)");
  }
}
