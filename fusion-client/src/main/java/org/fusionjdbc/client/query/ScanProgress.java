package org.fusionjdbc.client.query;

import java.time.Duration;

/** A snapshot of how far a scan has got, for progress reporting and tests. */
public record ScanProgress(long requests, long pages, long rowsFetched, long rowsReturned, Duration elapsed) {
}
