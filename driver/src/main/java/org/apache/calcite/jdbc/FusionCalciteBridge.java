package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The only place the driver reaches Calcite's package-private API (Calcite 1.42), which is why it sits in Calcite's
 * package (shading relocates both together). The driver's Meta ({@code org.fusionjdbc.jdbc.FusionMeta}) extends it
 * and does everything else through public API. What it needs, and why:
 * <ul>
 *   <li>{@code Driver.connect(CalciteSchema, JavaTypeFactory, Properties)}, to open a connection over a NON-caching
 *       root schema: Calcite's public connect path caches each schema's table names per statement, so a child table
 *       ({@code invoices_invoiceLines}), which the adapter resolves by name but does not list before its parent is
 *       described, would be "not found";
 *   <li>the {@code CalciteMetaImpl} constructor, whose connection parameter has the package-private type
 *       {@code CalciteConnectionImpl}, to give the Meta the driver's column factory;
 *   <li>{@code CalciteMetaImpl.schemas}, package-private, to hide Calcite's internal {@code metadata} schema;
 *   <li>{@code CalciteConnectionImpl.server}, for the signature a statement was prepared with (its plan notes);
 *   <li>{@code CalciteConnectionImpl.meta()}, to find the Meta, which owns the statement contexts, from a statement.
 * </ul>
 */
public abstract class FusionCalciteBridge extends CalciteMetaImpl {
  /** Calcite's own schema of its metadata tables, which tools must not list. */
  protected static final String INTERNAL_SCHEMA = "metadata";

  protected FusionCalciteBridge(AvaticaConnection connection, CalciteMetaColumnFactory columnFactory) {
    super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE, columnFactory);
  }

  /** A Calcite connection over a non-caching root schema. */
  public static CalciteConnection open(Driver driver, Properties calciteSettings) throws SQLException {
    return driver.connect(CalciteSchema.createRootSchema(false, false), null, calciteSettings);
  }

  /** The Meta of the connection of a Calcite statement. */
  protected static Meta metaOf(AvaticaStatement statement) throws SQLException {
    return ((CalciteConnectionImpl) statement.getConnection()).meta();
  }

  /** The signature a statement was last prepared with, as Calcite's server keeps it. */
  protected final Signature preparedSignature(StatementHandle h) throws NoSuchStatementException {
    return getConnection().server.getStatement(h).getSignature();
  }

  @Override
  Enumerable<MetaSchema> schemas(String catalog) {
    return super.schemas(catalog).where(s -> !INTERNAL_SCHEMA.equals(s.tableSchem));
  }

  @Override
  Enumerable<MetaSchema> schemas(String catalog, LikePattern pattern) {
    return super.schemas(catalog, pattern).where(s -> !INTERNAL_SCHEMA.equals(s.tableSchem));
  }
}
