package org.fusionjdbc.emulator.bip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The proxy report's data set: decodes P_FJ_SQL, checks it is one query, runs it on the embedded
 * database under the row, size and time limits, and writes the FJ1 result text.
 */
final class SqlProxy {

  static final String PARAMETER = "P_FJ_SQL";
  private static final int MAX_SQL_BYTES = 1 << 20;

  private final EmbeddedDatabase db;
  private final BipOptions settings;

  SqlProxy(EmbeddedDatabase db, BipOptions settings) {
    this.db = db;
    this.settings = settings;
  }

  /** The result of one run: FJ1 text and its row count. */
  record Result(String text, int rows) {}

  /** Decodes the parameter value: base64 of gzip of UTF-8 SQL. */
  String decode(String value) throws ProxyFailure {
    if (value == null || value.isBlank()) {
      throw ProxyFailure.ora(20001, "fusion-jdbc proxy: " + PARAMETER + " is missing; send base64-encoded gzip of the SQL");
    }
    if (value.length() > settings.maxParameterLength()) {
      throw ProxyFailure.server("oracle.xdo.webservice.exception.InvalidParametersException: "
          + "PublicReportService::executeReport Failure: parameter " + PARAMETER + " is "
          + value.length() + " characters long, the limit is " + settings.maxParameterLength());
    }
    try {
      byte[] gz = Base64.getMimeDecoder().decode(value.strip());
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
        byte[] sql = in.readNBytes(MAX_SQL_BYTES + 1);
        if (sql.length > MAX_SQL_BYTES) {
          throw ProxyFailure.ora(20001, "fusion-jdbc proxy: the SQL is longer than 1 MiB");
        }
        return new String(sql, StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException | IOException e) {
      throw ProxyFailure.ora(20001, "fusion-jdbc proxy: " + PARAMETER + " is not base64-encoded gzip");
    }
  }

  /** How one shape turns the query's rows into the data set's CLOB. */
  private interface Writer {
    Result write(ResultSet rs, long deadline) throws SQLException, ProxyFailure;
  }

  /** The FJ1 shape (SqlProxy_G_1.sql): DBMS_SQL's describe and the FJ1 text. */
  Result run(String sql) throws ProxyFailure {
    return run(sql, this::write);
  }

  /**
   * The XMLGEN shape (SqlProxyXmlgen_G_1.sql): the rows as DBMS_XMLGEN would write them with NULL_ATTR, under the
   * NLS settings that data set fixes; {@code <ROWSET/>} without rows.
   */
  Result runXmlgen(String sql) throws ProxyFailure {
    return run(sql, (rs, deadline) -> XmlgenText.write(rs, deadline, settings));
  }

  private Result run(String sql, Writer writer) throws ProxyFailure {
    ReadOnlyGuard.check(sql);
    long deadline = System.nanoTime() + settings.executionTimeout().toNanos();
    try (Connection c = db.openReader(); Statement st = c.createStatement()) {
      st.execute("SET QUERY_TIMEOUT " + Math.max(1, settings.executionTimeout().toMillis()));
      try (ResultSet rs = st.executeQuery(sql)) {
        return writer.write(rs, deadline);
      }
    } catch (SQLException e) {
      throw OracleErrors.translate(e);
    }
  }

  private Result write(ResultSet rs, long deadline) throws SQLException, ProxyFailure {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    if (n == 0) {
      throw ProxyFailure.ora(936, "missing expression"); // H2 accepts "select from t"; Oracle does not
    }
    List<Fj1Column> cols = new ArrayList<>(n);
    StringBuilder out = new StringBuilder(4096).append("FJ1\t").append(n).append('\n');
    for (int i = 1; i <= n; i++) {
      Fj1Column col = Fj1Column.describe(md, i);
      cols.add(col);
      out.append(col.headerLine()).append('\n');
    }
    ProxyRowBudget budget = new ProxyRowBudget(settings, deadline, out);
    StringBuilder line = new StringBuilder(256);
    while (rs.next()) {
      budget.nextRow();
      line.setLength(0);
      line.append('R');
      for (int i = 1; i <= n; i++) {
        line.append('\t').append(Fj1Text.value(rs, i, cols.get(i - 1)));
      }
      line.append('\n');
      budget.output(line);
      out.append(line);
    }
    out.append("END\t").append(budget.rows());
    return new Result(out.toString(), budget.rows());
  }

  static String dataLimitText(long limit) {
    return "oracle.xdo.webservice.exception.OperationFailedException: PublicReportService::executeReport "
        + "Failure: Failed to generate report data: oracle.xdo.XDOException: oracle.xdo.dataengine"
        + ".DataException: The report you are trying to run exceeds the data limit set for this server ("
        + limit + " bytes). Please run the report in the background or reduce the data.";
  }

  static long utf8Length(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
