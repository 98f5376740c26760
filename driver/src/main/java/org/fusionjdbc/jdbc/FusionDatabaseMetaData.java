package org.fusionjdbc.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * Calcite's DatabaseMetaData as the driver hands it out. Where Calcite's defaults describe a writable,
 * transactional database it answers for what fusion-jdbc is, a read-only reader of a REST API, so tools offer no
 * transactions, updates or stored procedures; the URL is the Fusion URL without secrets; every result set is a
 * {@link FusionResultSet} that carries the schemas' discovery warnings; every failure is mapped by
 * {@link SqlErrors}.
 */
final class FusionDatabaseMetaData implements DatabaseMetaData {
  private final DatabaseMetaData target;
  private final FusionConnection connection;
  private final ConnectionSettings settings;

  FusionDatabaseMetaData(DatabaseMetaData target, FusionConnection connection, ConnectionSettings settings) {
    this.target = target;
    this.connection = connection;
    this.settings = settings;
  }

  @Override
  public String toString() {
    return "FusionDatabaseMetaData";
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : MappedCalls.call(() -> target.unwrap(iface));
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || MappedCalls.call(() -> target.isWrapperFor(iface));
  }

  /**
   * A metadata answer as the driver's result set: its statement is the driver's too, and a family whose catalog
   * could not be read says so on every metadata answer (see SchemaWarnings).
   */
  private ResultSet results(ResultSet calcite) throws SQLException {
    Connection calciteConnection = target.getConnection();
    return new FusionResultSet(calcite, new FusionStatementImpl<>(calcite.getStatement(), connection),
        () -> SchemaWarnings.of(calciteConnection));
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public String getURL() {
    return settings.publicUrl(); // Calcite would say jdbc:calcite:; never the secrets
  }

  @Override
  public String getUserName() {
    return settings.get(FusionProperty.USER).orElse(null);
  }

  @Override
  public String getDriverName() {
    return DriverInfo.NAME;
  }

  @Override
  public String getDriverVersion() {
    return DriverInfo.VERSION;
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public boolean supportsTransactions() {
    return false;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return false;
  }

  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return false;
  }

  @Override
  public boolean usesLocalFiles() {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return true;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  // Result sets are forward-only snapshots of REST pages: no change made by anyone is ever seen or detected.

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  // commit is a no-op (nothing is ever written), so a cursor is never closed by one

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    return MappedCalls.call(target::nullsAreSortedHigh);
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    return MappedCalls.call(target::nullsAreSortedLow);
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    return MappedCalls.call(target::nullsAreSortedAtStart);
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    return MappedCalls.call(target::nullsAreSortedAtEnd);
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return MappedCalls.call(target::getDatabaseProductName);
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return MappedCalls.call(target::getDatabaseProductVersion);
  }

  @Override
  public int getDriverMajorVersion() {
    return target.getDriverMajorVersion();
  }

  @Override
  public int getDriverMinorVersion() {
    return target.getDriverMinorVersion();
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    return MappedCalls.call(target::supportsMixedCaseIdentifiers);
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    return MappedCalls.call(target::storesUpperCaseIdentifiers);
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    return MappedCalls.call(target::storesLowerCaseIdentifiers);
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    return MappedCalls.call(target::storesMixedCaseIdentifiers);
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return MappedCalls.call(target::supportsMixedCaseQuotedIdentifiers);
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return MappedCalls.call(target::storesUpperCaseQuotedIdentifiers);
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return MappedCalls.call(target::storesLowerCaseQuotedIdentifiers);
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return MappedCalls.call(target::storesMixedCaseQuotedIdentifiers);
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return MappedCalls.call(target::getSQLKeywords);
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return MappedCalls.call(target::getNumericFunctions);
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return MappedCalls.call(target::getStringFunctions);
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    return MappedCalls.call(target::getSystemFunctions);
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return MappedCalls.call(target::getTimeDateFunctions);
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    return MappedCalls.call(target::supportsAlterTableWithAddColumn);
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    return MappedCalls.call(target::supportsAlterTableWithDropColumn);
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    return MappedCalls.call(target::supportsColumnAliasing);
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    return MappedCalls.call(target::nullPlusNonNullIsNull);
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    return MappedCalls.call(target::supportsConvert);
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) throws SQLException {
    return MappedCalls.call(() -> target.supportsConvert(fromType, toType));
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    return MappedCalls.call(target::supportsTableCorrelationNames);
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return MappedCalls.call(target::supportsDifferentTableCorrelationNames);
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    return MappedCalls.call(target::supportsExpressionsInOrderBy);
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    return MappedCalls.call(target::supportsOrderByUnrelated);
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    return MappedCalls.call(target::supportsGroupBy);
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    return MappedCalls.call(target::supportsGroupByUnrelated);
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    return MappedCalls.call(target::supportsGroupByBeyondSelect);
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    return MappedCalls.call(target::supportsLikeEscapeClause);
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    return MappedCalls.call(target::supportsNonNullableColumns);
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    return MappedCalls.call(target::supportsMinimumSQLGrammar);
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    return MappedCalls.call(target::supportsCoreSQLGrammar);
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    return MappedCalls.call(target::supportsExtendedSQLGrammar);
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return MappedCalls.call(target::supportsANSI92EntryLevelSQL);
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    return MappedCalls.call(target::supportsANSI92IntermediateSQL);
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    return MappedCalls.call(target::supportsANSI92FullSQL);
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return MappedCalls.call(target::supportsIntegrityEnhancementFacility);
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    return MappedCalls.call(target::supportsOuterJoins);
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    return MappedCalls.call(target::supportsFullOuterJoins);
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    return MappedCalls.call(target::supportsLimitedOuterJoins);
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    return MappedCalls.call(target::isCatalogAtStart);
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    return MappedCalls.call(target::supportsSchemasInProcedureCalls);
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return MappedCalls.call(target::supportsSchemasInIndexDefinitions);
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return MappedCalls.call(target::supportsSchemasInPrivilegeDefinitions);
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    return MappedCalls.call(target::supportsSubqueriesInComparisons);
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    return MappedCalls.call(target::supportsSubqueriesInExists);
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    return MappedCalls.call(target::supportsSubqueriesInIns);
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return MappedCalls.call(target::supportsSubqueriesInQuantifieds);
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    return MappedCalls.call(target::supportsCorrelatedSubqueries);
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    return MappedCalls.call(target::supportsUnion);
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    return MappedCalls.call(target::supportsUnionAll);
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return MappedCalls.call(target::supportsOpenStatementsAcrossCommit);
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return MappedCalls.call(target::supportsOpenStatementsAcrossRollback);
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return MappedCalls.call(target::getMaxBinaryLiteralLength);
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return MappedCalls.call(target::getMaxCharLiteralLength);
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxColumnNameLength);
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return MappedCalls.call(target::getMaxColumnsInGroupBy);
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return MappedCalls.call(target::getMaxColumnsInIndex);
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return MappedCalls.call(target::getMaxColumnsInOrderBy);
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return MappedCalls.call(target::getMaxColumnsInSelect);
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return MappedCalls.call(target::getMaxColumnsInTable);
  }

