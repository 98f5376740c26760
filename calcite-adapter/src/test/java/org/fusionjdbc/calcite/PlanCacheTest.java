package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/**
 * A statement prepared again on the same connection reuses its plan: same rows, same requests. (Its notes travel
 * inside the cached signature, see {@link PlanNotes}, so a reused plan keeps them; the driver's tests read them.)
 */
class PlanCacheTest {

  @Test
  void theSecondPrepareOfTheSameTextIsNotPlannedAgain() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    AtomicInteger planned = new AtomicInteger();
    String sql = "select \"InvoiceId\", \"Supplier\" from fscm.invoices where \"SupplierId\" = ? "
        + "and upper(\"Supplier\") <> 'X' order by \"InvoiceId\"";
    try (Connection c = Sql.connect(client, true); Connection other = Sql.connect(SampleData.client(), true);
         Hook.Closeable hook = Hook.PLANNER.addThread((java.util.function.Consumer<Object>) p -> planned.incrementAndGet())) {
      List<List<List<String>>> results = new ArrayList<>();
      for (long supplier : new long[] {1, 3, 1}) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setLong(1, supplier);
          results.add(Sql.read(ps.executeQuery()));
        }
      }
      assertThat(planned).hasValue(1);
      assertThat(results.get(0)).isEqualTo(results.get(2)).isNotEqualTo(results.get(1)).isNotEmpty();
      assertThat(client.journal).hasSize(3)
          .allSatisfy(call -> assertThat(call.spec().filter().orElseThrow().toString()).startsWith("SupplierId = "));

      // another connection, or other text, is planned on its own
      try (PreparedStatement ps = other.prepareStatement(sql)) {
        assertThat(planned).hasValue(2);
      }
      Sql.rows(c, "select count(*) from fscm.invoices");
      assertThat(planned).hasValue(3);
    }
  }
}
