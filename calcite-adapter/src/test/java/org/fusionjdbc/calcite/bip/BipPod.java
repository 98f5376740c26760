package org.fusionjdbc.calcite.bip;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.fusionjdbc.calcite.AdapterOptions;
import org.fusionjdbc.calcite.FusionAdapter;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;

/** Test fixture: one emulator with BI Publisher over the REST data, and Calcite connections the driver's way. */
final class BipPod implements AutoCloseable {
  static final int ROWS = 2000;
  private static BipPod shared;

  final FusionEmulator emulator;
  private final List<AutoCloseable> open = new ArrayList<>();

  private BipPod() {
    emulator = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey", "not-a-secret").rows(ROWS).bipWithRestData().build());
  }

  /** One emulator per JVM (started once, closed at exit), as the project's tests do. */
  static synchronized BipPod shared() {
    if (shared == null) {
      shared = new BipPod();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "bip-pod-stop"));
    }
    return shared;
  }

  /**
   * The proxy shape the BI Publisher tests run on: {@code -Dfusionjdbc.test.bipProxy=xmlgen} runs every one of them
   * on the XMLGEN report (the build's second surefire execution does), the default {@code auto} on FJ1.
   */
  static ProxyShape testShape() {
    return ProxyShape.parse(System.getProperty("fusionjdbc.test.bipProxy", "auto"));
  }

  FusionClient client() {
    return client(testShape());
  }

  FusionClient client(ProxyShape shape) {
    FusionClient c = FusionClient.open(FusionClientConfig.builder(URI.create(emulator.baseUrl()),
        new AuthConfig.Basic("casey", Secret.of("not-a-secret")))
        .bipSettings(BipSettings.defaults().withProxyShape(shape)).build());
    synchronized (open) {
      open.add(c);
    }
    return c;
  }

  Connection connect(BipSqlOptions bip) throws SQLException {
    return connect(client(), bip);
  }

  static Connection connect(FusionClient client, BipSqlOptions bip) throws SQLException {
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("conformance", "LENIENT");
    p.setProperty("timeZone", "UTC");
    Connection c = new org.apache.calcite.jdbc.Driver().withPrepareFactory(org.fusionjdbc.calcite.FusionPrepare::new)
        .connect("jdbc:calcite:", p);
    FusionAdapter.register(c.unwrap(CalciteConnection.class).getRootSchema(), client,
        new AdapterOptions(true, List.of("FSCM", "HCM"), Optional.empty(), java.time.ZoneId.of("UTC")).withBip(bip));
    return c;
  }

  /** SQL the emulated BI Publisher ran since the last clear, without the data dictionary look-ups. */
  List<String> journal() {
    return emulator.bip().journal().sqls().stream()
        .filter(s -> !s.contains("FROM ALL_TABLES") && !s.contains("FROM ALL_TAB_COLUMNS")).toList();
  }

  /** Every SQL the emulated BI Publisher ran since the last clear. */
  List<String> fullJournal() {
    return emulator.bip().journal().sqls();
  }

  void clearJournal() {
    emulator.bip().journal().clear();
  }

  static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return read(rs);
    }
  }

  static List<List<String>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<String>> out = new ArrayList<>();
    while (rs.next()) {
      String[] r = new String[md.getColumnCount()];
      for (int i = 0; i < r.length; i++) {
        Object o = rs.getObject(i + 1);
        r[i] = o == null ? null : o instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
            : o instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : o.toString();
      }
      out.add(Arrays.asList(r));
    }
    return out;
  }

  @Override
  public void close() {
    synchronized (open) {
      for (AutoCloseable c : open) {
        try {
          c.close();
        } catch (Exception e) {
          // closing at exit
        }
      }
      open.clear();
    }
    emulator.close();
  }
}
