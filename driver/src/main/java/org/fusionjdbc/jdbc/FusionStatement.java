package org.fusionjdbc.jdbc;

import java.sql.SQLException;
import org.fusionjdbc.client.query.ScanProgress;

/**
 * What {@code statement.unwrap(FusionStatement.class)} gives: how far the statement's current (or last) query has
 * got, added up over its REST scans (a join runs several). Callable from another thread while the query runs.
 */
public interface FusionStatement {
  /** Requests, pages, rows fetched from Fusion and rows handed on, and the longest scan's elapsed time. */
  ScanProgress progress() throws SQLException;
}
