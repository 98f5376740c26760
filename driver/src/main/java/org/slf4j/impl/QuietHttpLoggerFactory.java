package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/** java.util.logging loggers for every bundled library, and a logger that never logs for httpclient5's. */
final class QuietHttpLoggerFactory implements ILoggerFactory {
  /**
   * httpclient5's package, assembled at run time: shading rewrites string constants that look like relocated
   * package names, and the loggers' names are relocated in the jar and not in tests, so both forms must match.
   */
  private static final String HTTP_CLIENT = String.join(".", "org", "apache", "hc");

  private final ILoggerFactory delegate;

  QuietHttpLoggerFactory(ILoggerFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Logger getLogger(String name) {
    return isHttpClient(name) ? NOPLogger.NOP_LOGGER : delegate.getLogger(name);
  }

  static boolean isHttpClient(String name) {
    return name != null && (name.equals(HTTP_CLIENT) || name.startsWith(HTTP_CLIENT + ".")
        || name.contains("." + HTTP_CLIENT + "."));
  }
}
