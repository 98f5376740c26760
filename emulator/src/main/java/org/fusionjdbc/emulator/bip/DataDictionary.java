package org.fusionjdbc.emulator.bip;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Oracle's ALL_* dictionary views, reduced to the columns a driver discovers tables, columns and keys
 * from. Kept as tables in schema SYS filled from {@link BaseTables}, so the types read exactly as Oracle
 * writes them (VARCHAR2, NUMBER, DATE, TIMESTAMP(6)) rather than as H2 names them.
 */
final class DataDictionary {

  private DataDictionary() {}

  static void create(Statement s, List<BaseTables.Table> tables) throws SQLException {
    s.execute("CREATE TABLE SYS.ALL_TABLES (OWNER VARCHAR2(128) NOT NULL, TABLE_NAME VARCHAR2(128) NOT NULL,"
        + " TABLESPACE_NAME VARCHAR2(30), NUM_ROWS NUMBER, LAST_ANALYZED DATE)");
    s.execute("CREATE TABLE SYS.ALL_TAB_COLUMNS (OWNER VARCHAR2(128) NOT NULL,"
        + " TABLE_NAME VARCHAR2(128) NOT NULL, COLUMN_NAME VARCHAR2(128) NOT NULL, DATA_TYPE VARCHAR2(128),"
        + " DATA_LENGTH NUMBER NOT NULL, DATA_PRECISION NUMBER, DATA_SCALE NUMBER, NULLABLE VARCHAR2(1),"
        + " COLUMN_ID NUMBER, CHAR_LENGTH NUMBER)");
    s.execute("CREATE TABLE SYS.ALL_CONSTRAINTS (OWNER VARCHAR2(128), CONSTRAINT_NAME VARCHAR2(128) NOT NULL,"
        + " CONSTRAINT_TYPE VARCHAR2(1), TABLE_NAME VARCHAR2(128) NOT NULL, STATUS VARCHAR2(8))");
    s.execute("CREATE TABLE SYS.ALL_CONS_COLUMNS (OWNER VARCHAR2(128) NOT NULL,"
        + " CONSTRAINT_NAME VARCHAR2(128) NOT NULL, TABLE_NAME VARCHAR2(128) NOT NULL,"
        + " COLUMN_NAME VARCHAR2(4000), POSITION NUMBER)");
    for (BaseTables.Table t : tables) {
      s.execute("INSERT INTO SYS.ALL_TABLES (OWNER, TABLE_NAME, TABLESPACE_NAME) VALUES ("
          + lit(BaseTables.OWNER) + ", " + lit(t.name()) + ", 'FUSION_TS_TX_DATA')");
      int id = 0;
      for (BaseTables.Column c : t.columns()) {
        id++;
        s.execute("INSERT INTO SYS.ALL_TAB_COLUMNS VALUES (" + lit(BaseTables.OWNER) + ", " + lit(t.name())
            + ", " + lit(c.name()) + ", " + lit(c.dataType()) + ", " + c.dataLength() + ", "
            + c.precision() + ", " + c.scale() + ", " + lit(c.nullable() ? "Y" : "N") + ", " + id + ", "
            + ("VARCHAR2".equals(c.dataType()) ? c.dataLength() : 0) + ")");
      }
      String pk = EmbeddedDatabase.pkName(t);
      s.execute("INSERT INTO SYS.ALL_CONSTRAINTS VALUES (" + lit(BaseTables.OWNER) + ", " + lit(pk)
          + ", 'P', " + lit(t.name()) + ", 'ENABLED')");
      for (int i = 0; i < t.primaryKey().size(); i++) {
        s.execute("INSERT INTO SYS.ALL_CONS_COLUMNS VALUES (" + lit(BaseTables.OWNER) + ", " + lit(pk) + ", "
            + lit(t.name()) + ", " + lit(t.primaryKey().get(i)) + ", " + (i + 1) + ")");
      }
    }
  }

  /** Names come from the fixed {@link BaseTables} model, never from a request. */
  private static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
