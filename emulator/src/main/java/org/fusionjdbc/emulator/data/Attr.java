package org.fusionjdbc.emulator.data;

import java.util.Objects;

/**
 * One attribute of a resource as describe shows it.
 *
 * @param maxLength for strings (describe writes it as a string, as Fusion does); null otherwise
 * @param scale for numbers with a fixed scale (amounts); null otherwise
 * @param description annotations.description, or null
 */
public record Attr(String name, AttrType type, String title, boolean queryable, boolean updatable,
    boolean mandatory, Integer precision, Integer maxLength, Integer scale, String description) {

  public Attr {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
  }

  public static Attr of(String name, AttrType type, String title) {
    Integer precision = type == AttrType.INTEGER ? 18 : null;
    return new Attr(name, type, title, true, true, false, precision, null, null, null);
  }

  public static Attr string(String name, String title, int maxLength) {
    return new Attr(name, AttrType.STRING, title, true, true, false, maxLength, maxLength, null, null);
  }

  public static Attr amount(String name, String title) {
    return new Attr(name, AttrType.NUMBER, title, true, true, false, 18, null, 2, null);
  }

  public Attr notQueryable() {
    return new Attr(name, type, title, false, updatable, mandatory, precision, maxLength, scale, description);
  }

  public Attr readOnly() {
    return new Attr(name, type, title, queryable, false, mandatory, precision, maxLength, scale, description);
  }

  public Attr required() {
    return new Attr(name, type, title, queryable, updatable, true, precision, maxLength, scale, description);
  }

  public Attr describedAs(String text) {
    return new Attr(name, type, title, queryable, updatable, mandatory, precision, maxLength, scale, text);
  }
}
