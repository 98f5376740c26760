package org.fusionjdbc.jdbc;

import java.util.Properties;

/**
 * The only properties a Calcite connection is opened with: an allow-list, so none of the caller's settings
 * (secrets above all) reach {@code CalciteConnection.getProperties()}.
 */
final class CalciteSettings {
  private CalciteSettings() {
  }

  static Properties of(ConnectionSettings settings) {
    Properties p = new Properties();
    // Identifiers as tools write them: "Quoted" keeps case, unquoted names match case-insensitively.
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("caseSensitive", "false");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    // LENIENT: GROUP BY ordinal and alias, as Tableau and analysts write them.
    p.setProperty("conformance", "LENIENT");
    p.setProperty("fun", "standard");
    p.setProperty("timeZone", settings.timeZone().getId());
    p.setProperty("defaultNullCollation", "HIGH");
    return p;
  }
}
