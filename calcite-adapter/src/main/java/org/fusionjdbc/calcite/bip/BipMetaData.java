package org.fusionjdbc.calcite.bip;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * DatabaseMetaData of the BI Publisher channel, answered from the cached {@link Dictionary}: what Calcite's
 * JdbcSchema asks for (getTables, getColumns, the product and JDBC version). When two listed owners hold a
 * table of the same name, only the first owner's is listed without an owner pattern.
 */
final class BipMetaData {
  private static final List<ProxyColumn> TABLE_COLUMNS = List.of(ListCursor.text("TABLE_CAT"),
      ListCursor.text("TABLE_SCHEM"), ListCursor.text("TABLE_NAME"), ListCursor.text("TABLE_TYPE"),
      ListCursor.text("REMARKS"));
  private static final List<ProxyColumn> COLUMN_COLUMNS = List.of(ListCursor.text("TABLE_CAT"),
      ListCursor.text("TABLE_SCHEM"), ListCursor.text("TABLE_NAME"), ListCursor.text("COLUMN_NAME"),
      ListCursor.integer("DATA_TYPE"), ListCursor.text("TYPE_NAME"), ListCursor.integer("COLUMN_SIZE"),
      ListCursor.integer("BUFFER_LENGTH"), ListCursor.integer("DECIMAL_DIGITS"),
      ListCursor.integer("NUM_PREC_RADIX"), ListCursor.integer("NULLABLE"), ListCursor.text("REMARKS"),
      ListCursor.text("COLUMN_DEF"), ListCursor.integer("SQL_DATA_TYPE"), ListCursor.integer("SQL_DATETIME_SUB"),
      ListCursor.integer("CHAR_OCTET_LENGTH"), ListCursor.integer("ORDINAL_POSITION"),
      ListCursor.text("IS_NULLABLE"));

  private final Dictionary dictionary;
  private final org.fusionjdbc.client.bip.BipClient client;
  private final Connection connection;

  BipMetaData(Dictionary dictionary, org.fusionjdbc.client.bip.BipClient client, Connection connection) {
    this.dictionary = dictionary;
    this.client = client;
    this.connection = connection;
  }

  DatabaseMetaData proxy() {
    return JdbcShim.of(DatabaseMetaData.class, this);
  }

  public ResultSet getTables(String catalog, String schemaPattern, String tablePattern, String[] types) {
    List<Object[]> rows = new ArrayList<>();
    for (Dictionary.TableRef t : tables(schemaPattern, tablePattern)) {
      rows.add(new Object[] {null, t.owner(), t.name(), "TABLE", null});
    }
    return result(TABLE_COLUMNS, rows);
  }

  public ResultSet getColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern) {
    Pattern columns = like(columnPattern);
    List<Object[]> rows = new ArrayList<>();
    for (Dictionary.TableRef t : tables(schemaPattern, tablePattern)) {
      int position = 0;
      for (Dictionary.Column c : dictionary.columns(client, t)) {
        position++;
        if (!columns.matcher(c.name()).matches()) {
          continue;
        }
        OracleTypes.SqlType type = OracleTypes.map(c.dataType(), c.length(), c.precision(), c.scale());
        rows.add(new Object[] {null, t.owner(), t.name(), c.name(), type.jdbcType(), type.name(), type.size(),
            null, type.digits(), 10, c.nullable() ? DatabaseMetaData.columnNullable
            : DatabaseMetaData.columnNoNulls, c.dataType(), null, null, null, c.length(), position,
            c.nullable() ? "YES" : "NO"});
      }
    }
    return result(COLUMN_COLUMNS, rows);
  }

  private List<Dictionary.TableRef> tables(String schemaPattern, String tablePattern) {
    Pattern owners = like(schemaPattern);
    Pattern names = like(tablePattern);
    Set<String> seen = new HashSet<>();
    List<Dictionary.TableRef> out = new ArrayList<>();
    for (Dictionary.TableRef t : dictionary.tables(client)) {
      if (owners.matcher(t.owner()).matches() && names.matcher(t.name()).matches()
          && (schemaPattern != null || seen.add(t.name()))) {
        out.add(t);
      }
    }
    return out;
  }

  /** A JDBC LIKE pattern ({@code %}, {@code _}, {@code \} escape) as a regex; null matches everything. */
  static Pattern like(String pattern) {
    if (pattern == null) {
      return Pattern.compile("(?s).*");
    }
    StringBuilder re = new StringBuilder("(?s)");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private ResultSet result(List<ProxyColumn> columns, List<Object[]> rows) {
    return new CursorResultSet(new ListCursor(columns, rows), null).proxy();
  }

  public Connection getConnection() {
    return connection;
  }

  public String getDatabaseProductName() {
    return "Oracle";
  }

  public String getDatabaseProductVersion() {
    return "Oracle Fusion Cloud Applications database through BI Publisher";
  }

  public int getDatabaseMajorVersion() {
    return 19;
  }

  public int getDatabaseMinorVersion() {
    return 0;
  }

  public int getJDBCMajorVersion() {
    return 4;
  }

  public int getJDBCMinorVersion() {
    return 2;
  }

  public String getIdentifierQuoteString() {
    return "\"";
  }

  public boolean isReadOnly() {
    return true;
  }
}
