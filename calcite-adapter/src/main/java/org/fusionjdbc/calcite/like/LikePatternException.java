package org.fusionjdbc.calcite.like;

/**
 * A LIKE pattern or ESCAPE clause SQL cannot read. Carries the SQL standard's SQLState so the driver reports it as a
 * data exception, not a generic failure.
 */
public final class LikePatternException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  private LikePatternException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  static LikePatternException escapeCharacter(String escape) {
    return new LikePatternException("Invalid LIKE escape character: ESCAPE takes exactly one character, got "
        + escape.codePointCount(0, escape.length()), "22019");
  }

  static LikePatternException sequence(String why) {
    return new LikePatternException("Invalid escape sequence in the LIKE pattern: " + why
        + " (write %, _ or the escape character after it)", "22025");
  }

  /** 22019 (invalid escape character) or 22025 (invalid escape sequence). */
  public String sqlState() {
    return sqlState;
  }
}
