package org.fusionjdbc.emulator.bip;

import com.sun.net.httpserver.HttpHandler;
import java.sql.SQLException;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.fusionjdbc.emulator.auth.Authenticator;

/**
 * The emulated BI Publisher: ExternalReportWSSService runReport over SOAP 1.1/1.2, the fusion-jdbc SQL
 * proxy report at {@link BipOptions#reportPath()}, and the embedded Oracle-mode database it queries.
 * Mount {@link #httpHandler()} at {@link #SERVICE_PATH}. Thread-safe; close it to drop the database.
 */
public final class BipService implements AutoCloseable {

  /** Where the handler belongs on the emulator's HTTP server. */
  public static final String SERVICE_PATH = BipSoapHandler.PATH;
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.emulator.bip");

  private final BipOptions settings;
  private final EmbeddedDatabase db;
  private final BipJournal journal = new BipJournal();
  private final HttpHandler handler;

  private BipService(BipOptions settings, Authenticator auth) throws SQLException {
    this.settings = settings;
    this.db = EmbeddedDatabase.create(settings.baseTables(), settings.baseTableRows());
    this.handler = new BipSoapHandler(settings, auth, new SqlProxy(db, settings), journal);
  }

  /**
   * Creates the database (base tables loaded from {@link BipOptions#baseTables()}) and the service.
   *
   * @throws IllegalStateException when the embedded database cannot be created
   */
  public static BipService create(BipOptions settings, Authenticator auth) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(auth, "auth");
    try {
      return new BipService(settings, auth);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the emulated BI Publisher database: " + e.getMessage(), e);
    }
  }

  /** Serves POST {@value BipSoapHandler#PATH}. */
  public HttpHandler httpHandler() {
    return handler;
  }

  /** The embedded database with full rights (schema FUSION, dictionary in SYS), for loading and tests. */
  public DataSource database() {
    return db.admin();
  }

  public BipJournal journal() {
    return journal;
  }

  public BipFaults faults() {
    return settings.faults();
  }

  public BipOptions settings() {
    return settings;
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "closing the emulated BI Publisher database failed", e);
    }
  }
}
