package org.fusionjdbc.calcite.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins, aggregates, sorts and limits pushed as one Oracle query (asserted from BI Publisher's journal), the
 * same answers over REST and over the database channel, a REST x database join run by Calcite, windowed
 * paging, and literals that try to break out of their quotes.
 */
class PushdownAndPagingTest {
  private static BipPod pod;
  private static Connection db;
  private static Connection small; // windows of 300 rows
  private static long firstId;

  @BeforeAll
  static void start() throws Exception {
    pod = BipPod.shared();
    db = pod.connect(BipSqlOptions.defaults());
    small = pod.connect(BipSqlOptions.defaults().withWindowSize(300));
    firstId = Long.parseLong(BipPod.rows(db, "select min(\"InvoiceId\") from fscm.invoices").get(0).get(0));
  }

  /** {@code {ID+n}} in a query becomes the n-th invoice id after the first. */
  private static String ids(String sql) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{ID\\+(\\d+)}").matcher(sql);
    return m.replaceAll(r -> Long.toString(firstId + Long.parseLong(r.group(1))));
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
    small.close();
  }

  @Test
  void joinAggregateSortAndLimitBecomeOneOracleQuery() throws Exception {
    pod.clearJournal();
    List<List<String>> rows = BipPod.rows(db, "select p.party_name, count(*) as n, sum(i.invoice_amount) as total "
        + "from fusion_db.ap_invoices_all i join fusion_db.poz_suppliers s on i.vendor_id = s.vendor_id "
        + "join fusion_db.hz_parties p on s.party_id = p.party_id where i.invoice_currency_code = 'USD' "
        + "group by p.party_name order by n desc, p.party_name fetch first 5 rows only");
    assertThat(rows).hasSize(5);
    List<String> sqls = pod.journal();
    assertThat(sqls).hasSize(1);
    assertThat(sqls.get(0)).contains("INNER JOIN").contains("\"FUSION\".\"POZ_SUPPLIERS\"")
        .contains("\"FUSION\".\"HZ_PARTIES\"").contains("GROUP BY").contains("ORDER BY").contains("FETCH NEXT 5 ROWS ONLY").contains("= 'USD'");
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("count per currency",
            "select \"InvoiceCurrency\", count(*) from fscm.invoices group by \"InvoiceCurrency\" order by 1",
            "select invoice_currency_code, count(*) from fusion_db.ap_invoices_all group by invoice_currency_code "
                + "order by 1"),
        Arguments.of("supplier name through the party",
            "select \"InvoiceId\", \"Supplier\" from fscm.invoices where \"InvoiceId\" <= {ID+200} "
                + "order by 1",
            "select i.invoice_id, p.party_name from fusion_db.ap_invoices_all i "
                + "join fusion_db.poz_suppliers s on s.vendor_id = i.vendor_id "
                + "join fusion_db.hz_parties p on p.party_id = s.party_id where i.invoice_id <= {ID+200} "
                + "order by 1"),
        Arguments.of("sum and max per business unit, large amounts",
            "select \"InvoiceCurrency\", sum(\"InvoiceAmount\"), max(\"InvoiceAmount\") from fscm.invoices "
                + "where \"InvoiceAmount\" > 5000 group by \"InvoiceCurrency\" order by 1",
            "select invoice_currency_code, sum(invoice_amount), max(invoice_amount) from fusion_db.ap_invoices_all "
                + "where invoice_amount > 5000 group by invoice_currency_code order by 1"),
        Arguments.of("top invoices by amount",
            "select \"InvoiceNumber\", \"InvoiceAmount\" from fscm.invoices order by \"InvoiceAmount\" desc, 1 "
                + "limit 7",
            "select invoice_num, invoice_amount from fusion_db.ap_invoices_all order by invoice_amount desc, 1 "
                + "limit 7"),
        Arguments.of("dates",
            "select \"InvoiceId\", \"InvoiceDate\" from fscm.invoices where \"InvoiceDate\" >= date '2024-06-01' "
                + "order by 1 limit 50",
            "select invoice_id, cast(invoice_date as date) from fusion_db.ap_invoices_all "
                + "where invoice_date >= timestamp '2024-06-01 00:00:00' order by 1 limit 50"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void sameAnswerOverRestAndTheDatabase(String name, String rest, String base) throws Exception {
    rest = ids(rest);
    base = ids(base);
    List<List<String>> expected = BipPod.rows(db, rest);
    assertThat(expected).as("the REST side must return rows for the comparison to mean anything").isNotEmpty();
    pod.clearJournal();
    assertThat(BipPod.rows(db, base)).isEqualTo(expected);
    assertThat(pod.journal()).as("one proxy run, everything pushed").hasSize(1);
  }

  @Test
  void restTableJoinsDatabaseTableInCalcite() throws Exception {
    String sql = "select i.\"InvoiceNumber\", l.line_number, l.amount from fscm.invoices i "
        + "join fusion_db.ap_invoice_lines_all l on l.invoice_id = i.\"InvoiceId\" "
        + "where i.\"InvoiceId\" <= {ID+20} order by 1, 2";
    String same = "select i.invoice_num, l.line_number, l.amount from fusion_db.ap_invoices_all i "
        + "join fusion_db.ap_invoice_lines_all l on l.invoice_id = i.invoice_id "
        + "where i.invoice_id <= {ID+20} order by 1, 2";
    List<List<String>> mixed = BipPod.rows(db, ids(sql));
    assertThat(mixed).isNotEmpty().isEqualTo(BipPod.rows(db, ids(same)));
  }

  @Test
  void largeResultIsReadInWindowsWithNoRowRepeatedOrLost() throws Exception {
    pod.clearJournal();
    List<List<String>> rows = BipPod.rows(small, "select invoice_id, invoice_num from fusion_db.ap_invoices_all");
    Set<String> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.get(0)));
    assertThat(rows).hasSize(BipPod.ROWS);
    assertThat(ids).hasSize(BipPod.ROWS);
    Set<String> restIds = new HashSet<>();
    BipPod.rows(db, "select \"InvoiceId\" from fscm.invoices").forEach(r -> restIds.add(r.get(0)));
    assertThat(ids).isEqualTo(restIds);
    List<String> sqls = pod.journal();
    // one optimistic run of 301 rows, then 7 windows of 300 (the last one short)
    assertThat(sqls).hasSize(8);
    assertThat(sqls.get(0)).endsWith("FETCH NEXT 301 ROWS ONLY");
    assertThat(sqls.subList(1, 8)).allMatch(s -> s.contains("ORDER BY 1, 2\nOFFSET ") && s.endsWith("FETCH NEXT 300 ROWS ONLY"));
    assertThat(sqls.get(7)).contains("OFFSET 1800 ROWS");
  }

  @Test
  void joinWithClashingColumnNamesIsWindowedWithoutAmbiguity() throws Exception {
    pod.clearJournal();
    List<List<String>> rows;
    try (Connection c = pod.connect(BipSqlOptions.defaults().withWindowSize(2000))) {
      rows = BipPod.rows(c, "select * from fusion_db.ap_invoices_all i "
          + "join fusion_db.ap_invoice_lines_all l on l.invoice_id = i.invoice_id");
    }
    List<String> sqls = pod.journal();
    long lines = Long.parseLong(BipPod.rows(db, "select count(*) from fusion_db.ap_invoice_lines_all").get(0).get(0));
    assertThat(rows).hasSize((int) lines);
    assertThat(new HashSet<>(rows)).hasSize((int) lines);
    // SELECT * over the join has two INVOICE_ID columns: the windows append to it instead of wrapping it
    assertThat(sqls).hasSizeGreaterThan(2).allMatch(q -> q.startsWith("SELECT *\nFROM \"FUSION\""));
  }

  @Test
  void preparedStatementNumbersAndStringsAreSentAsLiterals() throws Exception {
    String expected = BipPod.rows(db, "select count(*) from fusion_db.ap_invoices_all where "
        + "invoice_amount > 100.5 and vendor_id > 0 and invoice_currency_code <> 'EUR'").get(0).get(0);
    try (PreparedStatement ps = db.prepareStatement("select count(*) from fusion_db.ap_invoices_all "
        + "where invoice_amount > ? and vendor_id > ? and invoice_currency_code <> ?")) {
      ps.setBigDecimal(1, new java.math.BigDecimal("100.5"));
      ps.setLong(2, 0L);
      ps.setString(3, "EUR");
      pod.clearJournal();
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(BipPod.read(rs)).containsExactly(List.of(expected));
      }
      assertThat(pod.journal()).hasSize(1);
      assertThat(pod.journal().get(0)).contains("> 100.5").contains("> 0").contains("<> 'EUR'");
    }
  }

  /** LIKE with '_' is the driver's own over REST, but Oracle's LIKE already means the same: it is still pushed. */
  @Test
  void likeWithUnderscoreIsPushedToOracle() throws Exception {
    pod.clearJournal();
    List<List<String>> rows = BipPod.rows(db, "select invoice_num from fusion_db.ap_invoices_all "
        + "where invoice_num like 'AP-1000_%' order by invoice_num");
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(0)).matches("AP-1000.+"));
    assertThat(pod.journal()).hasSize(1);
    assertThat(pod.journal().get(0)).contains("LIKE 'AP-1000_%'");
  }

  @Test
  void preparedStatementTimestampReachesOracleAsATimestamp() throws Exception {
    String expected = BipPod.rows(db, "select count(*) from fusion_db.ap_invoices_all where invoice_date >= "
        + "timestamp '2024-06-01 00:00:00'").get(0).get(0);
    try (PreparedStatement ps = db.prepareStatement("select count(*) from fusion_db.ap_invoices_all "
        + "where invoice_date >= ?")) {
      ps.setTimestamp(1, java.sql.Timestamp.valueOf("2024-06-01 00:00:00"));
      pod.clearJournal();
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(BipPod.read(rs)).containsExactly(List.of(expected));
      }
      assertThat(pod.journal().get(0)).contains(">= TIMESTAMP '2024-06-01 00:00:00");
    }
  }

  @Test
  void orderedLargeResultKeepsItsOrderAcrossWindows() throws Exception {
    List<List<String>> rows = BipPod.rows(small, "select invoice_currency_code, invoice_id from "
        + "fusion_db.ap_invoices_all order by invoice_currency_code");
    assertThat(rows).hasSize(BipPod.ROWS);
    assertThat(rows.stream().map(r -> r.get(1)).distinct().count()).isEqualTo(BipPod.ROWS);
    assertThat(rows).extracting(r -> r.get(0)).isSorted();
  }

  @Test
  void hostileLiteralsStayLiterals() throws Exception {
    String[] hostile = {"O'Brien' OR '1'='1", "x'); DELETE FROM AP_INVOICES_ALL; --", "\\' OR 1=1 --",
        "q'[a]' ", "é\"ñ\u0000'"};
    for (String h : hostile) {
      String quoted = "'" + h.replace("'", "''") + "'";
      pod.clearJournal();
      assertThat(BipPod.rows(db, "select invoice_id from fusion_db.ap_invoices_all where invoice_num = " + quoted))
          .isEmpty();
      assertThat(pod.journal()).hasSize(1);
      assertThat(pod.journal().get(0)).contains(quoted);
    }
    String number = BipPod.rows(db, "select invoice_num from fusion_db.ap_invoices_all where invoice_id = "
        + firstId).get(0).get(0);
    try (PreparedStatement ps = db.prepareStatement(
        "select invoice_id from fusion_db.ap_invoices_all where invoice_num = ?")) {
      ps.setString(1, "x' OR '1'='1");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(BipPod.read(rs)).isEmpty();
      }
      ps.setString(1, number);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(BipPod.read(rs)).containsExactly(List.of(Long.toString(firstId)));
      }
    }
  }
}
