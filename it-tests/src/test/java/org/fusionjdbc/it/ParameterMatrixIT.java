package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every value setter against every column type (BIGINT, DECIMAL, VARCHAR, DATE, TIMESTAMP, BOOLEAN, and the
 * INTEGER of LIMIT/OFFSET/FETCH), each value given in every Java form JDBC's conversion table allows for that type.
 * Each binding must return exactly the rows the type's own setter returns on the pushdown=false twin; a value that
 * does not convert is a 22xxx SQLDataException on both connections.
 */
class ParameterMatrixIT {
  private static final String SELECT = "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE ";

  /** One way to bind a value to parameter 1. */
  interface Binding {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static final ClientPod POD = ClientPod.get();
  private static Connection pushed;
  private static Connection twin;
  private static Map<String, Object> sample;

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    twin.close();
  }

  @BeforeAll
  static void pickASampleRow() throws SQLException {
    pushed = POD.connect("");
    twin = POD.twin();
    sample = new LinkedHashMap<>();
    try (ResultSet rs = pushed.createStatement().executeQuery("SELECT \"InvoiceId\", \"InvoiceNumber\", "
        + "\"InvoiceDate\", \"LastUpdateDate\" FROM FSCM.\"invoices\" ORDER BY \"InvoiceId\" LIMIT 1 OFFSET 37")) {
      assertThat(rs.next()).isTrue();
      sample.put("id", rs.getLong(1));
      sample.put("number", rs.getString(2));
      sample.put("day", rs.getDate(3).toLocalDate());
      sample.put("updated", rs.getTimestamp(4).toLocalDateTime());
    }
  }

  @Test
  void bigintParameter() throws SQLException {
    long id = (Long) sample.get("id");
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setLong", ps -> ps.setLong(1, id));
    b.put("setBigDecimal", ps -> ps.setBigDecimal(1, BigDecimal.valueOf(id)));
    b.put("setDouble", ps -> ps.setDouble(1, id));
    b.put("setString", ps -> ps.setString(1, Long.toString(id)));
    b.put("setObject(Long)", ps -> ps.setObject(1, id));
    b.put("setObject(BigInteger)", ps -> ps.setObject(1, BigInteger.valueOf(id)));
    b.put("setObject(BigDecimal)", ps -> ps.setObject(1, new BigDecimal(id + ".00")));
    b.put("setObject(String)", ps -> ps.setObject(1, " " + id + " "));
    b.put("setObject(x, BIGINT)", ps -> ps.setObject(1, Long.toString(id), Types.BIGINT));
    b.put("setObject(x, JDBCType.NUMERIC)", ps -> ps.setObject(1, id, JDBCType.NUMERIC));
    matrix("\"InvoiceId\" = ?", b, 1);
    matrix("\"InvoiceId\" <= ? ORDER BY \"InvoiceId\"", b, 38);
    nulls("\"InvoiceId\" = ?", Types.BIGINT);
    refused("\"InvoiceId\" = ?", ps -> ps.setString(1, "37x"), "22018");
    refused("\"InvoiceId\" = ?", ps -> ps.setDouble(1, 0.5), "22003");
    refused("\"InvoiceId\" = ?", ps -> ps.setObject(1, LocalDate.of(2024, 1, 1)), "22018");
  }

