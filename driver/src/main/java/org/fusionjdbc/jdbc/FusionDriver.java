package org.fusionjdbc.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.FusionCalciteBridge;
import org.fusionjdbc.calcite.FusionAdapter;
import org.fusionjdbc.calcite.FusionPrepare;
import org.fusionjdbc.client.FusionClient;

/**
 * The {@code jdbc:fusion:} driver. Each connection is a Calcite connection over the Fusion adapter, opened with
 * an allow-list of Calcite settings only (never the caller's Properties, so no secret reaches Calcite), wrapped so
 * that errors carry proper SQLStates and the connection is read-only. Closing it closes its FusionClient.
 */
public class FusionDriver extends org.apache.calcite.jdbc.Driver {
  static final String LOGGER_NAME = "org.fusionjdbc";

  static {
    CalciteDefaults.install();
    new FusionDriver().register();
    deregisterBundledCalciteDriver();
  }

  public FusionDriver() {
    super(FusionPrepare::new); // Calcite's preparation with the adapter's corrections (SQL's LIKE)
  }

  @Override
  protected String getConnectStringPrefix() {
    return FusionUrl.PREFIX;
  }

  // Called from the super constructor, before this class's fields exist: uses static state only.
  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(DriverInfo.NAME, DriverInfo.VERSION, DriverInfo.PRODUCT_NAME, "11.13.18.05", false,
        DriverInfo.MAJOR, DriverInfo.MINOR, 11, 13);
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return new FusionMeta(connection);
  }

  @Override
  public boolean acceptsURL(String url) {
    return FusionUrl.accepts(url);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionSettings settings = FusionUrl.parse(url, info);
    DriverLogging.apply(settings);
    FusionClient client;
    try {
      client = FusionClient.open(settings.toClientConfig());
    } catch (RuntimeException e) {
      throw SqlErrors.map(e);
    }
    if (settings.validateOnConnect()) {
      try {
        ConnectionProof.prove(client, settings);
      } catch (SQLException e) {
        client.close();
        throw e;
      }
    }
    Connection calcite = null;
    try {
      CalciteConnection cc = FusionCalciteBridge.open(this, CalciteSettings.of(settings));
      calcite = cc;
      FusionAdapter.register(cc.getRootSchema(), client, settings.toAdapterOptions());
      cc.setSchema(settings.defaultSchema());
      cc.setAutoCommit(true); // JDBC's default for a new connection; tools show transaction controls otherwise
      return new FusionConnection(calcite, client, settings);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(calcite);
      client.close();
      throw SqlErrors.map(e);
    }
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    List<DriverPropertyInfo> out = new ArrayList<>();
    for (FusionProperty p : FusionProperty.values()) {
      String given = info == null ? null : info.getProperty(p.key());
      DriverPropertyInfo dpi = new DriverPropertyInfo(p.key(),
          p.isSecret() ? null : given != null ? given : p.defaultValue().orElse(null));
      dpi.description = p.description();
      dpi.required = p == FusionProperty.USER;
      dpi.choices = p.choices().isEmpty() ? null : p.choices().toArray(new String[0]);
      out.add(dpi);
    }
    return out.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger(LOGGER_NAME);
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  /**
   * Inside the shaded jar, loading Calcite's Driver class registers a relocated {@code jdbc:calcite:} driver as
   * a side effect; the jar must offer DriverManager exactly one driver, ours. Unshaded (tests, IDEs) Calcite
   * may belong to the host, so it is left alone there.
   */
  private static void deregisterBundledCalciteDriver() {
    if (!org.apache.calcite.jdbc.Driver.class.getName().startsWith("org.fusionjdbc.shaded.")) {
      return;
    }
    Enumeration<java.sql.Driver> drivers = DriverManager.getDrivers();
    while (drivers.hasMoreElements()) {
      java.sql.Driver d = drivers.nextElement();
      if (d.getClass() == org.apache.calcite.jdbc.Driver.class) {
        try {
          DriverManager.deregisterDriver(d);
        } catch (SQLException | SecurityException e) {
          Logger.getLogger(LOGGER_NAME).fine("could not deregister the bundled Calcite driver: " + e);
        }
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        Logger.getLogger(LOGGER_NAME).fine("closing a half-opened connection failed: " + e);
      }
    }
  }
}
