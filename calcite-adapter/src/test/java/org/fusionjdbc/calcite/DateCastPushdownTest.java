package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.fusionjdbc.client.FusionClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Date filters across DATE and TIMESTAMP: Tableau's {@code CAST(ts AS DATE) op DATE 'd'} and Calcite's
 * {@code CAST(dateColumn AS TIMESTAMP) op TIMESTAMP 't'} become ranges on the bare column. Run at the days the data
 * really has (so rows sit on both sides of each boundary), with every operator, in UTC and in a zone with an offset
 * and daylight saving time: the rows must equal pushdown off, and the filter must reach q.
 */
class DateCastPushdownTest {
  private static final List<String> OPS = List.of("=", "<>", "<", "<=", ">", ">=");

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
  void datetimeCastToDateIsARangeOnTheColumn(String zone) throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection on = connect(client, true, zone); Connection off = connect(SampleData.client(), false, zone)) {
      List<String> days = Sql.rows(off, "select distinct cast(\"LastUpdateDate\" as date) d from fscm.invoices "
          + "where \"LastUpdateDate\" is not null order by d").stream().map(r -> r.get(0)).toList();
      assertThat(days).hasSizeGreaterThan(10);
      for (String day : List.of(days.get(0), days.get(days.size() / 2), days.get(days.size() - 1))) {
        for (String op : OPS) {
          String sql = "select \"InvoiceNumber\" from fscm.invoices where cast(\"LastUpdateDate\" as date) " + op
              + " date '" + day + "'";
          assertPushedAndSame(client, on, off, sql, "LastUpdateDate");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:00:00", "00:00:00.001", "12:30:00", "23:59:59.999"})
  void dateColumnAgainstATimestampIsARangeOnTheColumn(String time) throws Exception {
    InMemoryFusionClient client = SampleData.client();
    try (Connection on = Sql.connect(client, true); Connection off = Sql.connect(SampleData.client(), false)) {
      List<String> days = Sql.rows(off, "select distinct \"InvoiceDate\" d from fscm.invoices "
          + "where \"InvoiceDate\" is not null order by d").stream().map(r -> r.get(0)).toList();
      for (String day : List.of(days.get(1), days.get(days.size() / 2))) {
        for (String op : OPS) {
          String sql = "select \"InvoiceNumber\" from fscm.invoices where \"InvoiceDate\" " + op + " timestamp '"
              + day + " " + time + "'";
          boolean inexpressible = !time.equals("00:00:00") && (op.equals("=") || op.equals("<>"));
          if (inexpressible) {
            // a day never equals an instant inside it: no q says that, Calcite filters (and finds no / every row)
            assertSame(client, on, off, sql);
            assertThat(client.journal).singleElement().satisfies(c -> assertThat(c.spec().filter()).isEmpty());
          } else {
            assertPushedAndSame(client, on, off, sql, "InvoiceDate");
          }
        }
      }
    }
  }

  private static void assertPushedAndSame(InMemoryFusionClient client, Connection on, Connection off, String sql,
      String column) throws SQLException {
    List<List<String>> rows = assertSame(client, on, off, sql);
    assertThat(client.journal).as(sql).singleElement().satisfies(c -> {
      assertThat(c.spec().fields()).as(sql).containsExactly("InvoiceNumber");
      assertThat(c.spec().filter()).as(sql).isPresent();
      assertThat(c.spec().filter().get().toString()).as(sql).contains(column);
      assertThat(c.rowsReturned()).as(sql).isEqualTo(rows.size());
    });
  }

  private static List<List<String>> assertSame(InMemoryFusionClient client, Connection on, Connection off, String sql)
      throws SQLException {
    List<List<String>> expected = Sql.sorted(Sql.rows(off, sql));
    client.journal.clear();
    List<List<String>> actual = Sql.sorted(Sql.rows(on, sql));
    assertThat(actual).as(sql).isEqualTo(expected);
    return actual;
  }

  private static Connection connect(FusionClient client, boolean pushdown, String zone) throws SQLException {
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("conformance", "LENIENT");
    p.setProperty("timeZone", zone);
    Connection c = new org.apache.calcite.jdbc.Driver().withPrepareFactory(FusionPrepare::new)
        .connect("jdbc:calcite:", p);
    FusionAdapter.register(c.unwrap(CalciteConnection.class).getRootSchema(), client,
        new AdapterOptions(pushdown, List.of("FSCM", "HCM"), Optional.empty(), java.time.ZoneId.of(zone)));
    return c;
  }
}
