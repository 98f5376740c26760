package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/**
 * Bad URLs and properties fail with SQLState 08001 and the messages docs/connection-properties.md promises (the
 * property named, the accepted values, a suggestion for a misspelt key), before any network call: the emulator's
 * journal must not move. Secret values given in a bad setting are never repeated.
 */
class BadSettingsIT {
  private final Pod pod = Pod.get();

  @Test
  void malformedUrlsAreRejectedWithTheExpectedForm() {
    rejected("jdbc:fusion:pod.example.com", new Properties(),
        "Invalid URL", "expected jdbc:fusion://<pod-host>[:port][?property=value&...]");
    rejected("jdbc:fusion://?ssl=false", pod.basic(), "The URL has no pod host");
    rejected("jdbc:fusion://127.0.0.1:99999?ssl=false", pod.basic(), "Invalid port '99999'", "1 to 65535");
    rejected("jdbc:fusion://127.0.0.1:80x?ssl=false", pod.basic(), "Invalid port '80x'");
  }

  @Test
  void unknownUrlKeyNamesTheNearestKnownKey() {
    rejected(pod.url("pageSise=100"), pod.basic(), "Unknown connection property 'pageSise' in the URL",
        "did you mean 'pageSize'?");
    rejected(pod.url("clientSecrit=abc"), pod.basic(), "Unknown connection property", "'clientSecret'");
  }

  @Test
  void invalidValuesNameThePropertyAndTheAcceptedValues() {
    Properties p = pod.basic();
    p.setProperty("auth", "kerberos");
    rejected(pod.url(), p, "Connection property 'auth' value is invalid: kerberos", "jwt, oauth, basic, bearer");
    rejected(pod.url("pageSize=1000"), pod.basic(), "Connection property 'pageSize' value is invalid: 1000",
        "1 to 500");
    rejected(pod.url("logLevel=LOUD"), pod.basic(), "'logLevel' value is invalid", "OFF, ERROR, WARN, INFO, DEBUG, TRACE");
    rejected(pod.url("socketTimeout=soon"), pod.basic(), "'socketTimeout' value is invalid", "PT30S");
    rejected(pod.url("schemas=FSCM,ERP"), pod.basic(), "'schemas' value is invalid: ERP");
    rejected(pod.url("timeZone=Mars/Olympus"), pod.basic(), "'timeZone' value is invalid");
  }

  @Test
  void plainHttpOnlyToLoopback() {
    rejected("jdbc:fusion://fa-abcd.oraclecloud.com?ssl=false", pod.basic(),
        "Connection property 'ssl' may be false only for a loopback host", "fa-abcd.oraclecloud.com");
    Properties oauth = pod.oauth();
    oauth.setProperty("identityDomainUrl", "http://idcs-abc.identity.oraclecloud.com");
    rejected(pod.url(), oauth, "'identityDomainUrl' value is invalid", "https://");
  }

  @Test
  void missingAndMisplacedPropertiesNameTheModeAndKeepSecretsOut() {
    Properties jwt = pod.jwt();
    jwt.remove("issuer");
    rejected(pod.url(), jwt, "Connection property 'issuer' is required when auth=jwt");
    Properties noCert = pod.jwt();
    noCert.remove("certificateFile");
    rejected(pod.url(), noCert, "'certificateFile' or 'x5t' is required when auth=jwt");
    Properties oauth = pod.oauth();
    oauth.remove("clientSecret");
    rejected(pod.url(), oauth, "Connection property 'clientSecret' is required when auth=oauth");
    Properties bearer = new Properties();
    bearer.setProperty("auth", "bearer");
    rejected(pod.url(), bearer, "Connection property 'accessToken' is required when auth=bearer");

    Properties basic = pod.basic();
    basic.setProperty("clientSecret", pod.credentials.clientSecret());
    rejected(pod.url(), basic, e -> assertThat(e.getMessage())
        .contains("Connection property 'clientSecret' is not allowed with auth=basic")
        .doesNotContain(pod.credentials.clientSecret()));
  }

  @Test
  void aKeyGivenTwiceWithDifferentValuesIsAnErrorThatShowsNeitherSecret() {
    Properties p = pod.basic();
    rejected(pod.url("password=other-password-5521"), p, e -> assertThat(e.getMessage())
        .contains("'password' is set both in the URL and in the properties")
        .doesNotContain("other-password-5521", pod.credentials.basicPassword()));
    rejected(pod.url("pageSize=100"), withProperty(pod.basic(), "pageSize", "200"),
        "'pageSize' is set both in the URL and in the properties");
  }

  @Test
  void unusableKeyFilesAre08001NamingTheFile() {
    Properties p = pod.jwt();
    p.setProperty("privateKeyFile", "/nonexistent/fusion-key.pem");
    rejected(pod.url(), p, "/nonexistent/fusion-key.pem");
    Properties swapped = pod.jwt();
    swapped.setProperty("privateKeyFile", pod.credentials.certificateFile().toString());
    rejected(pod.url(), swapped, pod.credentials.certificateFile().getFileName().toString());
  }

  @Test
  void unknownPropertiesObjectKeysAreAWarningNotAnError() throws SQLException {
    Properties p = withProperty(pod.basic(), "dbeaverSetting", "x");
    try (Connection c = DriverManager.getConnection(pod.url(), p); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
      SQLWarning w = c.getWarnings();
      assertThat((Object) w).isNotNull();
      assertThat(w.getMessage()).contains("dbeaverSetting");
    }
  }

  private static Properties withProperty(Properties p, String key, String value) {
    p.setProperty(key, value);
    return p;
  }

  private void rejected(String url, Properties p, String... expectedFragments) {
    rejected(url, p, e -> assertThat(e.getMessage()).contains(expectedFragments));
  }

  private void rejected(String url, Properties p, Consumer<SQLException> check) {
    long before = lastSeq();
    assertThatThrownBy(() -> DriverManager.getConnection(url, p).close()).as(url)
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("08001");
          check.accept(e);
        });
    assertThat(lastSeq()).as("no request reached the pod for " + url).isEqualTo(before);
  }

  private long lastSeq() {
    JournalEntry last = pod.emulator.journal().last();
    return last == null ? 0 : last.seq();
  }
}
