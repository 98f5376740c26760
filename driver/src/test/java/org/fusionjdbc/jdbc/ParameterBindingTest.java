package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bindings the issue found broken (jOOQ's limit, JDBC 4.2 dates, setString on a DECIMAL), and the 22xxx errors. */
class ParameterBindingTest {
  private static final String INVOICES = "select \"InvoiceId\" from fscm.\"invoices\" ";

  @TempDir
  static Path keys;
  static EmulatedPod pod;
  static Connection c;

  @BeforeAll
  static void start() throws SQLException {
    pod = EmulatedPod.start(keys, EmulatorOptions.builder().rows(300));
    c = DriverManager.getConnection(pod.url(""), pod.basic());
  }

  @AfterAll
  static void stop() throws SQLException {
    c.close();
    pod.close();
  }

  @Test
  void limitOffsetAndFetchTakeAnyIntegralType() throws SQLException {
    List<Long> expected = ids(INVOICES + "order by \"InvoiceId\" limit 4 offset 2");
    assertThat(expected).hasSize(4);
    for (Object limit : new Object[] {4L, 4, (short) 4, (byte) 4, BigDecimal.valueOf(4), java.math.BigInteger.valueOf(4), "4"}) {
      try (PreparedStatement ps = c.prepareStatement(INVOICES + "order by \"InvoiceId\" limit ? offset ?")) {
        ps.setObject(1, limit);
        ps.setLong(2, 2L);
        assertThat(ids(ps)).as("LIMIT bound as %s", limit.getClass().getSimpleName()).isEqualTo(expected);
      }
      try (PreparedStatement ps = c.prepareStatement(INVOICES + "order by \"InvoiceId\" offset ? rows fetch next ? rows only")) {
        ps.setBigDecimal(1, BigDecimal.valueOf(2));
        ps.setObject(2, limit);
        assertThat(ids(ps)).as("FETCH bound as %s", limit.getClass().getSimpleName()).isEqualTo(expected);
      }
    }
  }

  @Test
  void javaTimeValuesBindToDateAndTimestampParameters() throws SQLException {
    LocalDate day;
    LocalDateTime updated;
    try (ResultSet rs = c.createStatement().executeQuery(
        "select \"InvoiceDate\", \"LastUpdateDate\" from fscm.\"invoices\" order by \"InvoiceId\" limit 1 offset 7")) {
      assertThat(rs.next()).isTrue();
      day = rs.getDate(1).toLocalDate();
      updated = rs.getTimestamp(2).toLocalDateTime();
    }
    List<Long> onDay = ids(INVOICES + "where \"InvoiceDate\" = date '" + day + "' order by \"InvoiceId\"");
    List<Long> atTime = ids(INVOICES + "where \"LastUpdateDate\" = timestamp '" + Timestamp.valueOf(updated) + "' order by \"InvoiceId\"");
    assertThat(onDay).isNotEmpty();
    assertThat(atTime).isNotEmpty();
    for (Object v : new Object[] {day, java.sql.Date.valueOf(day), day.toString(), day.atStartOfDay()}) {
      try (PreparedStatement ps = c.prepareStatement(INVOICES + "where \"InvoiceDate\" = ? order by \"InvoiceId\"")) {
        ps.setObject(1, v);
        assertThat(ids(ps)).as("DATE bound as %s", v.getClass().getSimpleName()).isEqualTo(onDay);
      }
    }
    // the connection's time zone is UTC: an instant names the same wall-clock time there
    for (Object v : new Object[] {updated, Timestamp.valueOf(updated), updated.atOffset(ZoneOffset.UTC),
        updated.toInstant(ZoneOffset.UTC), updated.atOffset(ZoneOffset.ofHours(2)).plusHours(2)}) {
      try (PreparedStatement ps = c.prepareStatement(INVOICES + "where \"LastUpdateDate\" = ? order by \"InvoiceId\"")) {
        ps.setObject(1, v);
        assertThat(ids(ps)).as("TIMESTAMP bound as %s", v).isEqualTo(atTime);
      }
    }
  }

  @Test
  void numericParametersTakeAnyNumberOrNumericString() throws SQLException {
    List<Long> expected = ids(INVOICES + "where \"InvoiceAmount\" > 500 order by \"InvoiceId\"");
    assertThat(expected).isNotEmpty();
    for (Object v : new Object[] {"500", " 500.00 ", 500, 500L, 500.0, 500.0f, (short) 500, new BigDecimal("500")}) {
      try (PreparedStatement ps = c.prepareStatement(INVOICES + "where \"InvoiceAmount\" > ? order by \"InvoiceId\"")) {
        ps.setObject(1, v);
        assertThat(ids(ps)).as("DECIMAL bound as %s", v.getClass().getSimpleName()).isEqualTo(expected);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(INVOICES + "where \"InvoiceAmount\" > ? order by \"InvoiceId\"")) {
      ps.setString(1, "500");
      assertThat(ids(ps)).isEqualTo(expected);
    }
  }

  @Test
  void aValueThatDoesNotConvertIsA22xxxErrorThatNamesTheParameter() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INVOICES + "where \"InvoiceId\" = ? and \"InvoiceDate\" = ? limit ?")) {
      assertThatThrownBy(() -> ps.setString(1, "12abc")).isInstanceOfSatisfying(SQLDataException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("22018");
        assertThat(e.getMessage()).contains("Parameter 1").contains("not a number");
      });
      assertThatThrownBy(() -> ps.setDouble(1, 1.5))
          .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
      assertThatThrownBy(() -> ps.setString(2, "2024-13-45"))
          .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22007"));
      assertThatThrownBy(() -> ps.setLong(3, 1L << 40))
          .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
      assertThatThrownBy(() -> ps.setObject(2, new Object()))
          .isInstanceOfSatisfying(SQLDataException.class, e -> assertThat(e.getSQLState()).isEqualTo("22018"));
    }
  }

  private static List<Long> ids(String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return ids(ps);
    }
  }

  private static List<Long> ids(PreparedStatement ps) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
