package org.fusionjdbc.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The {@code logFile} property: the driver's log records also go to a size-capped, rotating java.util.logging
 * FileHandler, for tools that hide stderr (Tableau, DBeaver). The records are the ones the console gets, so the
 * redaction is the same (the driver never writes a secret into a record; httpclient's header logs stay closed).
 * Without logLevel the file gets DEBUG. One handler per file for the life of the JVM, shared by its connections.
 */
final class LogFiles {
  static final int LIMIT_BYTES = 10 * 1024 * 1024;
  static final int COUNT = 5;
  private static final Map<String, FileHandler> HANDLERS = new HashMap<>();

  private LogFiles() {
  }

  static synchronized void apply(ConnectionSettings settings, Logger root, Logger bundled, Logger wire)
      throws SQLException {
    if (settings.get(FusionProperty.LOG_FILE).isEmpty()) {
      return;
    }
    String pattern = settings.get(FusionProperty.LOG_FILE).orElseThrow();
    Level level = DriverLogging.toLevel(settings.get(FusionProperty.LOG_LEVEL).orElse("DEBUG"));
    FileHandler handler = HANDLERS.get(pattern);
    if (handler == null) {
      try {
        Path parent = Path.of(pattern).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
          throw ConnectionSettings.invalid("Connection property 'logFile' value is invalid: the directory " + parent
              + " does not exist; give a file in an existing, writable directory");
        }
        handler = new FileHandler(pattern, LIMIT_BYTES, COUNT, true);
      } catch (IOException | RuntimeException e) {
        throw ConnectionSettings.invalid("Connection property 'logFile' value is invalid: cannot write " + pattern
            + " (" + e.getClass().getSimpleName() + "); give a file in a writable directory");
      }
      handler.setFormatter(new SimpleFormatter());
      root.addHandler(handler);
      HANDLERS.put(pattern, handler);
    }
    handler.setLevel(level);
    if (root.getLevel() == null || root.getLevel().intValue() > level.intValue()) {
      root.setLevel(level);
    }
    bundled.setLevel(level.intValue() <= Level.FINEST.intValue() ? level : Level.WARNING);
    wire.setLevel(Level.WARNING);
  }
}
