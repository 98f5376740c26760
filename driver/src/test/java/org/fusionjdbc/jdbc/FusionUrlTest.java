package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FusionUrlTest {
  private static final String JWT = "auth=jwt&user=CASEY.BROWN&issuer=me&privateKeyFile=/k.pem&x5t=abc";

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void parsesHostPortAndJwtSettings() throws SQLException {
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://pod.fa.ocs.oraclecloud.com:8443/?" + JWT, new Properties());
    assertThat(s.host()).isEqualTo("pod.fa.ocs.oraclecloud.com");
    assertThat(s.port()).isEqualTo(8443);
    FusionClientConfig config = s.toClientConfig();
    assertThat(config.baseUrl()).isEqualTo(URI.create("https://pod.fa.ocs.oraclecloud.com:8443"));
    assertThat(config.auth()).isInstanceOfSatisfying(AuthConfig.FusionJwt.class, jwt -> {
      assertThat(jwt.user()).isEqualTo("CASEY.BROWN");
      assertThat(jwt.issuer()).isEqualTo("me");
      assertThat(jwt.x5t()).contains("abc");
    });
    assertThat(config.pageSize()).isEqualTo(500);
    assertThat(config.frameworkVersion()).isEqualTo(4);
    assertThat(config.tlsVerification()).isEqualTo(FusionClientConfig.TlsVerification.FULL);
  }

  @Test
  void propertiesSupplySecretsAndPercentEncodedValuesAreDecoded() throws SQLException {
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://127.0.0.1:9999?auth=basic&ssl=false&user=O%27Brien%2Bx",
        props("password", "p@ss;word&x"));
    assertThat(s.toClientConfig().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
    AuthConfig.Basic basic = (AuthConfig.Basic) s.toClientConfig().auth();
    assertThat(basic.user()).isEqualTo("O'Brien+x");
    assertThat(basic.password().reveal()).isEqualTo("p@ss;word&x");
  }

  @Test
  void qExtensionsSelectTheDialectAndAdapterOptionsFollowTheProperties() throws SQLException {
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://pod?auth=bearer&qExtensions=in,isNull&pushdown=false"
        + "&schemas=hcm&defaultSchema=HCM&resources=workers,departments&timeZone=Europe/Paris", props("accessToken", "t"));
    var dialect = s.toClientConfig().dialect();
    assertThat(dialect.in()).isTrue();
    assertThat(dialect.isNull()).isTrue();
    assertThat(dialect.between()).isFalse();
    var adapter = s.toAdapterOptions();
    assertThat(adapter.pushdown()).isFalse();
    assertThat(adapter.schemas()).containsExactly("HCM");
    assertThat(adapter.resources()).hasValueSatisfying(r -> assertThat(r).containsExactlyInAnyOrder("workers", "departments"));
    assertThat(adapter.timeZone().getId()).isEqualTo("Europe/Paris");
  }

  @Test
  void countPushdownIsTheAdaptersDecision() throws SQLException {
    String url = "jdbc:fusion://pod?auth=bearer";
    assertThat(FusionUrl.parse(url, props("accessToken", "t")).toAdapterOptions().countPushdown()).isTrue();
    assertThat(FusionUrl.parse(url + "&countPushdown=false", props("accessToken", "t")).toAdapterOptions()
        .countPushdown()).isFalse();
  }

  @Test
  void unknownPropertiesFromToolsAreIgnoredWithAWarning() throws SQLException {
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://pod?auth=bearer", props("accessToken", "t", "dbeaverThing", "1"));
    assertThat(s.ignoredPropertiesWarning()).hasValueSatisfying(w -> {
      assertThat(w.getMessage()).contains("dbeaverThing");
      assertThat(w.getSQLState()).isEqualTo("01000");
    });
  }

  @Test
  void toolsMayPassAUserWithBearerAndOauthNeedsNoThumbprint() throws SQLException {
    assertThat(FusionUrl.parse("jdbc:fusion://pod?auth=bearer", props("accessToken", "t", "user", "X")).authMode())
        .isEqualTo("bearer");
    ConnectionSettings oauth = FusionUrl.parse("jdbc:fusion://pod?auth=oauth&user=u&privateKeyFile=/k&clientId=c"
        + "&scope=s&keyAlias=k&identityDomainUrl=https://idcs.example.com", props("clientSecret", "s"));
    AuthConfig.OAuth config = (AuthConfig.OAuth) oauth.toClientConfig().auth();
    assertThat(config.assertionLifetime()).hasMinutes(5);
    assertThat(config.clientSecret().reveal()).isEqualTo("s");
  }

  @Test
  void blankValuesCountAsUnset() throws SQLException {
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://pod?" + JWT, props("password", "", "clientSecret", " "));
    assertThat(s.authMode()).isEqualTo("jwt");
  }

  @Test
  void thePasswordFieldCarriesTheActiveModesSecretWhenItsOwnPropertyIsAbsent() throws SQLException {
    AuthConfig.FusionJwt jwt = (AuthConfig.FusionJwt) FusionUrl.parse("jdbc:fusion://pod?" + JWT,
        props("password", "key-passphrase")).toClientConfig().auth();
    assertThat(jwt.privateKeyPassword()).hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("key-passphrase"));
    AuthConfig.OAuth oauth = (AuthConfig.OAuth) FusionUrl.parse("jdbc:fusion://pod?auth=oauth&user=u&privateKeyFile=/k"
        + "&clientId=c&scope=s&keyAlias=k&identityDomainUrl=https://idcs.example.com", props("password", "client-secret"))
        .toClientConfig().auth();
    assertThat(oauth.clientSecret().reveal()).isEqualTo("client-secret");
    assertThat(oauth.privateKeyPassword()).isEmpty(); // oauth has both secrets: the field is the client secret
    AuthConfig.Bearer bearer = (AuthConfig.Bearer) FusionUrl.parse("jdbc:fusion://pod?auth=bearer",
        props("password", "the-token")).toClientConfig().auth();
    assertThat(bearer.token().reveal()).isEqualTo("the-token");
    AuthConfig.Basic basic = (AuthConfig.Basic) FusionUrl.parse("jdbc:fusion://pod?auth=basic&user=u",
        props("password", "pw")).toClientConfig().auth();
    assertThat(basic.password().reveal()).isEqualTo("pw");
    // the same value in both places is no conflict (tools may fill both)
    assertThat(FusionUrl.parse("jdbc:fusion://pod?auth=bearer", props("password", "t", "accessToken", "t")).authMode())
        .isEqualTo("bearer");
  }

  @Test
  void proxySettingsReachTheClientAndTheirPasswordIsNeverShown() throws SQLException {
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://pod?" + JWT + "&proxyHost=proxy.corp&proxyPort=3128"
        + "&proxyUser=me", props("proxyPassword", "proxy-secret-77"));
    var proxy = s.toClientConfig().proxy();
    assertThat(proxy.host()).contains("proxy.corp");
    assertThat(proxy.port()).isEqualTo(3128);
    assertThat(proxy.password()).hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("proxy-secret-77"));
    assertThat(s.toString() + s.toClientConfig()).doesNotContain("proxy-secret-77");
    assertThat(FusionUrl.parse("jdbc:fusion://pod?" + JWT, props()).toClientConfig().proxy().host()).isEmpty();
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("jdbc:fusion:pod", props(), "Invalid URL jdbc:fusion:pod: expected jdbc:fusion://<pod-host>[:port][?property=value&...]"),
        Arguments.of("jdbc:fusion://?" + JWT, props(), "The URL has no pod host"),
        Arguments.of("jdbc:fusion://pod:99999?" + JWT, props(), "Invalid port '99999'"),
        Arguments.of("jdbc:fusion://pod?pagesize=10&" + JWT + "&pageSiz=3", props(), "Unknown connection property 'pageSiz' in the URL; did you mean 'pageSize'?"),
        Arguments.of("jdbc:fusion://pod?auth=jwt&issuer=me&privateKeyFile=/k&x5t=a", props(), "Connection property 'user' is required when auth=jwt"),
        Arguments.of("jdbc:fusion://pod?auth=jwt&user=u&issuer=me&privateKeyFile=/k", props(), "Connection property 'certificateFile' or 'x5t' is required when auth=jwt"),
        Arguments.of("jdbc:fusion://pod?auth=basic&user=u", props(), "Connection property 'password' is required when auth=basic"),
        Arguments.of("jdbc:fusion://pod?auth=oauth&user=u&privateKeyFile=/k&x5t=a&clientId=c&scope=s&keyAlias=k&identityDomainUrl=https://idcs.example.com", props(), "Connection property 'clientSecret' is required when auth=oauth"),
        Arguments.of("jdbc:fusion://pod?" + JWT, props("password", "x", "privateKeyPassword", "y"), "Connection properties 'password' and 'privateKeyPassword' are both set, with different values; with auth=jwt the password field carries the privateKeyPassword"),
        Arguments.of("jdbc:fusion://pod?auth=jwt&user=u&issuer=me&x5t=a", props("privatKeyFile", "/k"), "Connection property 'privateKeyFile' is required when auth=jwt; the given property 'privatKeyFile' is not a known one: did you mean 'privateKeyFile'?"),
        Arguments.of("jdbc:fusion://pod?auth=jwt&user=u&issuer=me&privateKeyFile=/k", props("certficateFile", "/c"), "Connection property 'certificateFile' or 'x5t' is required when auth=jwt (the JWT header carries the certificate's thumbprint); the given property 'certficateFile' is not a known one: did you mean 'certificateFile'?"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&proxyPort=3128", props(), "Connection property 'proxyPort' is set without 'proxyHost'"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&proxyHost=proxy:3128", props(), "Connection property 'proxyHost' value is invalid: proxy:3128 (expected a host name or address only"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&proxyHost=proxy&proxyPort=0", props(), "Connection property 'proxyPort' value is invalid: 0 (expected 1 to 65535)"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&proxyHost=proxy", props("proxyPassword", "pw"), "Connection property 'proxyPassword' is set without 'proxyUser'"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&validateOnConnect=maybe", props(), "Connection property 'validateOnConnect' value is invalid: maybe (expected true or false)"),
        Arguments.of("jdbc:fusion://pod?auth=kerberos", props(), "Connection property 'auth' value is invalid: kerberos (expected one of jwt, oauth, basic, bearer)"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&pageSize=ten", props(), "Connection property 'pageSize' value is invalid: ten (expected an integer)"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&pageSize=501", props(), "Connection property 'pageSize' value is invalid: 501 (expected 1 to 500)"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&frameworkVersion=1", props(), "Connection property 'frameworkVersion' value is invalid: 1"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&socketTimeout=-5", props(), "Connection property 'socketTimeout' value is invalid: -5"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&pushdown=yes", props(), "Connection property 'pushdown' value is invalid: yes (expected true or false)"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&qExtensions=in,regex", props(), "Connection property 'qExtensions' value is invalid: regex"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&schemas=FSCM,ERP", props(), "Connection property 'schemas' value is invalid: ERP"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&schemas=HCM", props(), "Connection property 'defaultSchema' value is invalid: FSCM"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&timeZone=Mars/Base", props(), "Connection property 'timeZone' value is invalid: Mars/Base"),
        Arguments.of("jdbc:fusion://pod.example.com?" + JWT + "&ssl=false", props(), "Connection property 'ssl' may be false only for a loopback host"),
        Arguments.of("jdbc:fusion://pod?" + JWT + "&user=other", props("user", "CASEY.BROWN"), "Connection property 'user' is given twice in the URL"),
        Arguments.of("jdbc:fusion://pod?" + JWT, props("user", "SOMEONE.ELSE"), "Connection property 'user' is set both in the URL and in the properties"),
        Arguments.of("jdbc:fusion://pod?auth=oauth&user=u&privateKeyFile=/k&x5t=a&clientId=c&scope=s&keyAlias=k&identityDomainUrl=http://idcs.example.com", props("clientSecret", "s"), "Connection property 'identityDomainUrl' value is invalid"));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void badSettingsFailBeforeAnyNetworkCallWithAMessageThatSaysWhatToFix(String url, Properties info, String message) {
    assertThatThrownBy(() -> FusionUrl.parse(url, info))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void secretsNeverAppearInMessagesOrToString() throws SQLException {
    assertThatThrownBy(() -> FusionUrl.parse("jdbc:fusion://pod?auth=basic&user=u&password=hunter2&pageSize=x", props()))
        .hasMessageNotContaining("hunter2");
    ConnectionSettings s = FusionUrl.parse("jdbc:fusion://pod?auth=basic&user=u", props("password", "hunter2"));
    assertThat(s.toString()).doesNotContain("hunter2").contains("password=****");
    assertThat(s.toClientConfig().toString()).doesNotContain("hunter2");
    assertThat(FusionUrl.redact("jdbc:fusion://pod?user=u&password=hunter2&clientSecret=abc&x=y"))
        .isEqualTo("jdbc:fusion://pod?user=u&password=****&clientSecret=****&x=****");
  }

  @Test
  void onlyLoopbackLiteralsCountAsLoopback() {
    assertThat(ConnectionSettings.isLoopback("127.0.0.1")).isTrue();
    assertThat(ConnectionSettings.isLoopback("localhost")).isTrue();
    assertThat(ConnectionSettings.isLoopback("[::1]")).isTrue();
    assertThat(ConnectionSettings.isLoopback("10.0.0.1")).isFalse();
    assertThat(ConnectionSettings.isLoopback("localhost.evil.com")).isFalse();
  }
}
