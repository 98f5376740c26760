package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.faults.Fault;
import org.fusionjdbc.it.ScanTexts;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The stress paths at logLevel=TRACE (the most verbose level): token renewals every 1.5 s for jwt and oauth,
 * retries after 429/503/dropped bodies, exhausted retries, rejected credentials, and bad SQL. Every JUL record
 * (formatted with its parameters and thrown exception), everything written to System.err and System.out, every
 * exception (with causes and stack trace) and the toString of connection, statement, prepared statement, result set
 * and metadata must hold none of the run's actual secrets: private key PEM lines, client secret, Basic password and
 * its header form, bearer token, and no signed JWT (every token the driver or identity domain minted is one).
 * Ordered late, and it sets the level back to WARN when done, so other suites are not flooded with planner output.
 */
@Order(Integer.MAX_VALUE - 1)
class SecretsIT {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
  private static final String WRONG_PASSWORD = "wrong-pw-5e1d0c7b";
  private static final String WRONG_CLIENT_SECRET = "wrong-cs-0c7b5e1d";

  private final List<String> texts = new ArrayList<>();

  @Test
  void noSecretAnywhereAtTraceThroughRenewalsRetriesAndFailures() throws Exception {
    List<String> records = new ArrayList<>();
    Handler capture = new Handler() {
      private final SimpleFormatter formatter = new SimpleFormatter();

      @Override
      public void publish(LogRecord r) {
        String text = formatter.format(r);
        synchronized (records) {
          records.add(r.getLoggerName() + " " + text);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    capture.setLevel(Level.ALL);
    Logger driverLogger = Logger.getLogger("org.fusionjdbc");
    Logger rootLogger = Logger.getLogger("");
    driverLogger.addHandler(capture);
    rootLogger.addHandler(capture);
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(ScanTexts.tee(err, printed), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(ScanTexts.tee(out, printed), true, StandardCharsets.UTF_8));
    List<String> secrets = new ArrayList<>();
    try (StressPod pod = StressPod.start(a -> a.accessTokenLifetime(Duration.ofSeconds(2)).clockSkew(Duration.ZERO),
        o -> o.rows(3_000).latencyMs(40))) {
      DemoCredentials id = StressPod.identity();
      Properties bearer = pod.props("bearer");
      secrets.add(id.clientSecret());
      secrets.add(id.basicPassword());
      secrets.add(bearer.getProperty("accessToken"));
      secrets.add(b64(id.username() + ":" + id.basicPassword()));
      secrets.add(b64(id.clientId() + ":" + id.clientSecret()));
      secrets.add(WRONG_PASSWORD);
      secrets.add(WRONG_CLIENT_SECRET);
      secrets.add(b64(id.username() + ":" + WRONG_PASSWORD));
      secrets.add(b64(id.clientId() + ":" + WRONG_CLIENT_SECRET));

      String trace = "logLevel=TRACE&tokenLifetime=PT2S&pageSize=250&maxRetries=3";
      for (String mode : List.of("jwt", "oauth", "basic")) {
        exercise(pod, pod.props(mode), trace);
      }
      exercise(pod, bearer, trace);
      Properties badPassword = pod.props("basic");
      badPassword.setProperty("password", WRONG_PASSWORD);
      exercise(pod, badPassword, trace);
      Properties badSecret = pod.props("oauth");
      badSecret.setProperty("clientSecret", WRONG_CLIENT_SECRET);
      exercise(pod, badSecret, trace);
      ScanTexts.record(texts, () -> DriverManager.getConnection(pod.url(trace + "&auth=basic&user=X&password=" + WRONG_PASSWORD
          + "&pageSize=0")));
      ScanTexts.record(texts, () -> DriverManager.getConnection(pod.url(trace + "&auth=bearer&accessToken="
          + bearer.getProperty("accessToken") + "&nosuch=1")));
    } finally {
      try (StressPod quiet = StressPod.start(o -> o.rows(10));
          Connection c = quiet.connect("basic", "logLevel=WARN")) {
        c.isValid(1);
      }
      System.setErr(err);
      System.setOut(out);
      driverLogger.removeHandler(capture);
      rootLogger.removeHandler(capture);
    }

    String all;
    synchronized (records) {
      all = String.join("\n", records) + "\n" + printed.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", texts);
    }
    Figures.start("secrets/trace").put("logRecords", records.size()).put("chars", all.length()).print();
    assertThat(records.size()).as("TRACE produced records").isGreaterThan(100);
    assertThat(all).as("HTTP calls are traced").contains("/invoices").contains("renewed token");
    for (int i = 0; i < secrets.size(); i++) {
      assertThat(all.contains(secrets.get(i))).as("secret #%d (%s) appears in the output", i, secretName(i)).isFalse();
    }
    for (String line : StressPod.privateKeyPem().split("\\R")) {
      if (!line.startsWith("-----") && line.length() >= 16) {
        assertThat(all.contains(line)).as("a line of the private key PEM appears in the output").isFalse();
      }
    }
    assertThat(all).doesNotContain("PRIVATE KEY-----");
    Matcher jwt = JWT.matcher(all);
    assertThat(jwt.find()).as("a signed JWT appears in the output near: %s",
        jwt.hitEnd() ? "" : all.substring(Math.max(0, jwt.start() - 160), jwt.start())).isFalse();
  }

  private static String secretName(int i) {
    return List.of("client secret", "Basic password", "bearer token", "Basic header", "client Basic header",
        "wrong password", "wrong client secret", "wrong Basic header", "wrong client Basic header").get(i);
  }

  /** A scan long enough for several renewals, with retried faults, an exhausted retry and failing SQL. */
  private void exercise(StressPod pod, Properties props, String settings) {
    try (Connection c = DriverManager.getConnection(pod.url(settings), props)) {
      texts.add(c.toString());
      DatabaseMetaData md = c.getMetaData();
      texts.add(md.toString());
      texts.add(String.valueOf(md.getURL()));
      texts.add(String.valueOf(md.getUserName()));
      texts.add(String.valueOf(c.getClientInfo()));
      try (Statement st = c.createStatement()) {
        texts.add(st.toString());
        pod.emulator.faults().failNext(Fault.THROTTLE_429, 1).retryAfterSeconds(0);
        try (ResultSet rs = st.executeQuery("SELECT \"InvoiceId\", \"InvoiceNumber\" FROM FSCM.\"invoices\"")) {
          texts.add(rs.toString());
          while (rs.next()) {
            rs.getString(2);
          }
        }
        pod.emulator.faults().failNext(Fault.UNAVAILABLE_503, 1).failNext(Fault.DROP_MID_BODY, 1);
        StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"InvoiceCurrency\" = 'USD'");
        pod.emulator.faults().failNext(Fault.ERROR_500, 10);
        ScanTexts.record(texts, () -> st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"InvoiceId\" < 5"));
        pod.emulator.faults().reset();
        ScanTexts.record(texts, () -> st.executeQuery("SELECT \"Bogus\" FROM FSCM.\"invoices\""));
        ScanTexts.record(texts, () -> st.executeQuery("SELECT * FROM FSCM.\"noSuchResource\""));
        ScanTexts.record(texts, () -> st.executeUpdate("DELETE FROM FSCM.\"invoices\""));
        ScanTexts.record(texts, () -> st.executeQuery("SELEC 1"));
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"InvoiceNumber\" = ?")) {
        ps.setString(1, "AP-100001");
        texts.add(ps.toString());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getLong(1);
          }
        }
      }
    } catch (SQLException e) {
      texts.add(ScanTexts.describe(e));
    } finally {
      pod.emulator.faults().reset();
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
