package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusionjdbc.jdbc.FusionUrl;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * No secret of this run (the private key's PEM text, the OAuth client secret, the Basic password, the bearer token,
 * wrong secrets given on purpose, and any signed JWT the driver minted) appears in any log record or stderr line of
 * the WHOLE suite, nor in exception text (with causes) or the toString of connection, statement, result set,
 * metadata and settings. Runs last (junit-platform.properties orders classes by @Order) so that the capture covers
 * every other test; it first drives every auth mode with logLevel=DEBUG (the level docs/troubleshooting.md
 * tells users to turn on), successes and failures, itself. The TRACE variant is disabled by a driver bug.
 */
@Order(Integer.MAX_VALUE)
class SecretScanIT {
  /** A compact JWS: header and payload are base64url JSON objects, so both start with "eyJ". */
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
  private static final String WRONG_PASSWORD = "wrong-pw-3f9a1c77";
  private static final String WRONG_CLIENT_SECRET = "wrong-cs-77c1a93f";

  private final Pod pod = Pod.get();
  private final List<String> texts = new ArrayList<>();

  @Test
  void noSecretInAnyLogLineMessageOrToStringAtDebug() throws Exception {
    scan("DEBUG");
  }

  @Test
  void noSecretInAnyLogLineMessageOrToStringAtTrace() throws Exception {
    scan("TRACE");
  }

  private void scan(String logLevel) throws Exception {
    String level = "logLevel=" + logLevel;
    int recordsBefore = pod.output.recordCount();
    for (String mode : List.of("jwt", "oauth", "basic", "bearer")) {
      exercise(pod.props(mode), level);
    }
    Properties badPassword = pod.basic();
    badPassword.setProperty("password", WRONG_PASSWORD);
    exercise(badPassword, level);
    Properties badSecret = pod.oauth();
    badSecret.setProperty("clientSecret", WRONG_CLIENT_SECRET);
    exercise(badSecret, level);
    // secrets in the URL (tools log URLs): messages must mask them
    ScanTexts.record(texts, () -> DriverManager.getConnection(pod.url(level + "&auth=basic&user=X&password=" + WRONG_PASSWORD
        + "&pageSize=0")));
    ScanTexts.record(texts, () -> DriverManager.getConnection(pod.url(level + "&auth=bearer&accessToken=" + pod.bearerToken
        + "&nosuchkey=1")));
    for (String mode : List.of("jwt", "oauth", "basic", "bearer")) {
      texts.add(FusionUrl.parse(pod.url(level), pod.props(mode)).toString());
      for (DriverPropertyInfo info : DriverManager.getDriver(pod.url()).getPropertyInfo(pod.url(), pod.props(mode))) {
        texts.add(info.name + "=" + info.value);
      }
    }

    String logs = pod.output.text();
    assertThat(pod.output.recordCount()).as(level + " produced log records to scan").isGreaterThan(recordsBefore);
    assertThat(logs).as("HTTP calls are traced (so the scan sees what would carry a token)").contains("/invoices");

    String all = logs + "\n" + String.join("\n", texts);
    List<String> secrets = new ArrayList<>(pod.secrets());
    secrets.add(WRONG_PASSWORD);
    secrets.add(WRONG_CLIENT_SECRET);
    String[] names = {"client secret", "Basic password", "bearer token", "Basic header of the pod",
        "Basic header of the token endpoint", "wrong Basic password", "wrong client secret"};
    for (int i = 0; i < secrets.size(); i++) {
      // never print the value itself, not even in a failure message
      assertThat(all.contains(secrets.get(i))).as("the %s appears in the output", names[i]).isFalse();
    }
    for (String pemLine : pod.privateKeyPem.split("\\R")) {
      if (!pemLine.startsWith("-----") && pemLine.length() >= 16) {
        assertThat(all.contains(pemLine)).as("a line of the private key PEM appears in the output").isFalse();
      }
    }
    assertThat(all).doesNotContain("PRIVATE KEY-----");
    Matcher jwt = JWT.matcher(all);
    assertThat(jwt.find()).as("a signed JWT appears in the output: %s",
        jwt.hitEnd() ? "" : context(all, jwt)).isFalse();
  }

  /** Connect with TRACE logging, query, browse, fail on purpose; keep every text a user or a log could see. */
  private void exercise(Properties props, String level) {
    Properties p = new Properties();
    p.putAll(props);
    String url = pod.url(level);
    try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
      texts.add(c.toString());
      texts.add(st.toString());
      DatabaseMetaData md = c.getMetaData();
      texts.add(md.toString());
      texts.add(String.valueOf(md.getURL()));
      texts.add(String.valueOf(md.getUserName()));
      texts.add(String.valueOf(c.getClientInfo()));
      try (ResultSet rs = st.executeQuery("SELECT \"InvoiceId\", \"InvoiceNumber\" FROM FSCM.\"invoices\" LIMIT 120")) {
        texts.add(rs.toString());
        while (rs.next()) {
          rs.getString(2);
        }
      }
      try (ResultSet rs = md.getColumns(null, "FSCM", "suppliers", "%")) {
        while (rs.next()) {
          rs.getString("COLUMN_NAME");
        }
      }
      ScanTexts.record(texts, () -> st.executeQuery("SELECT \"Bogus\" FROM FSCM.\"invoices\""));
      ScanTexts.record(texts, () -> st.executeQuery("SELECT * FROM FSCM.\"noSuchResource\""));
      ScanTexts.record(texts, () -> st.executeUpdate("DELETE FROM FSCM.\"invoices\""));
    } catch (SQLException e) {
      texts.add(ScanTexts.describe(e));
    }
  }


  private static String context(String all, Matcher m) {
    int from = Math.max(0, m.start() - 120);
    return all.substring(from, Math.min(all.length(), m.start() + 12)) + "...";
  }
}
