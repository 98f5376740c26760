package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Execution-time behaviour: bound parameters, cancel, close, lazy first request, errors. */
class ExecutionTest {

  @Test
  void boundParametersArePushedAtExecutionAndUnsayableValuesStayInCalcite() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    String sql = "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = ? and \"InvoiceId\" > ?";
    try (Connection c = Sql.connect(client, true); Connection off = Sql.connect(SampleData.client(), false);
         PreparedStatement ps = c.prepareStatement(sql); PreparedStatement po = off.prepareStatement(sql)) {
      for (String supplier : List.of("Acme", "O'Brien Ltd", "Smith_Co")) {
        client.journal.clear();
        ps.setString(1, supplier);
        ps.setLong(2, 300000000010L);
        po.setString(1, supplier);
        po.setLong(2, 300000000010L);
        List<List<String>> rows;
        try (ResultSet rs = ps.executeQuery()) {
          rows = Sql.read(rs);
        }
        try (ResultSet rs = po.executeQuery()) {
          assertThat(rows).as(supplier).isEqualTo(Sql.read(rs)).isNotEmpty();
        }
        String q = client.journal.get(0).spec().filter().orElseThrow().toString();
        if (supplier.contains("'")) {
          assertThat(q).isEqualTo("InvoiceId > 300000000010");
        } else {
          assertThat(q).isEqualTo("Supplier = '" + supplier + "' and InvoiceId > 300000000010");
          assertThat(client.journal.get(0).rowsReturned()).isEqualTo(rows.size());
        }
      }
    }
  }

  @Test
  void noRequestBeforeTheFirstRowAndCloseReleasesTheStream() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select \"InvoiceId\" from fscm.invoices")) {
        assertThat(rs.next()).isTrue();
        assertThat(client.lastStream.closed).isFalse();
      }
      assertThat(client.lastStream.closed).isTrue();
      assertThat(Sql.explain(c, "select * from fscm.invoices where \"InvoiceId\" = 1")).contains("q=InvoiceId = 1");
      assertThat(client.journal).hasSize(1);
    }
  }

  @Test
  void cancelStopsTheScanThroughJdbc() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("select \"InvoiceId\" from fscm.invoices");
      assertThat(rs.next()).isTrue();
      s.cancel();
      assertThatThrownBy(() -> {
        while (rs.next()) {
          // drain
        }
      }).hasStackTraceContaining("cancel");
      rs.close();
      assertThat(client.lastStream.closed).isTrue();
    }
  }

  @Test
  void enumeratorChecksTheCancelFlagBeforeEveryRowAndCancelsTheStream() {
    InMemoryFusionClient.ListStream stream = new InMemoryFusionClient.ListStream(List.of("Id"),
        new java.util.ArrayList<>(List.of(new Object[] {1L}, new Object[] {2L})));
    FusionColumn col = new FusionColumn("Id", SampleData.attr("Id",
        org.fusionjdbc.client.describe.AttributeType.INTEGER, true, true), false, -1, true);
    java.util.concurrent.atomic.AtomicBoolean flag = new java.util.concurrent.atomic.AtomicBoolean();
    FusionEnumerator e = new FusionEnumerator(() -> stream, List.of(col),
        new RowConverter(java.time.ZoneId.of("UTC")), flag, true, 0, new StatementContext(flag));
    assertThat(e.moveNext()).isTrue();
    assertThat(e.current()).isEqualTo(1L);
    flag.set(true);
    assertThatThrownBy(e::moveNext).isInstanceOf(org.fusionjdbc.client.error.FusionException.class)
        .hasMessageContaining("cancelled");
    assertThat(stream.cancelled).isTrue();
    e.close();
    assertThat(stream.closed).isTrue();
  }

  @Test
  void clientErrorsPropagateTyped() throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection c = Sql.connect(client, true)) {
      assertThatThrownBy(() -> Sql.rows(c, "select * from fscm.nosuch")).hasMessageContaining("nosuch");
    }
  }

  @Test
  void typeConversionFailureNamesColumnAndValue() {
    FusionColumn col = new FusionColumn("Amount", SampleData.attr("Amount",
        org.fusionjdbc.client.describe.AttributeType.INTEGER, true, false), false, -1, false);
    RowConverter rc = new RowConverter(java.time.ZoneId.of("UTC"));
    assertThat(rc.convert(col, 5L)).isEqualTo(5L);
    assertThat(rc.convert(col, new java.math.BigDecimal("9007199254740993"))).isEqualTo(9007199254740993L);
    assertThatThrownBy(() -> rc.convert(col, new java.math.BigDecimal("1.5")))
        .hasMessageContaining("Amount").hasMessageContaining("1.5");
    FusionColumn ts = new FusionColumn("T", SampleData.attr("T",
        org.fusionjdbc.client.describe.AttributeType.DATETIME, true, false), false, -1, false);
    assertThat(rc.convert(ts, "2024-01-01T01:00:00+01:00")).isEqualTo(1704067200000L);
    assertThat(rc.convert(ts, "2024-01-01T00:00:00.5Z")).isEqualTo(1704067200500L);
    assertThat(rc.convert(ts, "2024-01-01T00:00Z")).isEqualTo(1704067200000L);
  }

}
