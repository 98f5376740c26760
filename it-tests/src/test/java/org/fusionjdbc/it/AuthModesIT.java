package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every auth mode through DriverManager and the shaded jar: the connection opens, a query returns the emulator's
 * rows, and the emulator saw the request authenticated as the demo user. OAuth goes through a real token
 * endpoint (the identity domain on its own loopback port); bearer uses a token the emulated pod issued.
 */
class AuthModesIT {
  private final Pod pod = Pod.get();

  @ParameterizedTest
  @ValueSource(strings = {"jwt", "oauth", "basic", "bearer"})
  void everyAuthModeConnectsAndQueries(String mode) throws SQLException {
    long before = lastSeq();
    List<Long> ids = new ArrayList<>();
    try (Connection c = pod.connect(pod.props(mode)); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "select \"InvoiceId\", \"InvoiceNumber\" from fscm.\"invoices\" order by \"InvoiceId\" limit 5")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
        assertThat(rs.getString(2)).isNotBlank();
      }
    }
    assertThat(ids).hasSize(5).isSorted().doesNotHaveDuplicates();
    List<JournalEntry> calls = pod.emulator.journal().filter(e -> e.seq() > before && e.path().endsWith("/invoices"));
    assertThat(calls).isNotEmpty().allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.principal()).isEqualTo(pod.credentials.username());
    });
    if (!mode.equals("bearer")) {
      assertThat(calls).extracting(JournalEntry::authKind).containsOnly(mode);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jwt", "oauth", "basic", "bearer"})
  void rejectedCredentialsAre28000(String mode) {
    Properties p = pod.props(mode);
    switch (mode) {
      case "jwt" -> p.setProperty("issuer", "someone-else");
      case "oauth" -> p.setProperty("clientSecret", "wrong-client-secret-8842");
      case "basic" -> p.setProperty("password", "wrong-password-8842");
      default -> p.setProperty("accessToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    }
    assertThatThrownBy(() -> {
      try (Connection c = pod.connect(p); Statement st = c.createStatement()) {
        st.executeQuery("select \"InvoiceId\" from fscm.\"invoices\" limit 1").close();
      }
    }).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(e.toString()).isEqualTo("28000");
      assertThat(e.getMessage()).doesNotContain("wrong-client-secret-8842", "wrong-password-8842", "c2lnbmF0dXJl");
    });
  }

  private long lastSeq() {
    JournalEntry last = pod.emulator.journal().last();
    return last == null ? 0 : last.seq();
  }
}
