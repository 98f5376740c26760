package org.fusionjdbc.client.config;

import java.util.Locale;

/**
 * Which proxy report runs the SQL (docs/bi-publisher.md §1.3 and §1.5). {@link #FJ1} describes the columns with
 * DBMS_SQL and writes typed FJ1 text; {@link #XMLGEN} opens a cursor for the SQL and returns DBMS_XMLGEN's XML, for
 * pods whose data source refuses DBMS_SQL, and leaves the types to the driver. {@link #AUTO} tries FJ1 and falls
 * back to XMLGEN once per client when the pod refuses it.
 */
public enum ProxyShape {
  FJ1, XMLGEN, AUTO;

  /** {@code fj1}, {@code xmlgen} or {@code auto}, any case. */
  public static ProxyShape parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the BI Publisher proxy shape must be fj1, xmlgen or auto, not '" + text
          + "'", e);
    }
  }

  /** As the connection property spells it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
