package org.fusionjdbc.client.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Consumes a successful response body. Runs inside the transport's retry loop, so it must not publish
 * anything before it returns: a failure while reading (a dropped connection) re-requests the same page.
 */
@FunctionalInterface
public interface BodyReader<T> {

  T read(InputStream body) throws IOException;

  /** Rows in the result, for the trace line; -1 when not applicable. */
  default long rows(T result) {
    return -1;
  }
}
