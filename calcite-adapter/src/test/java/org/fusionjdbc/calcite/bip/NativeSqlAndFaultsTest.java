package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.bip.BipOptions;
import org.fusionjdbc.emulator.bip.DataSetBaseTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FUSION_DB.NATIVE, the read-only guard, and BI Publisher's faults as FusionException with the ORA code. */
class NativeSqlAndFaultsTest {
  private static BipPod pod;
  private static Connection db;
  private static FusionEmulator limited; // row limit 100, output limit 40 kB
  private static FusionClient limitedClient;

  @BeforeAll
  static void start() throws Exception {
    pod = BipPod.shared();
    db = pod.connect(BipSqlOptions.defaults());
    limited = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey", "not-a-secret").rows(500).bip(data -> BipOptions.builder()
        .baseTables(new DataSetBaseTables(data)).rowLimit(100).maxOutputBytes(40_000).build()).build());
    limitedClient = FusionClient.open(FusionClientConfig.builder(URI.create(limited.baseUrl()),
        new AuthConfig.Basic("casey", Secret.of("not-a-secret"))).maxRetries(0).build());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
    limitedClient.close();
    limited.close();
  }

  @Test
  void nativeQueryIsSentVerbatimAndTypedFromTheProxy() throws Exception {
    String oracle = "select invoice_id, invoice_num, invoice_amount, nvl(description, 'none') as descr "
        + "from ap_invoices_all where rownum <= 3";
    pod.clearJournal();
    try (Statement s = db.createStatement();
         ResultSet rs = s.executeQuery("select * from table(fusion_db.native('" + oracle.replace("'", "''")
             + "')) order by 1")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnName(1)).isEqualTo("INVOICE_ID");
      // The XMLGEN proxy has no describe, and this text (NVL, ROWNUM) does not validate against FUSION_DB:
      // its columns are Oracle's text of each value.
      boolean typed = BipPod.testShape() != org.fusionjdbc.client.config.ProxyShape.XMLGEN;
      assertThat(md.getColumnType(1)).isEqualTo(typed ? Types.BIGINT : Types.VARCHAR);
      assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(md.getColumnType(3)).isEqualTo(typed ? Types.DECIMAL : Types.VARCHAR);
      assertThat(md.getColumnName(4)).isEqualTo("DESCR");
      assertThat(BipPod.read(rs)).hasSize(3);
    }
    assertThat(pod.journal()).as("a probe for the types (XMLGEN: for the names), then the text as written")
        .hasSize(2).endsWith(oracle);
  }

  @Test
  void oneColumnResultWorksWithoutTheTableKeyword() throws Exception {
    assertThat(BipPod.rows(db, "select * from fusion_db.native('select count(*) n from hz_parties')"))
        .isEqualTo(BipPod.rows(db, "select count(*) from fusion_db.hz_parties"));
  }

  @Test
  void nativeWithQueryJoinsRestAndRunsInCalcite() throws Exception {
    List<List<String>> rows = BipPod.rows(db, "select n.cur, n.cnt, r.cnt2 from table(fusion_db.native("
        + "'with c as (select invoice_currency_code cur from ap_invoices_all) select cur, count(*) cnt from c "
        + "group by cur')) n join (select \"InvoiceCurrency\" c2, count(*) cnt2 from fscm.invoices "
        + "group by \"InvoiceCurrency\") r on r.c2 = n.cur order by 1");
    assertThat(rows).isNotEmpty().allMatch(r -> r.get(1).equals(r.get(2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"delete from ap_invoices_all", "update ap_invoices_all set invoice_num = 'x'",
      "drop table ap_invoices_all", "select 1 from dual; delete from ap_invoices_all",
      "select * from ap_invoices_all for update", "/* hi */ insert into hz_parties (party_id) values (1)",
      "with function f return number is begin return 1; end; select f from dual", "begin null; end;",
      "select 1 from dual;"})
  void nonQueriesAreRefusedBeforeLeavingTheDriver(String sql) {
    pod.clearJournal();
    assertThatThrownBy(() -> BipPod.rows(db, "select * from table(fusion_db.native('" + sql.replace("'", "''")
        + "'))")).satisfies(e -> assertThat(fusion(e).kind()).isEqualTo(Kind.BAD_REQUEST))
        .hasMessageContaining("only a single SELECT or WITH query");
    assertThat(pod.fullJournal()).isEmpty();
  }

  @Test
  void dmlOnFusionDbTablesIsRefused() {
    pod.clearJournal();
    assertThatThrownBy(() -> {
      try (Statement s = db.createStatement()) {
        s.executeUpdate("insert into fusion_db.hz_parties (party_id, party_number, party_name, party_type) "
            + "values (1, 'x', 'x', 'x')");
      }
    }).isInstanceOf(java.sql.SQLException.class);
    assertThat(pod.journal()).isEmpty();
  }

  @Test
  void oracleErrorKeepsItsCode() {
    assertThatThrownBy(() -> BipPod.rows(db, "select * from table(fusion_db.native('select * from no_such_table'))"))
        .satisfies(e -> {
          FusionException f = fusion(e);
          assertThat(f.fusionErrorCode()).as(f.getMessage()).isEqualTo("ORA-00942");
          assertThat(f.kind()).isEqualTo(Kind.BAD_REQUEST);
        });
  }

  @Test
  void timeoutAndHtmlPagesSurfaceAsFusionExceptions() throws Exception {
    try (Connection c = BipPod.connect(limitedClient, BipSqlOptions.defaults())) {
      BipPod.rows(c, "select party_id from fusion_db.hz_parties where 1 = 0"); // dictionary loaded
      limited.bip().faults().soapFault("oracle.xdo.XDOException: java.sql.SQLException: ORA-01013: user "
          + "requested cancel of current operation", 1);
      assertThatThrownBy(() -> BipPod.rows(c, "select party_id from fusion_db.hz_parties"))
          .satisfies(e -> {
            assertThat(fusion(e).kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(fusion(e).fusionErrorCode()).isEqualTo("ORA-01013");
          });
      limited.bip().faults().htmlErrorPage(502, 1);
      assertThatThrownBy(() -> BipPod.rows(c, "select party_id from fusion_db.hz_parties"))
          .satisfies(e -> assertThat(fusion(e).httpStatus()).isEqualTo(502));
    }
  }

  @Test
  void windowsStayUnderTheRowLimitThatANativeQueryHits() throws Exception {
    try (Connection c = BipPod.connect(limitedClient, BipSqlOptions.defaults().withWindowSize(80))) {
      assertThat(BipPod.rows(c, "select invoice_id from fusion_db.ap_invoices_all")).hasSize(500);
      assertThatThrownBy(() -> BipPod.rows(c, "select * from table(fusion_db.native("
          + "'select invoice_id from ap_invoices_all'))"))
          .satisfies(e -> assertThat(fusion(e).fusionErrorCode()).isEqualTo("ORA-20003"));
    }
  }

  @Test
  void outputOverTheDataLimitFails() throws Exception {
    try (Connection c = BipPod.connect(limitedClient, BipSqlOptions.defaults().withWindowSize(90))) {
      assertThatThrownBy(() -> BipPod.rows(c, "select * from table(fusion_db.native('select invoice_id, "
          + "rpad(''x'', 1000, ''x'') as pad from ap_invoices_all where rownum <= 60'))"))
          .satisfies(e -> {
            assertThat(fusion(e).getMessage()).contains("data limit");
            assertThat(fusion(e).kind()).isEqualTo(Kind.BAD_REQUEST);
          });
    }
  }

  static FusionException fusion(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FusionException f) {
        return f;
      }
    }
    throw new AssertionError("no FusionException in the cause chain", e);
  }
}
