package org.fusionjdbc.client.describe;

import java.util.Locale;

/** Attribute types as describe reports them ({@code "type": "integer"}, ...). */
public enum AttributeType {
  STRING, INTEGER, NUMBER, DATE, DATETIME, BOOLEAN, OBJECT, ARRAY, OTHER;

  /** Parses describe's type name; unknown names become {@link #OTHER} rather than failing. */
  public static AttributeType fromDescribe(String name) {
    if (name == null) {
      return OTHER;
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "string" -> STRING;
      case "integer" -> INTEGER;
      case "number" -> NUMBER;
      case "date" -> DATE;
      case "datetime" -> DATETIME;
      case "boolean" -> BOOLEAN;
      case "object" -> OBJECT;
      case "array" -> ARRAY;
      default -> OTHER;
    };
  }
}
