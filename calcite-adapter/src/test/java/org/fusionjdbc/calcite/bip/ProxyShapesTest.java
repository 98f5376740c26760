package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.emulator.bip.BipJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both proxy shapes answer the same: every FUSION_DB query gives the same rows through the FJ1 report (typed by the
 * pod's describe) and the XMLGEN report (Oracle's text, typed by the plan from the dictionary), and a connection in
 * auto mode on a pod that refuses DBMS_SQL falls back to XMLGEN once and stays there.
 */
class ProxyShapesTest {
  private static BipPod pod;
  private static Connection fj1;
  private static Connection xmlgen;
  private static long firstId;

  @BeforeAll
  static void start() throws Exception {
    pod = BipPod.shared();
    fj1 = BipPod.connect(pod.client(ProxyShape.FJ1), BipSqlOptions.defaults());
    xmlgen = BipPod.connect(pod.client(ProxyShape.XMLGEN), BipSqlOptions.defaults().withWindowSize(700));
    firstId = Long.parseLong(BipPod.rows(fj1, "select min(invoice_id) from fusion_db.ap_invoices_all").get(0).get(0));
  }

  @AfterAll
  static void stop() throws Exception {
    fj1.close();
    xmlgen.close();
  }

  @AfterEach
  void noRefusal() {
    pod.emulator.bip().faults().refuseDbmsSql(false);
  }

  static Stream<Arguments> queries() {
    return Stream.concat(PushdownAndPagingTest.corpus().map(a -> Arguments.of(a.get()[0], a.get()[2])), Stream.of(
        Arguments.of("every column type of a base table, windowed",
            "select * from fusion_db.ap_invoices_all where invoice_id <= {ID+1500}"),
        Arguments.of("nulls, decimals below one and computed columns",
            "select invoice_id, amount_paid, invoice_amount / 1000 as k, invoice_amount * 0.0001 as tiny, "
                + "upper(invoice_num) as u from fusion_db.ap_invoices_all where invoice_id <= {ID+40} order by 1"),
        Arguments.of("an empty result", "select invoice_id, invoice_date from fusion_db.ap_invoices_all where 1 = 0"),
        Arguments.of("NATIVE over numbers and text",
            "select * from table(fusion_db.native('select invoice_id, invoice_num, vendor_id, invoice_amount "
                + "from ap_invoices_all where invoice_id <= {ID+30} and invoice_amount >= 1 order by 1'))")));
  }

  private static String ids(String sql) {
    return sql.replace("{ID+1500}", Long.toString(firstId + 1500)).replace("{ID+40}", Long.toString(firstId + 40))
        .replace("{ID+30}", Long.toString(firstId + 30)).replace("{ID+200}", Long.toString(firstId + 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void bothShapesGiveTheSameRows(String name, String sql) throws Exception {
    String q = ids(sql);
    List<List<String>> viaFj1 = BipPod.rows(fj1, q);
    pod.clearJournal();
    assertThat(BipPod.rows(xmlgen, q)).isEqualTo(viaFj1);
    if (!name.equals("an empty result")) {
      assertThat(viaFj1).isNotEmpty();
    }
  }

  @Test
  void preparedStatementParametersAndTimestampsMatchToo() throws Exception {
    String sql = "select invoice_id, invoice_date, invoice_amount from fusion_db.ap_invoices_all "
        + "where invoice_date >= ? and invoice_id <= ? order by 1";
    assertThat(prepared(xmlgen, sql)).isNotEmpty().isEqualTo(prepared(fj1, sql));
  }

  private static List<List<String>> prepared(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.valueOf("2024-03-01 00:00:00"));
      ps.setLong(2, firstId + 300);
      try (ResultSet rs = ps.executeQuery()) {
        return BipPod.read(rs);
      }
    }
  }

  /**
   * An XMLGEN statement's result types are its own: once kept in a JVM-wide cache of 512 SQL texts filled by a global
   * hook, they were gone after 600 other statements were planned, and its DATE and NUMBER values lost their types.
   */
  @Test
  void anOlderXmlgenStatementTypesItsValuesAfter600OtherStatementsWerePlanned() throws Exception {
    String sql = "select invoice_id, invoice_date, invoice_amount from fusion_db.ap_invoices_all "
        + "where invoice_id <= ? order by 1";
    List<List<String>> viaFj1;
    try (PreparedStatement ps = fj1.prepareStatement(sql)) {
      ps.setLong(1, firstId + 20);
      try (ResultSet rs = ps.executeQuery()) {
        viaFj1 = BipPod.read(rs);
      }
    }
    try (PreparedStatement old = xmlgen.prepareStatement(sql)) {
      for (int i = 0; i < 600; i++) {
        try (PreparedStatement other = xmlgen.prepareStatement("select invoice_num, invoice_date "
            + "from fusion_db.ap_invoices_all where invoice_id <> " + i)) {
          assertThat(other.getMetaData().getColumnCount()).isEqualTo(2);
        }
      }
      old.setLong(1, firstId + 20);
      try (ResultSet rs = old.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(2)).isInstanceOf(Timestamp.class);
        assertThat(rs.getObject(3)).isInstanceOf(java.math.BigDecimal.class);
        assertThat(rs.getTimestamp(2).toString()).isEqualTo(viaFj1.get(0).get(1));
        assertThat(rs.getBigDecimal(3).stripTrailingZeros().toPlainString()).isEqualTo(viaFj1.get(0).get(2));
      }
      try (ResultSet rs = old.executeQuery()) {
        assertThat(BipPod.read(rs)).isNotEmpty().isEqualTo(viaFj1);
      }
    }
  }

