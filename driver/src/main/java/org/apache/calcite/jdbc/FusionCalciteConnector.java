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
}
