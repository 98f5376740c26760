package org.fusionjdbc.calcite;

/**
 * A value Fusion sent that the driver cannot read as its column's type, even leniently (see {@link RowConverter}).
 * Carries an SQL-standard data-exception SQLState so the driver reports it as a {@code 22xxx} error that names the
 * resource, the attribute and the value, never as a generic failure.
 */
public final class WireValueException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** 22003: numeric value out of range. */
  static final String OUT_OF_RANGE = "22003";
  /** 22007: invalid datetime format. */
  static final String DATETIME = "22007";
  /** 22018: invalid character value for cast. */
  static final String NOT_A_VALUE = "22018";

  private final String sqlState;

  public WireValueException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** One of 22003, 22007, 22018. */
  public String sqlState() {
    return sqlState;
  }
}