  @Test
  void nativeOnXmlgenIsTypedFromTheDictionaryWhenTheTextValidatesAndIsTextOtherwise() throws Exception {
    String ansi = ids("select * from table(fusion_db.native('select invoice_id, invoice_num, invoice_amount, "
        + "invoice_date from ap_invoices_all where invoice_id <= {ID+30}'))");
    assertThat(types(xmlgen, ansi)).containsExactly("BIGINT", "VARCHAR", "DECIMAL", "TIMESTAMP")
        .isEqualTo(types(fj1, ansi));
    assertThat(BipPod.rows(xmlgen, ansi)).isNotEmpty().isEqualTo(BipPod.rows(fj1, ansi));
    String oracleOnly = "select * from table(fusion_db.native('select invoice_id, invoice_num from ap_invoices_all "
        + "where rownum <= 3'))";
    assertThat(types(xmlgen, oracleOnly)).containsExactly("VARCHAR", "VARCHAR");
  }

  private static List<String> types(Connection c, String sql) throws Exception {
    try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      List<String> out = new java.util.ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnTypeName(i));
      }
      return out;
    }
  }

  @Test
  void autoFallsBackToXmlgenOnTheRefusalAndRemembersIt() throws Exception {
    String q = ids("select i.invoice_id, p.party_name, i.invoice_amount from fusion_db.ap_invoices_all i "
        + "join fusion_db.poz_suppliers s on s.vendor_id = i.vendor_id join fusion_db.hz_parties p "
        + "on p.party_id = s.party_id where i.invoice_id <= {ID+200} order by 1");
    List<List<String>> expected = BipPod.rows(fj1, q);
    pod.emulator.bip().faults().refuseDbmsSql(true);
    FusionClient client = pod.client(ProxyShape.AUTO);
    try (Connection auto = BipPod.connect(client, BipSqlOptions.defaults())) {
      pod.clearJournal();
      assertThat(BipPod.rows(auto, q)).isEqualTo(expected);
      assertThat(client.bip().shapeInUse()).isEqualTo(ProxyShape.XMLGEN);
      List<String> outcomes = pod.emulator.bip().journal().entries().stream().map(BipJournal.Entry::outcome).toList();
      assertThat(outcomes).as("one refused FJ1 run, then XMLGEN only").startsWith("ORA-06550", "OK")
          .containsOnlyOnce("ORA-06550").last().isEqualTo("OK");
      pod.clearJournal();
      assertThat(BipPod.rows(auto, "select count(*) from fusion_db.hz_parties")).hasSize(1);
      assertThat(pod.emulator.bip().journal().entries()).extracting(BipJournal.Entry::outcome).containsOnly("OK");
    }
  }

  @Test
  void autoStaysOnFj1WhenThePodAllowsIt() throws Exception {
    FusionClient client = pod.client(ProxyShape.AUTO);
    try (Connection auto = BipPod.connect(client, BipSqlOptions.defaults())) {
      assertThat(BipPod.rows(auto, "select count(*) from fusion_db.hz_parties")).hasSize(1);
      assertThat(client.bip().shapeInUse()).isEqualTo(ProxyShape.FJ1);
    }
  }

  @Test
  void aPodThatRefusesDbmsSqlFailsAFixedFj1ConnectionWithTheOraCodeAndItsFix() throws Exception {
    pod.emulator.bip().faults().refuseDbmsSql(true);
    try (Connection c = BipPod.connect(pod.client(ProxyShape.FJ1), BipSqlOptions.defaults())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> BipPod.rows(c,
          "select * from table(fusion_db.native('select 1 as one from dual'))"))
          .hasStackTraceContaining("ORA-06550").hasStackTraceContaining("PLS-00201");
    }
  }
}
