package org.fusionjdbc.emulator.journal;

import java.util.Map;

/**
 * One request as the emulator saw it.
 *
 * @param params decoded query parameters (q, fields, orderBy, limit, offset, ...)
 * @param frameworkVersion the effective REST-Framework-Version, or 0 when the header was invalid
 * @param authKind basic, jwt, oauth, bearer (default authenticator) or none
 * @param rows items returned (0 for errors and describe)
 * @param rowsExamined rows generated and tested to answer (the O(page) evidence)
 * @param fault the fault applied, or null
 */
public record JournalEntry(long seq, String method, String path, String rawQuery, Map<String, String> params,
    int frameworkVersion, String authKind, String principal, int status, int rows, long rowsExamined, long bytes,
    long durationMs, String fault) {
  public JournalEntry {
    params = Map.copyOf(params);
  }

  /** A decoded query parameter, or null. */
  public String param(String name) {
    return params.get(name);
  }
}
