package org.fusionjdbc.emulator.bip;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The emulated Fusion database: an in-memory H2 database in Oracle mode holding the base tables (owner
 * FUSION) and an Oracle-style data dictionary (SYS.ALL_TABLES, ALL_TAB_COLUMNS, ALL_CONSTRAINTS,
 * ALL_CONS_COLUMNS). Queries from BI Publisher run as a user that may only SELECT, as on a pod, so DML,
 * DDL and H2's file functions fail whatever the lexical guard misses.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String READER = "FUSION_READ_ONLY";

  private final JdbcDataSource admin;
  private final JdbcDataSource reader;
  private final Connection keepAlive;

  private EmbeddedDatabase(JdbcDataSource admin, JdbcDataSource reader, Connection keepAlive) {
    this.admin = admin;
    this.reader = reader;
    this.keepAlive = keepAlive;
  }

  static EmbeddedDatabase create(BaseTableSource source, int maxRowsPerTable) throws SQLException {
    String name = "fjbip-" + UUID.randomUUID();
    String adminPassword = randomPassword();
    String readerPassword = randomPassword();
    JdbcDataSource admin = new JdbcDataSource();
    // DB_CLOSE_DELAY=-1 keeps the database between connections; close() shuts it down.
    admin.setURL("jdbc:h2:mem:" + name
        + ";MODE=Oracle;DATABASE_TO_UPPER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    admin.setUser("FJ_ADMIN");
    admin.setPassword(adminPassword);
    Connection keepAlive = admin.getConnection();
    try {
      try (Statement s = keepAlive.createStatement()) {
        s.execute("CREATE SCHEMA " + BaseTables.OWNER);
        s.execute("CREATE SCHEMA SYS");
        for (BaseTables.Table t : BaseTables.ALL) {
          s.execute(createTable(t));
        }
        DataDictionary.create(s, BaseTables.ALL);
        s.execute("CREATE USER " + READER + " PASSWORD '" + readerPassword + "'");
        s.execute("GRANT SELECT ON SCHEMA " + BaseTables.OWNER + " TO " + READER);
        s.execute("GRANT SELECT ON SCHEMA SYS TO " + READER);
      }
      for (BaseTables.Table t : BaseTables.ALL) {
        List<Map<String, Object>> rows = source.rows(t.name(), maxRowsPerTable);
        load(keepAlive, t, rows);
        try (PreparedStatement ps = keepAlive.prepareStatement(
            "UPDATE SYS.ALL_TABLES SET NUM_ROWS = ?, LAST_ANALYZED = CURRENT_TIMESTAMP WHERE TABLE_NAME = ?")) {
          ps.setInt(1, rows.size());
          ps.setString(2, t.name());
          ps.executeUpdate();
        }
      }
    } catch (SQLException | RuntimeException e) {
      keepAlive.close();
      throw e;
    }
    JdbcDataSource reader = new JdbcDataSource();
    reader.setURL("jdbc:h2:mem:" + name);
    reader.setUser(READER);
    reader.setPassword(readerPassword);
    return new EmbeddedDatabase(admin, reader, keepAlive);
  }

  /** Full rights: for loading data and for tests. */
  DataSource admin() {
    return admin;
  }

  /** A session like BI Publisher's data source: read-only, FUSION first, dictionary views visible. */
  Connection openReader() throws SQLException {
    Connection c = reader.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("SET SCHEMA " + BaseTables.OWNER);
      s.execute("SET SCHEMA_SEARCH_PATH " + BaseTables.OWNER + ", SYS");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = keepAlive.createStatement()) {
      s.execute("SHUTDOWN");
    } finally {
      keepAlive.close();
    }
  }

  private static String createTable(BaseTables.Table t) {
    StringJoiner cols = new StringJoiner(", ", "CREATE TABLE " + BaseTables.OWNER + "." + t.name() + " (", ")");
    for (BaseTables.Column c : t.columns()) {
      cols.add(c.name() + " " + c.ddlType() + (c.nullable() ? "" : " NOT NULL"));
    }
    cols.add("CONSTRAINT " + pkName(t) + " PRIMARY KEY (" + String.join(", ", t.primaryKey()) + ")");
    return cols.toString();
  }

  static String pkName(BaseTables.Table t) {
    String base = t.name().length() > 26 ? t.name().substring(0, 26) : t.name();
    return base + "_PK";
  }

  private static void load(Connection c, BaseTables.Table t, List<Map<String, Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    StringJoiner names = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    t.columns().forEach(col -> {
      names.add(col.name());
      marks.add("?");
    });
    String sql = "INSERT INTO " + BaseTables.OWNER + "." + t.name() + " (" + names + ") VALUES (" + marks + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map<String, Object> row : rows) {
        for (String key : row.keySet()) {
          t.column(key); // an unknown column is a bug in the source: fail loudly
        }
        for (int i = 0; i < t.columns().size(); i++) {
          ps.setObject(i + 1, row.get(t.columns().get(i).name()));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String randomPassword() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
