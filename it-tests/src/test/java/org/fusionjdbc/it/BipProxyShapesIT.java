package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.bip.BipJournal;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database channel through the shaded jar on both proxy shapes: {@code bipProxy=fj1} and {@code bipProxy=xmlgen}
 * give the same rows for FUSION_DB and NATIVE queries, and {@code bipProxy=auto} (the default) on a pod that refuses
 * DBMS_SQL falls back to the XMLGEN report once and answers the same.
 */
class BipProxyShapesIT {
  private static FusionEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = Pod.get().start(EmulatorOptions.builder().rows(2000).bipWithRestData());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @AfterEach
  void noRefusal() {
    emulator.bip().faults().refuseDbmsSql(false);
  }

  private static Connection connect(String shape) throws SQLException {
    Properties p = Pod.get().jwt();
    p.setProperty("bip", "true");
    if (shape != null) {
      p.setProperty("bipProxy", shape);
    }
    return DriverManager.getConnection(EmulatedPod.url(emulator, ""), p);
  }

  static Stream<String> queries() {
    return Stream.of(
        "select p.party_name, count(*) as n, sum(i.invoice_amount) as total from fusion_db.ap_invoices_all i "
            + "join fusion_db.poz_suppliers s on s.vendor_id = i.vendor_id join fusion_db.hz_parties p "
            + "on p.party_id = s.party_id group by p.party_name order by 1",
        "select invoice_id, invoice_num, invoice_date, amount_paid, invoice_amount / 7 as seventh "
            + "from fusion_db.ap_invoices_all where invoice_amount > 3000 order by invoice_id",
        "select * from table(fusion_db.native('select invoice_id, invoice_num, vendor_id from ap_invoices_all "
            + "where rownum <= 50 order by 1'))",
        "select invoice_id from fusion_db.ap_invoices_all where 1 = 0");
  }

  @ParameterizedTest
  @MethodSource("queries")
  void fj1AndXmlgenGiveTheSameRows(String sql) throws SQLException {
    List<List<String>> viaFj1;
    try (Connection c = connect("fj1")) {
      viaFj1 = rows(c, sql);
    }
    try (Connection c = connect("xmlgen")) {
      emulator.bip().journal().clear();
      assertThat(rows(c, sql)).isEqualTo(viaFj1);
      assertThat(emulator.bip().journal().entries()).isNotEmpty().allSatisfy(e -> assertThat(e.outcome())
          .isEqualTo("OK"));
    }
  }

  @Test
  void autoOnARefusingPodFallsBackOnceAndAnswersTheSame() throws SQLException {
    String sql = queries().findFirst().orElseThrow();
    List<List<String>> expected;
    try (Connection c = connect("fj1")) {
      expected = rows(c, sql);
    }
    emulator.bip().faults().refuseDbmsSql(true);
    try (Connection c = connect(null)) {
      emulator.bip().journal().clear();
      assertThat(rows(c, sql)).isNotEmpty().isEqualTo(expected);
      assertThat(rows(c, "select count(*) from fusion_db.hz_parties")).hasSize(1);
      assertThat(emulator.bip().journal().entries()).extracting(BipJournal.Entry::outcome)
          .containsOnlyOnce("ORA-06550").startsWith("ORA-06550");
    }
  }

  @Test
  void fj1OnARefusingPodFailsWithTheOraCode() throws SQLException {
    emulator.bip().faults().refuseDbmsSql(true);
    try (Connection c = connect("fj1"); Statement s = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeQuery(
          "select * from table(fusion_db.native('select 1 as one from dual'))"))
          .isInstanceOf(SQLException.class).hasMessageContaining("ORA-06550");
    }
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        String[] r = new String[md.getColumnCount()];
        for (int i = 0; i < r.length; i++) {
          Object o = rs.getObject(i + 1);
          r[i] = o == null ? null : o instanceof Number n
              ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : o.toString();
        }
        out.add(Arrays.asList(r));
      }
      return out;
    }
  }
}
