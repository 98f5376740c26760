package org.fusionjdbc.jdbc;

/**
 * JVM-wide Calcite settings the driver needs, set only when the host has not set them. Calcite reads them once,
 * when its classes load; without UTF-8 a literal such as {@code 'JP 事業部'} (Fusion data is full of them) fails to
 * parse, because Calcite's default character set is ISO-8859-1.
 */
final class CalciteDefaults {
  private CalciteDefaults() {
  }

  static void install() {
    System.getProperties().putIfAbsent("calcite.default.charset", "UTF-8");
    System.getProperties().putIfAbsent("calcite.default.nationalcharset", "UTF-8");
    System.getProperties().putIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
  }
}
