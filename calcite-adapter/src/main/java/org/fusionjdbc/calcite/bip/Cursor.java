package org.fusionjdbc.calcite.bip;

import java.util.List;
import org.fusionjdbc.client.bip.ProxyColumn;

/** Rows with Oracle-typed columns, read forward once; what the JDBC layer's ResultSet wraps. */
interface Cursor extends AutoCloseable {
  List<ProxyColumn> columns();

  boolean next();

  /** The current row, valid until the next call to {@link #next()}. */
  Object[] row();

  /** Stops from any thread (the next {@link #next()} throws). */
  default void cancel() {
    close();
  }

  @Override
  void close();
}
