package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fusionjdbc.emulator.faults.Fault;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Throttling and transport faults between the driver and the pod: every query still returns exactly the rows the
 * emulator's data holds (compared with an evaluation over {@code data().rows()}); when the retry budget runs out
 * the user gets one SQLException with SQLState 08S01 (no hang), and the same connection answers the next query.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultsIT {
  private static final int ROWS = 6_000;
  private static StressPod pod;
  private static List<Long> allIds;
  private static List<Long> usdIds;

  @BeforeAll
  static void start() {
    pod = StressPod.start(o -> o.rows(ROWS));
    allIds = new ArrayList<>();
    usdIds = new ArrayList<>();
    for (Map<String, Object> row : pod.emulator.data().rows("invoices")) {
      allIds.add((Long) row.get("InvoiceId"));
      if ("USD".equals(row.get("InvoiceCurrency")) && ((BigDecimal) row.get("InvoiceAmount"))
          .compareTo(BigDecimal.valueOf(10_000)) > 0) {
        usdIds.add((Long) row.get("InvoiceId"));
      }
    }
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  @AfterEach
  void reset() {
    pod.emulator.faults().reset();
  }

  /**
   * 20% of requests refused (10% 429 with Retry-After: 1, 10% 503 with an HTML gateway page), plus 5% dropped in the
   * middle of the body and 5% slow bodies, over four kinds of query.
   */
  @Test
  void twentyPercentThrottledOrUnavailablePlusDroppedAndSlowBodiesStillGiveExactRows() throws SQLException {
    pod.emulator.faults().retryAfterSeconds(1);
    long before = pod.lastSeq();
    // exactly every fifth request (retries included) is refused, alternating 429 + Retry-After and a 503 page
    // and, on top, every 20th connection dropped in the middle of the body and every 20th body sent slowly
    pod.emulator.faults().slowBodyDelayMs(2);
    for (long s = before + 5; s < before + 400; s += 10) {
      pod.emulator.faults().failOn(Fault.THROTTLE_429, s).failOn(Fault.UNAVAILABLE_503, s + 5);
      if ((s - before) % 20 == 5) {
        pod.emulator.faults().failOn(Fault.DROP_MID_BODY, s + 2).failOn(Fault.SLOW_BODY, s + 8);
      }
    }
    Figures fig = Figures.start("faults/20pct-429-503");
    try (Connection c = pod.connect("jwt", "pageSize=250&maxRetries=8")) {
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"")).as("full scan")
          .containsExactlyInAnyOrderElementsOf(allIds);
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"InvoiceCurrency\" = 'USD' AND "
          + "\"InvoiceAmount\" > 10000 ORDER BY \"InvoiceId\"")).as("pushed filter, ordered").isEqualTo(usdIds);
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" ORDER BY \"InvoiceId\" DESC LIMIT 700"))
          .as("top 700 by key").isEqualTo(descending().subList(0, 700));
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM FSCM.\"invoices\"")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(ROWS);
      }
    }
    List<JournalEntry> seen = pod.emulator.journal().filter(e -> e.seq() > before);
    long throttled = seen.stream().filter(e -> e.status() == 429).count();
    long unavailable = seen.stream().filter(e -> e.status() == 503).count();
    long dropped = seen.stream().filter(e -> Fault.DROP_MID_BODY.name().equals(e.fault())).count();
    long slow = seen.stream().filter(e -> Fault.SLOW_BODY.name().equals(e.fault())).count();
    fig.put("requests", seen.size()).put("429", throttled).put("503", unavailable).put("dropped", dropped)
        .put("slow", slow).print();
    assertThat(dropped).as("dropped mid-body").isPositive();
    assertThat(slow).as("slow bodies").isPositive();
    assertThat(throttled).as("429s").isPositive();
    assertThat(unavailable).as("503s").isPositive();
    assertThat((throttled + unavailable) * 5).as("a fifth of %d requests refused", seen.size())
        .isBetween((long) seen.size() - 5, (long) seen.size() + 5);
  }

  /** Each kind of fault hits the next two requests of a multi-page scan; the scan returns exactly the right rows. */
  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"THROTTLE_429", "UNAVAILABLE_503", "ERROR_500", "DROP_MID_BODY",
      "SLOW_BODY", "MALFORMED_JSON"})
  void transientFaultIsRetriedAndRowsAreExact(Fault fault) throws SQLException {
    pod.emulator.faults().retryAfterSeconds(0).slowBodyDelayMs(2);
    try (Connection c = pod.connect("basic", "pageSize=500&parallelism=2")) {
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 5")).hasSize(5); // describe done
      long before = pod.lastSeq();
      pod.emulator.faults().failOn(fault, before + 2, before + 3, before + 6);
      Figures fig = Figures.start("faults/" + fault);
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"")).containsExactlyInAnyOrderElementsOf(allIds);
      List<JournalEntry> seen = pod.emulator.journal().filter(e -> e.seq() > before);
      long faulted = seen.stream().filter(e -> fault.name().equals(e.fault())).count();
      fig.put("rows", allIds.size()).put("requests", seen.size()).put("faulted", faulted).print();
      assertThat(faulted).as("requests that got %s", fault).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"THROTTLE_429", "UNAVAILABLE_503", "ERROR_500", "DROP_MID_BODY"})
  void exhaustedRetriesAreOneClear08S01AndTheConnectionStaysUsable(Fault fault) throws SQLException {
    pod.emulator.faults().retryAfterSeconds(1);
    try (Connection c = pod.connect("oauth", "maxRetries=2")) {
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 5")).hasSize(5);
      long before = pod.lastSeq();
      pod.emulator.faults().failNext(fault, 50);
      Figures fig = Figures.start("faults/exhausted-" + fault);
      assertThatThrownBy(() -> ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"InvoiceId\" < 0"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(e.toString()).isEqualTo("08S01");
            assertThat((Object) e).isInstanceOf(java.sql.SQLTransientConnectionException.class);
            assertThat(e.getMessage()).contains("gave up after 3 attempts").contains("/invoices");
            assertThat((Object) e.getNextException()).as("chained exceptions").isNull();
          });
      long attempts = pod.emulator.journal().filter(e -> e.seq() > before).size();
      fig.put("attempts", attempts).print();
      assertThat(attempts).as("1 try + maxRetries=2").isEqualTo(3);
      pod.emulator.faults().reset();
      assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" ORDER BY \"InvoiceId\" LIMIT 3"))
          .as("the same connection after the failure").isEqualTo(allIds.subList(0, 3));
    }
  }

  private static List<Long> descending() {
    List<Long> d = new ArrayList<>(allIds);
    java.util.Collections.reverse(d);
    return d;
  }

  static List<Long> ids(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
