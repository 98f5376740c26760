package org.fusionjdbc.emulator.data;

/** Attribute types as describe names them (contract §4.2). */
public enum AttrType {
  STRING("string"), INTEGER("integer"), NUMBER("number"), DATE("date"), DATETIME("datetime"), BOOLEAN("boolean");

  private final String wireName;

  AttrType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
