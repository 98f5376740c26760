package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.HttpFailures;
import org.junit.jupiter.api.Test;

/** A BI Publisher status without a SOAP fault means what it means over REST, except a 400. */
class BipStatusKindTest {
  @Test
  void aStatusWithoutAFaultHasTheKindItHasOverRest() {
    for (int status : new int[] {401, 403, 404, 408, 418, 429, 500, 503}) {
      assertThat(BipErrors.status(status, "text/plain", "refused", "runReport /x.xdo").kind()).as("HTTP " + status)
          .isEqualTo(HttpFailures.kindOf(status));
    }
  }

  @Test
  void a400WithoutAFaultIsAnAnswerOffTheContractNotARefusedQuery() {
    assertThat(HttpFailures.kindOf(400)).isEqualTo(Kind.BAD_REQUEST);
    assertThat(BipErrors.status(400, "text/plain", "bad", "runReport /x.xdo").kind()).isEqualTo(Kind.PROTOCOL);
  }
}
