package org.fusionjdbc.client;

/** Placeholder until the HTTP implementation lands (issue 3). */
final class DefaultFusionClient {
  private DefaultFusionClient() {
  }

  static FusionClient open(FusionClientConfig config) {
    throw new UnsupportedOperationException("FusionClient is being implemented (issue 3)");
  }
}
