package org.fusionjdbc.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's version, from a resource Maven filters at build time. */
final class DriverInfo {
  static final String NAME = "fusion-jdbc";
  static final String PRODUCT_NAME = "Oracle Fusion Cloud Applications";
  static final String VERSION = load();
  static final int MAJOR = part(0);
  static final int MINOR = part(1);

  private DriverInfo() {
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = DriverInfo.class.getResourceAsStream("fusion-jdbc.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to the unknown version
    }
    String v = p.getProperty("version", "");
    return v.isEmpty() || v.startsWith("${") ? "0.0.0-dev" : v;
  }

  private static int part(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
