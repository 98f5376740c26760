package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a Calcite connection over a NON-caching root schema. Calcite's public connect path caches each schema's
 * table names per statement, so a child table ({@code invoices_invoiceLines}), which the adapter can resolve by
 * name but does not list before its parent is described, would be "not found". The method that takes a root
 * schema is package-private, hence this class in Calcite's package (shading relocates both together).
 */
public final class FusionCalciteConnector {
  private FusionCalciteConnector() {
  }

  public static CalciteConnection open(Driver driver, Properties calciteSettings) throws SQLException {
    return driver.connect(CalciteSchema.createRootSchema(false, false), null, calciteSettings);
  }

  /**
   * The context of a statement of a connection opened by {@link #open} (its max rows, plan notes, scans); for a
   * prepared statement it already holds the notes of the plan it was prepared with.
   */
  public static org.fusionjdbc.calcite.StatementContext context(java.sql.Statement calciteStatement)
      throws SQLException {
    org.apache.calcite.avatica.AvaticaStatement st =
        calciteStatement.unwrap(org.apache.calcite.avatica.AvaticaStatement.class);
    FusionCalciteMeta meta = (FusionCalciteMeta) ((CalciteConnectionImpl) st.getConnection()).meta();
    try {
      return st instanceof java.sql.PreparedStatement ? meta.preparedContext(st.handle) : meta.context(st.handle);
    } catch (IllegalStateException | org.apache.calcite.avatica.NoSuchStatementException e) {
      throw new SQLException("the statement is closed", "HY000", e);
    }
  }
}
