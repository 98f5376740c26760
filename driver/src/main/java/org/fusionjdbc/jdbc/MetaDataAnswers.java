package org.fusionjdbc.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;

/**
 * DatabaseMetaData answers where Calcite's defaults describe a writable, transactional database: fusion-jdbc
 * reads a REST API, so tools must not offer transactions, updates or stored procedures.
 */
final class MetaDataAnswers {
  static final Object DELEGATE = new Object();

  private MetaDataAnswers() {
  }

  static Object answer(String method, Object[] args) {
    return switch (method) {
      case "isReadOnly", "supportsTransactions" -> method.equals("isReadOnly");
      case "getDefaultTransactionIsolation" -> Connection.TRANSACTION_NONE;
      case "supportsTransactionIsolationLevel" -> ((Integer) args[0]) == Connection.TRANSACTION_NONE;
      case "supportsBatchUpdates", "supportsStoredProcedures", "supportsSelectForUpdate", "supportsPositionedDelete",
          "supportsPositionedUpdate", "supportsGetGeneratedKeys", "supportsSavepoints", "supportsMultipleResultSets",
          "supportsDataManipulationTransactionsOnly", "supportsDataDefinitionAndDataManipulationTransactions",
          "supportsOpenCursorsAcrossCommit", "supportsOpenCursorsAcrossRollback", "supportsNamedParameters",
          "supportsMultipleOpenResults", "supportsStoredFunctionsUsingCallSyntax", "locatorsUpdateCopy",
          "supportsMultipleTransactions", "usesLocalFiles", "usesLocalFilePerTable", "allTablesAreSelectable",
          "supportsCatalogsInDataManipulation", "supportsCatalogsInTableDefinitions", "supportsCatalogsInIndexDefinitions",
          "supportsCatalogsInPrivilegeDefinitions", "supportsCatalogsInProcedureCalls" -> false;
      case "allProceduresAreCallable", "supportsSchemasInDataManipulation", "supportsSchemasInTableDefinitions" ->
          method.startsWith("supportsSchemas");
      case "supportsResultSetType" -> ((Integer) args[0]) == ResultSet.TYPE_FORWARD_ONLY;
      case "supportsResultSetConcurrency" -> ((Integer) args[0]) == ResultSet.TYPE_FORWARD_ONLY
          && ((Integer) args[1]) == ResultSet.CONCUR_READ_ONLY;
      // Result sets are forward-only snapshots of REST pages: no change made by anyone is ever seen or detected.
      case "ownUpdatesAreVisible", "ownDeletesAreVisible", "ownInsertsAreVisible", "othersUpdatesAreVisible",
          "othersDeletesAreVisible", "othersInsertsAreVisible", "updatesAreDetected", "deletesAreDetected",
          "insertsAreDetected" -> false;
      // commit is a no-op (nothing is ever written), so a cursor is never closed by one
      case "supportsResultSetHoldability" -> ((Integer) args[0]) == ResultSet.HOLD_CURSORS_OVER_COMMIT;
      case "getResultSetHoldability" -> ResultSet.HOLD_CURSORS_OVER_COMMIT;
      case "getSearchStringEscape" -> "\\";
      case "getIdentifierQuoteString" -> "\"";
      case "getSchemaTerm" -> "schema";
      case "getCatalogTerm" -> "catalog";
      case "getProcedureTerm" -> "procedure";
      case "getCatalogSeparator" -> ".";
      case "getExtraNameCharacters" -> "";
      case "getDriverName" -> DriverInfo.NAME;
      case "getDriverVersion" -> DriverInfo.VERSION;
      default -> DELEGATE;
    };
  }
}
