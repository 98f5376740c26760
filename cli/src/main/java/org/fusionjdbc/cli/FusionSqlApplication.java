package org.fusionjdbc.cli;

import java.util.List;
import sqlline.Application;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

/**
 * sqlline customised for fusion-jdbc (loaded by sqlline through {@code -ac}, so public with a no-argument
 * constructor): our banner and URL examples, and only our drivers, which also spares sqlline a class-path scan.
 */
public final class FusionSqlApplication extends Application {
  static final String FUSION_DRIVER = "org.fusionjdbc.jdbc.FusionDriver";

  @Override
  public String getInfoMessage() {
    return "fusion-sql " + FusionSql.version() + " (" + super.getVersion()
        + "): !help lists commands, !tables the tables, !quit leaves";
  }

  /**
   * Keeps the options sqlline already holds. sqlline applies {@code -ac} after parsing the other arguments and
   * would otherwise start from fresh options, dropping {@code --outputformat=csv} and the launcher's settings.
   */
  @Override
  public SqlLineOpts getOpts(SqlLine sqlLine) {
    return sqlLine instanceof FusionSqlLine ? sqlLine.getOpts() : super.getOpts(sqlLine);
  }

  @Override
  public List<String> allowedDrivers() {
    return List.of(FUSION_DRIVER, SessionDriver.class.getName());
  }

  @Override
  public List<String> getConnectionUrlExamples() {
    return List.of(
        "jdbc:fusion://<pod>.fa.<dc>.oraclecloud.com?auth=jwt&user=<USER>&issuer=<ISSUER>"
            + "&privateKeyFile=<key.pem>&certificateFile=<cert.pem>",
        "jdbc:fusion://<pod>.fa.<dc>.oraclecloud.com?auth=oauth&user=<USER>&clientId=<ID>"
            + "&identityDomainUrl=https://idcs-<guid>.identity.oraclecloud.com&privateKeyFile=<key.pem>"
            + "&certificateFile=<cert.pem>&scope=<SCOPE>",
        "jdbc:fusion://<pod>.fa.<dc>.oraclecloud.com?auth=basic&user=<USER>",
        "jdbc:fusion://<pod>.fa.<dc>.oraclecloud.com?auth=bearer");
  }
}
