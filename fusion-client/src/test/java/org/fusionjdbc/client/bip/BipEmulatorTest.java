package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.SoapVersion;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.bip.BipService;
import org.fusionjdbc.emulator.testkit.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the emulator's BI Publisher (written independently of it) over real HTTP: each auth mode,
 * both SOAP versions, typed rows checked against the emulator's database queried directly over JDBC.
 */
class BipEmulatorTest {
  @TempDir
  static Path dir;
  private static DemoCredentials demo;
  private static AuthService auth;
  private static Running bip;

  /** A BipService mounted on a loopback HTTP server. */
  record Running(BipService service, HttpServer server, ExecutorService executor) implements AutoCloseable {
    static Running start(org.fusionjdbc.emulator.bip.BipOptions settings) throws IOException {
      return start(settings, auth);
    }

    static Running start(org.fusionjdbc.emulator.bip.BipOptions settings, AuthService auth) throws IOException {
      BipService service = BipService.create(settings, auth.authenticator());
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bip-emulator-test");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(executor);
      server.createContext(BipService.SERVICE_PATH, service.httpHandler());
      server.start();
      return new Running(service, server, executor);
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
      service.close();
    }
  }

  @BeforeAll
  static void start() throws IOException {
    TestIdentity id = TestIdentity.generateIn(dir);
    demo = id.credentials();
    auth = id.authService();
    bip = Running.start(org.fusionjdbc.emulator.bip.BipOptions.defaults());
  }

  @AfterAll
  static void stop() {
    if (bip != null) {
      bip.close();
    }
  }

  private static FusionClientConfig config(URI base, AuthConfig authConfig) {
    return FusionClientConfig.builder(base, authConfig).maxRetries(3).retryBaseDelay(Duration.ofMillis(1))
        .retryBudget(Duration.ofSeconds(10)).build();
  }

  private static AuthConfig basic() {
    return new AuthConfig.Basic(demo.username(), Secret.of(demo.basicPassword()));
  }