  @Test
  void decimalParameter() throws SQLException {
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setBigDecimal", ps -> ps.setBigDecimal(1, new BigDecimal("500")));
    b.put("setInt", ps -> ps.setInt(1, 500));
    b.put("setLong", ps -> ps.setLong(1, 500L));
    b.put("setShort", ps -> ps.setShort(1, (short) 500));
    b.put("setFloat", ps -> ps.setFloat(1, 500f));
    b.put("setDouble", ps -> ps.setDouble(1, 500.0));
    b.put("setString", ps -> ps.setString(1, "500.00"));
    b.put("setObject(Double)", ps -> ps.setObject(1, 500.0));
    b.put("setObject(String)", ps -> ps.setObject(1, "5E+2"));
    b.put("setObject(BigInteger)", ps -> ps.setObject(1, BigInteger.valueOf(500)));
    b.put("setObject(x, DECIMAL, 2)", ps -> ps.setObject(1, "500", Types.DECIMAL, 2));
    matrix("\"InvoiceAmount\" > ? ORDER BY \"InvoiceId\"", b, -1);
    Map<String, Binding> fraction = new LinkedHashMap<>();
    fraction.put("setBigDecimal", ps -> ps.setBigDecimal(1, new BigDecimal("1234.5")));
    fraction.put("setDouble", ps -> ps.setDouble(1, 1234.5));
    fraction.put("setFloat", ps -> ps.setFloat(1, 1234.5f));
    fraction.put("setString", ps -> ps.setString(1, "1234.50"));
    matrix("\"InvoiceAmount\" < ? ORDER BY \"InvoiceId\"", fraction, -1);
    nulls("\"InvoiceAmount\" = ?", Types.DECIMAL);
    refused("\"InvoiceAmount\" > ?", ps -> ps.setString(1, "five hundred"), "22018");
    refused("\"InvoiceAmount\" > ?", ps -> ps.setDouble(1, Double.NaN), "22003");
  }

  @Test
  void varcharParameter() throws SQLException {
    String number = (String) sample.get("number");
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setString", ps -> ps.setString(1, number));
    b.put("setNString", ps -> ps.setNString(1, number));
    b.put("setObject(String)", ps -> ps.setObject(1, number));
    b.put("setObject(x, VARCHAR)", ps -> ps.setObject(1, number, Types.VARCHAR));
    b.put("setObject(StringBuilder)", ps -> ps.setObject(1, new StringBuilder(number)));
    matrix("\"InvoiceNumber\" = ?", b, 1);
    nulls("\"InvoiceNumber\" = ?", Types.VARCHAR);
    // a number bound to a VARCHAR parameter compares as its text, on both connections
    Map<String, Binding> numeric = new LinkedHashMap<>();
    numeric.put("setString", ps -> ps.setString(1, "12"));
    numeric.put("setInt", ps -> ps.setInt(1, 12));
    numeric.put("setObject(Long)", ps -> ps.setObject(1, 12L));
    numeric.put("setBigDecimal", ps -> ps.setBigDecimal(1, new BigDecimal("12")));
    matrix("\"InvoiceNumber\" >= ? ORDER BY \"InvoiceId\"", numeric, -1);
  }

  @Test
  void dateParameter() throws SQLException {
    LocalDate day = (LocalDate) sample.get("day");
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setDate", ps -> ps.setDate(1, Date.valueOf(day)));
    b.put("setObject(LocalDate)", ps -> ps.setObject(1, day));
    b.put("setObject(java.sql.Date)", ps -> ps.setObject(1, Date.valueOf(day)));
    b.put("setString", ps -> ps.setString(1, day.toString()));
    b.put("setObject(LocalDateTime)", ps -> ps.setObject(1, day.atTime(13, 30)));
    b.put("setTimestamp", ps -> ps.setTimestamp(1, Timestamp.valueOf(day.atStartOfDay())));
    b.put("setObject(OffsetDateTime)", ps -> ps.setObject(1, day.atTime(9, 0).atOffset(ZoneOffset.UTC)));
    b.put("setObject(Instant)", ps -> ps.setObject(1, day.atTime(23, 59).toInstant(ZoneOffset.UTC)));
    b.put("setObject(x, DATE)", ps -> ps.setObject(1, day.toString(), Types.DATE));
    matrix("\"InvoiceDate\" = ? ORDER BY \"InvoiceId\"", b, -1);
    matrix("\"InvoiceDate\" >= ? ORDER BY \"InvoiceId\"", b, -1);
    nulls("\"InvoiceDate\" = ?", Types.DATE);
    refused("\"InvoiceDate\" = ?", ps -> ps.setString(1, "2024-13-45"), "22007");
    refused("\"InvoiceDate\" = ?", ps -> ps.setObject(1, 20240101L), "22018");
  }

