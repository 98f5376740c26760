package org.fusionjdbc.jdbc;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Applies the {@code logLevel} property to the {@code org.fusionjdbc} java.util.logging logger (the one
 * {@code Driver.getParentLogger()} returns). Our records go to stderr through one handler of our own; the bundled
 * Calcite's loggers stay at WARNING unless TRACE is asked for, since its DEBUG output is planner internals;
 * the bundled httpclient5 stays at WARNING even then, since its header and wire logs carry credentials.
 */
final class DriverLogging {
  // Strong references: java.util.logging holds loggers weakly and would drop a configured level.
  private static final Logger ROOT = Logger.getLogger(FusionDriver.LOGGER_NAME);
  private static final Logger BUNDLED = Logger.getLogger(FusionDriver.LOGGER_NAME + ".shaded");
  /** httpclient5's header and wire logs print Authorization headers and token responses: never opened. */
  private static final Logger HTTP_WIRE = Logger.getLogger(FusionDriver.LOGGER_NAME + ".shaded.org.apache.hc");
  private static Handler handler;

  private DriverLogging() {
  }

  static synchronized void apply(ConnectionSettings settings) throws java.sql.SQLException {
    LogFiles.apply(settings, ROOT, BUNDLED, HTTP_WIRE);
    settings.get(FusionProperty.LOG_LEVEL).ifPresent(name -> {
      Level level = toLevel(name);
      ROOT.setLevel(level);
      BUNDLED.setLevel(level.intValue() <= Level.FINEST.intValue() ? level : Level.WARNING);
      HTTP_WIRE.setLevel(Level.WARNING);
      if (handler == null) {
        handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        ROOT.addHandler(handler);
        ROOT.setUseParentHandlers(false);
      }
      handler.setLevel(level);
    });
  }

  static Level toLevel(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "OFF" -> Level.OFF;
      case "ERROR" -> Level.SEVERE;
      case "WARN" -> Level.WARNING;
      case "INFO" -> Level.INFO;
      case "DEBUG" -> Level.FINE;
      default -> Level.FINEST;
    };
  }
}
