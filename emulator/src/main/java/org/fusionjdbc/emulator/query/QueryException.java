package org.fusionjdbc.emulator.query;

/**
 * A request the emulator refuses, with the HTTP status and an ADF-style error code. The message is
 * sent to the client, so it says what to fix.
 */
public final class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Error codes are JBO-style, as Fusion's (the exact numbers Fusion uses are not documented). */
  public static final String SYNTAX = "JBO-27122";
  public static final String UNKNOWN_ATTRIBUTE = "JBO-25058";
  public static final String NOT_QUERYABLE = "JBO-25059";
  public static final String TYPE = "JBO-27018";
  public static final String UNSUPPORTED = "JBO-27123";
  public static final String PARAMETER = "JBO-27024";
  public static final String NOT_FOUND = "JBO-25020";

  private final int status;
  private final String code;
  private final String path;

  public QueryException(int status, String code, String message, String path) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path;
  }

  public static QueryException badRequest(String code, String message) {
    return new QueryException(400, code, message, null);
  }

  public static QueryException notFound(String message) {
    return new QueryException(404, NOT_FOUND, message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The o:errorPath, or null. */
  public String path() {
    return path;
  }
}
