package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.fusionjdbc.client.query.ScanProgress;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.fusionjdbc.jdbc.FusionStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full scan that outlives its token many times over: tokens live 3 s (jwt: the driver's tokenLifetime; oauth: the
 * identity domain's expires_in) and the pod allows no clock skew, so a token used one second late is a 401. The scan
 * takes several lifetimes (latency per page, two pages in flight) and must return every row exactly once, with no
 * failed request in the journal and the renewals visible as distinct credentials the pod accepted.
 */
class TokenExpiryIT {
  private static final int ROWS = 12_000;
  private static StressPod pod;

  @BeforeAll
  static void start() {
    pod = StressPod.start(a -> a.clockSkew(Duration.ZERO).accessTokenLifetime(Duration.ofSeconds(3)),
        o -> o.rows(ROWS).latencyMs(120));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jwt", "oauth"})
  void fullScanOutlivesManyTokensAndReturnsEveryRowOnce(String mode) throws SQLException {
    Set<Long> expected = new HashSet<>();
    for (Map<String, Object> row : pod.emulator.data().rows("invoices")) {
      expected.add((Long) row.get("InvoiceId"));
    }
    int credentialsBefore = pod.distinctCredentials();
    long seqBefore = pod.lastSeq();
    Figures fig = Figures.start("token-expiry/" + mode);
    List<Long> ids = new ArrayList<>(ROWS);
    ScanProgress progress;
    try (Connection c = pod.connect(mode, "tokenLifetime=PT3S&pageSize=200&parallelism=2");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"InvoiceId\", \"InvoiceNumber\" FROM FSCM.\"invoices\"")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      progress = st.unwrap(FusionStatement.class).progress();
    }
    long ms = fig.elapsedMs();
    List<JournalEntry> requests = pod.emulator.journal().filter(e -> e.seq() > seqBefore);
    int renewals = pod.distinctCredentials() - credentialsBefore - 1;
    fig.put("rows", ids.size()).put("requests", requests.size()).put("pages", progress.pages())
        .put("renewals", renewals).print();

    assertThat(ids).as("rows returned").hasSize(expected.size());
    assertThat(new HashSet<>(ids)).as("distinct rows").isEqualTo(expected);
    assertThat(requests).as("requests the pod saw").isNotEmpty()
        .allSatisfy(e -> assertThat(e.status()).as("%s %s", e.path(), e.rawQuery()).isEqualTo(200));
    // A retry after an expired token would show as a 401 above. A page asked twice with both answers 200 is a
    // transport retry (an I/O error after the pod answered, seen once on a loaded 2-core CI machine): the retry
    // policy at work, and the rows above are still each exactly once, so it is not asserted against.
    // a token lives 3 s and is renewed at half-life: a scan of N seconds needs about N / 1.5 tokens
    assertThat(renewals).as("token renewals during a %d ms scan", ms).isGreaterThanOrEqualTo((int) (ms / 3000) - 1)
        .isPositive();
  }

  /** Basic has no token to expire: the same long scan, for completeness of "each auth mode". */
  @Test
  void basicScanIsUnaffected() throws SQLException {
    long seqBefore = pod.lastSeq();
    try (Connection c = pod.connect("basic", "pageSize=500&parallelism=4")) {
      assertThat(StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"")).isEqualTo(ROWS);
    }
    assertThat(pod.emulator.journal().filter(e -> e.seq() > seqBefore)).allSatisfy(e -> assertThat(e.status())
        .isEqualTo(200));
  }

  /**
   * A bearer token is the user's and is never renewed: once the pod's clock passes its expiry the next query fails
   * with one clear 28000 (not a hang or a retry loop), and the connection still answers closed/open correctly.
   */
  @Test
  void expiredBearerTokenIsOneClear28000() throws SQLException {
    MutableClock clock = new MutableClock(Instant.now());
    try (StressPod bearerPod = StressPod.start(a -> a.clockSkew(Duration.ZERO).clock(clock), o -> o.rows(500))) {
      Properties p = new Properties();
      p.setProperty("auth", "bearer");
      p.setProperty("accessToken", bearerPod.auth.mintRelayToken(StressPod.identity().username(), Duration.ofMinutes(5)));
      try (Connection c = java.sql.DriverManager.getConnection(bearerPod.url(""), p)) {
        assertThat(StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 10")).isEqualTo(10);
        clock.advance(Duration.ofMinutes(6));
        long seqBefore = bearerPod.lastSeq();
        assertThatThrownBy(() -> StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\""))
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("28000");
              assertThat((Object) e.getNextException()).as("chained exceptions").isNull();
            });
        assertThat(bearerPod.emulator.journal().filter(e -> e.seq() > seqBefore))
            .as("a fixed credential is not retried").hasSize(1);
        assertThat(c.isClosed()).isFalse();
      }
    }
  }

  @Test
  void expiredBearerTokenMessageSaysToReplaceTheToken() throws SQLException {
    MutableClock clock = new MutableClock(Instant.now());
    try (StressPod bearerPod = StressPod.start(a -> a.clockSkew(Duration.ZERO).clock(clock), o -> o.rows(500))) {
      Properties p = new Properties();
      p.setProperty("auth", "bearer");
      p.setProperty("accessToken", bearerPod.auth.mintRelayToken(StressPod.identity().username(), Duration.ofMinutes(5)));
      try (Connection c = java.sql.DriverManager.getConnection(bearerPod.url(""), p)) {
        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\""))
            .hasMessageContaining("token");
      }
    }
  }
}
