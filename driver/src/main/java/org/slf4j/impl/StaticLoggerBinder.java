package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The slf4j 1.7 binding bundled (and relocated) in the driver jar, in place of slf4j-jdk14's own: the bundled
 * libraries' logs go to java.util.logging as with slf4j-jdk14, except the bundled httpclient5's, which go nowhere.
 * Its header and wire loggers print Authorization headers and token responses, and the host application owns the
 * java.util.logging configuration (a root logger at FINE or ALL is common), so no level anyone sets may open them.
 * Lives in slf4j's package because slf4j 1.7 finds its binding by this class name; the shade filter drops
 * slf4j-jdk14's copy.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {
  /** The slf4j API version this binding is compiled against (a public static field: slf4j 1.7's contract). */
  public static String REQUESTED_API_VERSION = "1.6.99";

  private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

  private final ILoggerFactory factory = new QuietHttpLoggerFactory(new JDK14LoggerFactory());

  private StaticLoggerBinder() {
  }

  public static StaticLoggerBinder getSingleton() {
    return SINGLETON;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public String getLoggerFactoryClassStr() {
    return QuietHttpLoggerFactory.class.getName();
  }
}
