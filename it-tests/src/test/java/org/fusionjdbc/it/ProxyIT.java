package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.Test;

/**
 * An authenticating proxy on loopback (Basic, 407 first) carries every request of a connection: the identity
 * domain's token call, the REST requests (the pod sees exactly the ones the proxy carried) and BI Publisher.
 * A wrong proxy password fails at getConnection with 08001 naming the proxy settings.
 */
class ProxyIT {
  private static final String PROXY_USER = "proxy-user";
  private static final String PROXY_PASSWORD = "proxy-pass-6610";
  private final Pod pod = Pod.get();

  @Test
  void anAuthenticatingProxyCarriesEveryRequest() throws Exception {
    try (FusionEmulator bipPod = pod.start(EmulatorOptions.builder().rows(300).bipWithRestData());
        LoopbackProxy proxy = new LoopbackProxy(PROXY_USER, PROXY_PASSWORD)) {
      Properties p = pod.credentials.oauthConnectionProperties(bipPod.baseUrl());
      p.setProperty("proxyHost", "127.0.0.1");
      p.setProperty("proxyPort", String.valueOf(proxy.port()));
      p.setProperty("proxyUser", PROXY_USER);
      p.setProperty("proxyPassword", PROXY_PASSWORD);
      try (Connection c = DriverManager.getConnection(EmulatedPod.url(bipPod, "bip=true"), p); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("select count(*) from fscm.\"invoices\" where \"InvoiceAmount\" > 100")) {
          assertThat(rs.next()).isTrue();
        }
        try (ResultSet rs = st.executeQuery(
            "select count(*) from fusion_db.ap_invoices_all where invoice_amount > 100")) {
          assertThat(rs.next()).isTrue();
        }
      }
      List<String> carried = proxy.carried();
      assertThat(proxy.challenges()).as("the proxy asked for authentication").isPositive();
      assertThat(carried).contains("POST /oauth2/v1/token", "POST /xmlpserver/services/ExternalReportWSSService");
      Map<String, Long> restCarried = carried.stream().filter(r -> r.startsWith("GET "))
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      Map<String, Long> restSeen = bipPod.journal().filter(e -> e.method().equals("GET")).stream().map(JournalEntry::path)
          .map(path -> "GET " + path).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(restCarried).as("every REST request went through the proxy").isEqualTo(restSeen).isNotEmpty();
    }
  }

  @Test
  void aWrongProxyPasswordFailsAtGetConnectionWith08001() throws Exception {
    try (LoopbackProxy proxy = new LoopbackProxy(PROXY_USER, PROXY_PASSWORD)) {
      Properties p = pod.jwt();
      p.setProperty("proxyHost", "127.0.0.1");
      p.setProperty("proxyPort", String.valueOf(proxy.port()));
      p.setProperty("proxyUser", PROXY_USER);
      p.setProperty("proxyPassword", "not-the-proxy-password");
      assertThatThrownBy(() -> pod.connect(p).close()).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("407", "proxyUser").doesNotContain("not-the-proxy-password");
      });
      assertThat(proxy.carried()).isEmpty();
    }
  }
}
