package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.rest.WireShapes;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same data served in the contract's clean shapes and in the shapes recorded from real pods (datetimes with
 * and without a fraction, at +00:00 and -07:00; numbers as JSON strings, in exponent form, "" for empty): every
 * query answers the same rows on both.
 */
class ObservedShapesEndToEndTest {
  @TempDir
  static Path cleanKeys;
  @TempDir
  static Path observedKeys;
  static EmulatedPod clean;
  static EmulatedPod observed;

  @BeforeAll
  static void start() {
    clean = EmulatedPod.start(cleanKeys, EmulatorOptions.builder().rows(400));
    observed = EmulatedPod.start(observedKeys, EmulatorOptions.builder().rows(400)
        .wireShapes(WireShapes.clean().withObservedValues(true)));
  }

  @AfterAll
  static void stop() {
    clean.close();
    observed.close();
  }

  private static List<List<String>> rows(EmulatedPod pod, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(pod.url(""), pod.jwt()); Statement st = c.createStatement()) {
      return MetaRows.all(st.executeQuery(sql));
    }
  }

  private static void same(String sql) throws SQLException {
    List<List<String>> expected = rows(clean, sql);
    assertThat(expected).as(sql).isNotEmpty();
    assertThat(rows(observed, sql)).as(sql).isEqualTo(expected);
  }

  @Test
  void scansReadTheRecordedShapesExactly() throws SQLException {
    same("select * from hcm.\"workers\" order by \"PersonId\"");
    same("select * from hcm.\"departments\" order by \"OrganizationId\"");
    same("select * from hcm.\"locations\" order by \"LocationId\"");
    same("select * from fscm.\"invoices\" order by \"InvoiceId\"");
    same("select * from fscm.\"expenses\" order by 1");
  }

  @Test
  void childScansFiltersAndSortsOnRecordedShapes() throws SQLException {
    same("select * from hcm.\"workers_assignments\" order by \"AssignmentId\"");
    same("select \"PersonId\", \"LastUpdateDate\" from hcm.\"workers\" where \"LastUpdateDate\" >= "
        + "timestamp '2012-01-01 00:00:00' order by \"LastUpdateDate\" desc, \"PersonId\" fetch next 150 rows only");
    same("select \"LocationId\", count(*) from hcm.\"departments\" group by \"LocationId\" order by 1");
  }
}
