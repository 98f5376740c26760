package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BI Publisher channel through the driver: bip=true adds FUSION_DB beside the REST schemas. */
class BipEndToEndTest {
  @TempDir
  static Path keys;
  static EmulatedPod pod;

  @BeforeAll
  static void start() {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(2_000).bipWithRestData());
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  private static Connection connect(String extra) throws SQLException {
    Properties p = pod.jwt();
    return DriverManager.getConnection(pod.url(extra), p);
  }

  @Test
  void theSameInvoicesAnswerOverRestAndOverTheDatabaseChannel() throws SQLException {
    try (Connection c = connect("bip=true"); Statement st = c.createStatement()) {
      long rest;
      try (ResultSet rs = st.executeQuery("select count(*) from fscm.\"invoices\" where \"InvoiceAmount\" > 5000")) {
        rs.next();
        rest = rs.getLong(1);
      }
      pod.emulator.bip().journal().clear();
      try (ResultSet rs = st.executeQuery(
          "select count(*) from fusion_db.ap_invoices_all where invoice_amount > 5000")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(rest).isPositive();
      }
      assertThat(pod.emulator.bip().journal().sqls()).anyMatch(sql -> sql.toUpperCase().contains("WHERE"));
    }
  }

  /**
   * A FUSION_DB prepared statement's parameter types are its own: once kept in a JVM-wide cache of 512 SQL texts,
   * they were gone after 600 other statements were planned, and a DATE went to Oracle as an epoch-day number.
   */
  @Test
  void anOlderPreparedStatementBindsItsDateAfter600OtherStatementsWerePlanned() throws SQLException {
    try (Connection c = connect("bip=true");
        PreparedStatement old = c.prepareStatement(
            "select count(*) from fusion_db.ap_invoices_all where invoice_date >= ?")) {
      for (int i = 0; i < 600; i++) {
        try (PreparedStatement other = c.prepareStatement("select invoice_id from fusion_db.ap_invoices_all"
            + " where invoice_amount > ? and invoice_id <> " + i)) {
          assertThat(other.getParameterMetaData().getParameterCount()).isEqualTo(1);
        }
      }
      long expected;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select count(*) from fusion_db.ap_invoices_all where invoice_date >= date '2024-06-01'")) {
        rs.next();
        expected = rs.getLong(1);
      }
      pod.emulator.bip().journal().clear();
      old.setDate(1, java.sql.Date.valueOf("2024-06-01"));
      try (ResultSet rs = old.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(expected).isPositive();
      }
      // INVOICE_DATE is an Oracle DATE, which Calcite types TIMESTAMP(0): the driver converts the java.sql.Date to
      // that type (JDBC's conversion table), so either literal of the same day is right; a number never is
      assertThat(pod.emulator.bip().journal().sqls()).singleElement().satisfies(sql -> assertThat(sql)
          .containsPattern("(?i)(DATE '2024-06-01'|TIMESTAMP '2024-06-01 00:00:00(\\.0+)?')"));
    }
  }

  @Test
  void withoutBipTheDatabaseSchemaIsAbsentAndDmlIsStillRefused() throws SQLException {
    try (Connection c = connect(""); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("select * from fusion_db.ap_invoices_all"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"));
    }
    try (Connection c = connect("bip=true"); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("delete from fusion_db.ap_invoices_all"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    }
  }
}
