package sqlline;

import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * Lives in sqlline's package only to reach {@code handleSQLException}, which is package-private: sqlline prints a
 * stack trace for every warning raised while it starts, which includes each {@code -e} statement, and the driver
 * reports what a plan leaves to it as warnings. Here a warning is one line; {@code --verbose=true} keeps the trace.
 */
public abstract class OneLineWarnings extends SqlLine {

  /** The line shown for a warning. */
  protected abstract String describe(SQLWarning warning);

  @Override
  void handleSQLException(SQLException e) {
    if (e instanceof SQLWarning w && !getOpts().getVerbose()) {
      error(describe(w)); // showWarnings walks the chain itself
      return;
    }
    super.handleSQLException(e);
  }
}
