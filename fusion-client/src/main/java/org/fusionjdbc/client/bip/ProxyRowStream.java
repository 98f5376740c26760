package org.fusionjdbc.client.bip;

import java.util.List;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.query.RowStream;

/**
 * Rows of one proxy query, streamed while the SOAP response arrives, whichever report shape answered it
 * ({@link ProxyShape}). Holds an HTTP connection until closed. Not thread-safe, except {@link #cancel()}.
 */
public interface ProxyRowStream extends RowStream {
  /** The columns with their Oracle types, in select order. */
  List<ProxyColumn> columns();

  /** The report shape that produced these rows. */
  ProxyShape shape();
}