  @Test
  void timestampParameter() throws SQLException {
    LocalDateTime updated = (LocalDateTime) sample.get("updated");
    Instant instant = updated.toInstant(ZoneOffset.UTC); // the connection's timeZone is UTC
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setTimestamp", ps -> ps.setTimestamp(1, Timestamp.valueOf(updated)));
    b.put("setObject(LocalDateTime)", ps -> ps.setObject(1, updated));
    b.put("setObject(Timestamp)", ps -> ps.setObject(1, Timestamp.valueOf(updated)));
    b.put("setObject(OffsetDateTime UTC)", ps -> ps.setObject(1, updated.atOffset(ZoneOffset.UTC)));
    b.put("setObject(OffsetDateTime +05:30)", ps -> ps.setObject(1, instant.atOffset(ZoneOffset.ofHoursMinutes(5, 30))));
    b.put("setObject(ZonedDateTime)", ps -> ps.setObject(1, instant.atZone(java.time.ZoneId.of("Europe/Paris"))));
    b.put("setObject(Instant)", ps -> ps.setObject(1, instant));
    b.put("setObject(java.util.Date)", ps -> ps.setObject(1, java.util.Date.from(instant)));
    b.put("setString", ps -> ps.setString(1, Timestamp.valueOf(updated).toString()));
    b.put("setString(ISO Z)", ps -> ps.setString(1, instant.toString()));
    b.put("setObject(x, TIMESTAMP)", ps -> ps.setObject(1, updated.toString(), Types.TIMESTAMP));
    matrix("\"LastUpdateDate\" = ? ORDER BY \"InvoiceId\"", b, -1);
    matrix("\"LastUpdateDate\" <= ? ORDER BY \"InvoiceId\"", b, -1);
    Map<String, Binding> days = new LinkedHashMap<>();
    days.put("setTimestamp", ps -> ps.setTimestamp(1, Timestamp.valueOf(updated.toLocalDate().atStartOfDay())));
    days.put("setDate", ps -> ps.setDate(1, Date.valueOf(updated.toLocalDate())));
    days.put("setObject(LocalDate)", ps -> ps.setObject(1, updated.toLocalDate()));
    days.put("setString(date)", ps -> ps.setString(1, updated.toLocalDate().toString()));
    matrix("\"LastUpdateDate\" >= ? ORDER BY \"InvoiceId\"", days, -1);
    nulls("\"LastUpdateDate\" = ?", Types.TIMESTAMP);
    refused("\"LastUpdateDate\" = ?", ps -> ps.setString(1, "yesterday"), "22007");
  }

  @Test
  void booleanParameter() throws SQLException {
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setBoolean", ps -> ps.setBoolean(1, true));
    b.put("setObject(Boolean)", ps -> ps.setObject(1, Boolean.TRUE));
    b.put("setString", ps -> ps.setString(1, "true"));
    b.put("setInt", ps -> ps.setInt(1, 1));
    b.put("setObject(Long)", ps -> ps.setObject(1, 1L));
    b.put("setObject(x, BOOLEAN)", ps -> ps.setObject(1, "1", Types.BOOLEAN));
    matrix("\"PayAloneFlag\" = ? ORDER BY \"InvoiceId\"", b, -1);
    nulls("\"PayAloneFlag\" = ?", Types.BOOLEAN);
    refused("\"PayAloneFlag\" = ?", ps -> ps.setString(1, "maybe"), "22018");
  }

