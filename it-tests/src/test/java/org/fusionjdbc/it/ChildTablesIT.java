package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Child tables through the shaded jar against a pod shaped like the recorded ones: every item keyed by an opaque
 * hash (a URL built from a key answers 404), expanded child pages of at most two rows per parent, and the page size
 * capped by the pod. A full child scan and a query with the parent key fixed return exactly the data set's rows.
 */
class ChildTablesIT {
  private final Pod pod = Pod.get();

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i == 1 ? "" : "|").append(rs.getObject(i) instanceof java.math.BigDecimal d
              ? d.stripTrailingZeros().toPlainString() : rs.getObject(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 300, 499})
  void childTablesOfHashKeyedParentsByScanAndByFixedKey(int cap) throws SQLException {
    try (FusionEmulator hashed = pod.start(EmulatorOptions.builder().rows(120).hashItemIds(true).childLimit(2)
        .maxLimit(cap));
         Connection c = DriverManager.getConnection(EmulatedPod.url(hashed, ""),
             pod.basic())) {
      List<String> expected = new ArrayList<>();
      List<Long> invoiceIds = new ArrayList<>();
      for (Map<String, Object> inv : hashed.data().rows("invoices")) {
        long id = ((Number) inv.get("InvoiceId")).longValue();
        invoiceIds.add(id);
        for (Map<String, Object> l : hashed.data().children("invoices", id, "invoiceLines")) {
          expected.add(id + "|" + l.get("LineNumber"));
        }
      }
      assertThat(rows(c, "SELECT \"InvoiceId\", \"LineNumber\" FROM FSCM.\"invoices_invoiceLines\" "
          + "ORDER BY \"InvoiceId\", \"LineNumber\"")).isEqualTo(expected);
      for (long id : invoiceIds.subList(0, 12)) {
        List<String> one = expected.stream().filter(r -> r.startsWith(id + "|")).toList();
        assertThat(rows(c, "SELECT \"InvoiceId\", \"LineNumber\" FROM FSCM.\"invoices_invoiceLines\" WHERE "
            + "\"InvoiceId\" = " + id)).containsExactlyElementsOf(one);
        assertThat(rows(c, "SELECT \"InvoiceId\", \"LineNumber\" FROM FSCM.\"invoices_invoiceLines\" WHERE "
            + "\"InvoiceId\" = " + id + " AND \"LineNumber\" > 1 ORDER BY \"LineNumber\" DESC LIMIT 2"))
            .containsExactlyElementsOf(one.stream().filter(r -> !r.endsWith("|1"))
                .sorted(java.util.Comparator.reverseOrder()).limit(2).toList());
        assertThat(rows(c, "SELECT COUNT(*) FROM FSCM.\"invoices_invoiceLines\" WHERE \"InvoiceId\" = " + id))
            .containsExactly(Integer.toString(one.size()));
      }

      // workers: a composite key, always minted; the terms on PersonId select the parents of the expanded scan
      List<String> names = new ArrayList<>();
      for (Map<String, Object> w : hashed.data().rows("workers").subList(0, 40)) {
        long id = ((Number) w.get("PersonId")).longValue();
        hashed.data().children("workers", id, "names").forEach(n -> names.add(id + "|" + n.get("PersonNameId")));
      }
      long lastWorker = ((Number) hashed.data().rows("workers").get(39).get("PersonId")).longValue();
      assertThat(rows(c, "SELECT \"PersonId\", \"PersonNameId\" FROM HCM.\"workers_names\" WHERE \"PersonId\" <= "
          + lastWorker + " ORDER BY \"PersonId\", \"PersonNameId\"")).isEqualTo(names);
      String first = names.get(0).substring(0, names.get(0).indexOf('|'));
      assertThat(rows(c, "SELECT \"PersonId\", \"PersonNameId\" FROM HCM.\"workers_names\" WHERE \"PersonId\" = "
          + first)).containsExactlyInAnyOrderElementsOf(names.stream().filter(r -> r.startsWith(first + "|")).toList());
      assertThat(hashed.journal().filter(e -> e.path().endsWith("/workers")))
          .as("the parents are selected by q, never all 2,000 read").isNotEmpty()
          .allMatch(e -> e.param("q") != null && e.param("q").startsWith("PersonId "));

      assertThat(hashed.journal().filter(e -> e.status() == 404)).as("no URL was built from a key").isEmpty();
      assertThat(hashed.journal().filter(e -> e.path().endsWith("/child/invoiceLines"))).as("parents with more")
          .isNotEmpty().allMatch(e -> e.path().contains("/invoices/00020000000EACED0005"));
    }
  }
}
