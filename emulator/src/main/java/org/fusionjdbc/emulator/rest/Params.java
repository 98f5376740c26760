package org.fusionjdbc.emulator.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decoded query parameters; the first occurrence of a name wins, {@code +} decodes to a space. */
final class Params {
  private Params() {}

  static Map<String, String> parse(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Collections.unmodifiableMap(out);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw org.fusionjdbc.emulator.query.QueryException.badRequest(
            org.fusionjdbc.emulator.query.QueryException.PARAMETER,
            "Malformed percent-encoding in query parameter '" + k + "'.");
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