  @Test
  void limitOffsetAndFetchParameters() throws SQLException {
    List<Binding> seven = List.of(ps -> ps.setInt(1, 7), ps -> ps.setLong(1, 7L), ps -> ps.setShort(1, (short) 7),
        ps -> ps.setByte(1, (byte) 7), ps -> ps.setBigDecimal(1, BigDecimal.valueOf(7)), ps -> ps.setString(1, "7"),
        ps -> ps.setObject(1, 7L), ps -> ps.setObject(1, 7), ps -> ps.setObject(1, BigInteger.valueOf(7)),
        ps -> ps.setObject(1, new BigDecimal("7.0")), ps -> ps.setDouble(1, 7.0), ps -> ps.setObject(1, 7L, Types.BIGINT));
    for (String shape : List.of("1 = 1 ORDER BY \"InvoiceId\" LIMIT ?",
        "1 = 1 ORDER BY \"InvoiceId\" LIMIT 5 OFFSET ?",
        "1 = 1 ORDER BY \"InvoiceId\" FETCH FIRST ? ROWS ONLY",
        "1 = 1 ORDER BY \"InvoiceId\" OFFSET ? ROWS FETCH NEXT 3 ROWS ONLY")) {
      Map<String, Binding> b = new LinkedHashMap<>();
      for (int i = 0; i < seven.size(); i++) {
        b.put("form " + i, seven.get(i));
      }
      matrix(shape, b, shape.contains("LIMIT ?") || shape.contains("FIRST ?") ? 7 : shape.contains("LIMIT 5") ? 5 : 3);
    }
    refused("1 = 1 LIMIT ?", ps -> ps.setLong(1, 1L << 40), "22003");
    refused("1 = 1 LIMIT ?", ps -> ps.setString(1, "seven"), "22018");
    refused("1 = 1 LIMIT ?", ps -> ps.setDouble(1, 7.5), "22003");
  }

  /**
   * Runs the query with every binding: all return the rows of the first binding (the type's own setter) on the
   * pushdown=false twin; {@code expectedRows} is checked when not -1, else rows must exist.
   */
  private static void matrix(String where, Map<String, Binding> bindings, int expectedRows) throws SQLException {
    String first = bindings.keySet().iterator().next();
    List<Long> oracle = ids(twin, where, bindings.get(first));
    if (expectedRows >= 0) {
      assertThat(oracle).as("%s with %s on the twin", where, first).hasSize(expectedRows);
    } else {
      assertThat(oracle).as("%s with %s on the twin", where, first).isNotEmpty();
    }
    for (Map.Entry<String, Binding> e : bindings.entrySet()) {
      assertThat(ids(pushed, where, e.getValue())).as("%s bound with %s", where, e.getKey()).isEqualTo(oracle);
    }
  }

  /** setNull and setObject(null) with every type code: a comparison with NULL matches no row. */
  private static void nulls(String where, int sqlType) throws SQLException {
    Map<String, Binding> b = new LinkedHashMap<>();
    b.put("setNull(own type)", ps -> ps.setNull(1, sqlType));
    b.put("setNull(VARCHAR)", ps -> ps.setNull(1, Types.VARCHAR));
    b.put("setNull(NULL)", ps -> ps.setNull(1, Types.NULL));
    b.put("setObject(null)", ps -> ps.setObject(1, null));
    b.put("setString(null)", ps -> ps.setString(1, null));
    b.put("setObject(null, own type)", ps -> ps.setObject(1, null, sqlType));
    for (Map.Entry<String, Binding> e : b.entrySet()) {
      assertThat(ids(pushed, where, e.getValue())).as("%s bound with %s", where, e.getKey()).isEmpty();
      assertThat(ids(twin, where, e.getValue())).as("%s bound with %s, pushdown=false", where, e.getKey()).isEmpty();
    }
  }

  private static void refused(String where, Binding binding, String sqlState) throws SQLException {
    for (Connection c : List.of(pushed, twin)) {
      try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
        assertThatThrownBy(() -> binding.bind(ps)).as(where).isInstanceOfSatisfying(SQLDataException.class,
            e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
      }
    }
  }

  private static List<Long> ids(Connection c, String where, Binding binding) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
      binding.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }
}