  @Override
  public int getMaxConnections() throws SQLException {
    return MappedCalls.call(target::getMaxConnections);
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxCursorNameLength);
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return MappedCalls.call(target::getMaxIndexLength);
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxSchemaNameLength);
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxProcedureNameLength);
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxCatalogNameLength);
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return MappedCalls.call(target::getMaxRowSize);
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return MappedCalls.call(target::doesMaxRowSizeIncludeBlobs);
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return MappedCalls.call(target::getMaxStatementLength);
  }

  @Override
  public int getMaxStatements() throws SQLException {
    return MappedCalls.call(target::getMaxStatements);
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxTableNameLength);
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return MappedCalls.call(target::getMaxTablesInSelect);
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return MappedCalls.call(target::getMaxUserNameLength);
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return MappedCalls.call(target::dataDefinitionCausesTransactionCommit);
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return MappedCalls.call(target::dataDefinitionIgnoredInTransactions);
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getProcedures(catalog, schemaPattern, procedureNamePattern)));
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getProcedureColumns(catalog, schemaPattern, procedureNamePattern,
        columnNamePattern)));
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getTables(catalog, schemaPattern, tableNamePattern, types)));
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return results(MappedCalls.call(target::getSchemas));
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return results(MappedCalls.call(target::getCatalogs));
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return results(MappedCalls.call(target::getTableTypes));
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getColumns(catalog, schemaPattern, tableNamePattern,
        columnNamePattern)));
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getColumnPrivileges(catalog, schema, table, columnNamePattern)));
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getTablePrivileges(catalog, schemaPattern, tableNamePattern)));
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getBestRowIdentifier(catalog, schema, table, scope, nullable)));
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    return results(MappedCalls.call(() -> target.getVersionColumns(catalog, schema, table)));
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return results(MappedCalls.call(() -> target.getPrimaryKeys(catalog, schema, table)));
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return results(MappedCalls.call(() -> target.getImportedKeys(catalog, schema, table)));
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return results(MappedCalls.call(() -> target.getExportedKeys(catalog, schema, table)));
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return results(MappedCalls.call(() -> target.getCrossReference(parentCatalog, parentSchema, parentTable,
        foreignCatalog, foreignSchema, foreignTable)));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return results(MappedCalls.call(target::getTypeInfo));
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getIndexInfo(catalog, schema, table, unique, approximate)));
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return results(MappedCalls.call(() -> target.getUDTs(catalog, schemaPattern, typeNamePattern, types)));
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getSuperTypes(catalog, schemaPattern, typeNamePattern)));
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getSuperTables(catalog, schemaPattern, tableNamePattern)));
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getAttributes(catalog, schemaPattern, typeNamePattern,
        attributeNamePattern)));
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return MappedCalls.call(target::getDatabaseMajorVersion);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return MappedCalls.call(target::getDatabaseMinorVersion);
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    return MappedCalls.call(target::getJDBCMajorVersion);
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    return MappedCalls.call(target::getJDBCMinorVersion);
  }

  @Override
  public int getSQLStateType() throws SQLException {
    return MappedCalls.call(target::getSQLStateType);
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    return MappedCalls.call(target::supportsStatementPooling);
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    return MappedCalls.call(target::getRowIdLifetime);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getSchemas(catalog, schemaPattern)));
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    return MappedCalls.call(target::autoCommitFailureClosesAllResultSets);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return results(MappedCalls.call(target::getClientInfoProperties));
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getFunctions(catalog, schemaPattern, functionNamePattern)));
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getFunctionColumns(catalog, schemaPattern, functionNamePattern,
        columnNamePattern)));
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    return results(MappedCalls.call(() -> target.getPseudoColumns(catalog, schemaPattern, tableNamePattern,
        columnNamePattern)));
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    return MappedCalls.call(target::generatedKeyAlwaysReturned);
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    return MappedCalls.call(target::getMaxLogicalLobSize);
  }

  @Override
  public boolean supportsRefCursors() throws SQLException {
    return MappedCalls.call(target::supportsRefCursors);
  }

  @Override
  public boolean supportsSharding() throws SQLException {
    return MappedCalls.call(target::supportsSharding);
  }
}