  private static List<Object[]> all(ProxyRowStream rows) {
    List<Object[]> out = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        out.add(rows.row().clone());
      }
    }
    return out;
  }

  /** The same SQL run directly on the emulator's database, as the oracle of the typed rows. */
  private static List<Object[]> direct(String sql) throws SQLException {
    try (Connection c = bip.service().database().getConnection(); Statement s = c.createStatement()) {
      s.execute("SET SCHEMA FUSION");
      try (ResultSet rs = s.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        List<Object[]> out = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[md.getColumnCount()];
          for (int i = 0; i < row.length; i++) {
            Object v = rs.getObject(i + 1);
            row[i] = v instanceof java.sql.Timestamp ts ? ts.toLocalDateTime()
                : v instanceof java.sql.Date d ? d.toLocalDate().atStartOfDay() : v;
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  private static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int r = 0; r < actual.size(); r++) {
      for (int c = 0; c < actual.get(r).length; c++) {
        Object a = actual.get(r)[c];
        Object e = expected.get(r)[c];
        if (a instanceof BigDecimal ab && e instanceof BigDecimal eb) {
          assertThat(ab).as("row %d col %d", r, c).isEqualByComparingTo(eb);
        } else if (a instanceof Long al && e instanceof Number en) {
          assertThat(al).as("row %d col %d", r, c).isEqualTo(en.longValue());
        } else {
          assertThat(a).as("row %d col %d", r, c).isEqualTo(e);
        }
      }
    }
  }

  @Test
  void basicOverSoap12GivesTypedRowsEqualToTheDatabase() throws SQLException {
    String sql = "select invoice_id, invoice_num, invoice_amount, invoice_date, description "
        + "from ap_invoices_all order by invoice_id";
    try (BipClient client = BipClient.open(config(bip.base(), basic()))) {
      ProxyRowStream rows = client.proxy().run(sql);
      assertThat(rows.fields()).containsExactly("INVOICE_ID", "INVOICE_NUM", "INVOICE_AMOUNT", "INVOICE_DATE",
          "DESCRIPTION");
      assertThat(rows.columns()).extracting(ProxyColumn::javaType)
          .containsExactly(Long.class, String.class, BigDecimal.class, LocalDateTime.class, String.class);
      List<Object[]> actual = all(rows);
      List<Object[]> expected = direct(sql);
      assertThat(expected).isNotEmpty();
      assertSameRows(actual, expected);
      assertThat(actual).anyMatch(r -> r[4] instanceof String s && s.contains("\t") && s.contains("\n"));
    }
    assertThat(bip.service().journal().last()).hasValueSatisfying(e -> {
      assertThat(e.principal()).isEqualTo(demo.username());
      assertThat(e.sql()).isEqualTo(sql);
    });
  }

  @Test
  void fusionJwtOverSoap11() throws SQLException {
    AuthConfig jwt = new AuthConfig.FusionJwt(demo.username(), demo.issuer(), demo.privateKeyFile(),
        Optional.empty(), Optional.of(demo.certificateFile()), Optional.empty(), Duration.ofMinutes(30));
    String sql = "select vendor_id, segment1 from poz_suppliers order by vendor_id";
    try (BipClient client = BipClient.open(config(bip.base(), jwt),
        BipSettings.defaults().withSoapVersion(SoapVersion.SOAP_1_1))) {
      assertSameRows(all(client.proxy().run(sql)), direct(sql));
    }
    assertThat(bip.service().journal().last()).hasValueSatisfying(e ->
        assertThat(e.principal()).isEqualTo(demo.username()));
  }

  @Test
  void bearerTokenIsAccepted() {
    String token = auth.mintRelayToken(demo.username(), Duration.ofMinutes(5));
    try (BipClient client = BipClient.open(config(bip.base(), new AuthConfig.Bearer(Secret.of(token))))) {
      List<Object[]> rows = all(client.proxy().run("select count(*) as n from poz_suppliers"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0)[0]).isInstanceOf(BigDecimal.class);
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationError() {
    try (BipClient client = BipClient.open(config(bip.base(),
        new AuthConfig.Basic(demo.username(), Secret.of("not-the-password"))))) {
      assertThatThrownBy(() -> client.proxy().run("select 1 from dual"))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain("not-the-password");
          });
    }
  }

  @Test
  void hostileLiteralsSurviveTheRoundTrip() {
    String value = "a'b ]]> <c> & \u00e9\u4e2d \\N";
    try (BipClient client = BipClient.open(config(bip.base(), basic()))) {
      List<Object[]> rows = all(client.proxy().run("select '" + value.replace("'", "''") + "' as x from dual"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0)[0]).isEqualTo(value);
    }
  }

  @Test
  void oracleErrorsKeepTheirCodes() {
    try (BipClient client = BipClient.open(config(bip.base(), basic()))) {
      assertThatThrownBy(() -> client.proxy().run("select * from no_such_table"))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.fusionErrorCode()).isEqualTo("ORA-00942");
            assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
          });
      assertThatThrownBy(() -> client.proxy().run("select no_such_column from ap_invoices_all"))
          .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.fusionErrorCode()).isEqualTo("ORA-00904"));
      assertThatThrownBy(() -> client.proxy().run("select invoice_id from ap_invoices_all for update"))
          .isInstanceOfSatisfying(FusionException.class, e -> assertThat(e.fusionErrorCode()).isEqualTo("ORA-20002"));
    }
  }

  @Test
  void gatewayPageIsRetriedThenTheQueryRuns() {
    bip.service().faults().htmlErrorPage(503, 2);
    try (BipClient client = BipClient.open(config(bip.base(), basic()))) {
      assertThat(all(client.proxy().run("select 1 as one from dual"))).hasSize(1);
    } finally {
      bip.service().faults().clear();
    }
  }

  @Test
  void rowLimitFailsAndOffsetFetchWindowsReadEverythingOnce() throws Exception {
    try (Running limited = Running.start(org.fusionjdbc.emulator.bip.BipOptions.builder().rowLimit(10).build());
        BipClient client = BipClient.open(config(limited.base(), basic()))) {
      String base = "select invoice_id, line_number, amount from ap_invoice_lines_all order by invoice_id, line_number";
      assertThatThrownBy(() -> all(client.proxy().run(base)))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.fusionErrorCode()).isEqualTo("ORA-20003");
            assertThat(e.getMessage()).contains("OFFSET/FETCH");
          });
      List<Object[]> paged = new ArrayList<>();
      int window = 7;
      for (int offset = 0; ; offset += window) {
        List<Object[]> page = all(client.proxy().run(base + " offset " + offset + " rows fetch next " + window
            + " rows only"));
        paged.addAll(page);
        if (page.size() < window) {
          break;
        }
      }
      Set<String> keys = new HashSet<>();
      paged.forEach(r -> assertThat(keys.add(r[0] + "/" + r[1])).as("row %s/%s once", r[0], r[1]).isTrue());
      try (Connection c = limited.service().database().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from fusion.ap_invoice_lines_all")) {
        rs.next();
        assertThat(paged).hasSize(rs.getInt(1)).hasSizeGreaterThan(10);
      }
    }
  }

  @Test
  void theDataLimitIsATypedErrorWithAHint() throws Exception {
    try (Running small = Running.start(org.fusionjdbc.emulator.bip.BipOptions.builder().maxOutputBytes(2000).build());
        BipClient client = BipClient.open(config(small.base(), basic()))) {
      assertThatThrownBy(() -> all(client.proxy().run("select * from ap_invoices_all")))
          .isInstanceOfSatisfying(FusionException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
            assertThat(e.fusionErrorCode()).isNull();
            assertThat(e.getMessage()).contains("data limit").contains("smaller windows");
            assertThat(e.retryable()).isFalse();
          });
      assertThat(all(client.proxy().run("select 1 as one from dual"))).hasSize(1);
    }
  }
}
