package org.fusionjdbc.emulator.faults;

/** Faults the emulator can inject into a REST response. */
public enum Fault {
  /** 429 with {@code Retry-After} (seconds from the plan), empty body. */
  THROTTLE_429,
  /** 503 with an HTML maintenance page, as a gateway answers. */
  UNAVAILABLE_503,
  /** 500 with an empty body (ADF 12.2.1.4 behaviour). */
  ERROR_500,
  /** Status 200 and a Content-Length, then half the body and the connection is dropped. */
  DROP_MID_BODY,
  /** Status 200 with a JSON body cut in half (valid HTTP, invalid JSON). */
  MALFORMED_JSON,
  /** Status 200 with an HTML page instead of JSON (an SSO or proxy page). */
  HTML_200,
  /** The normal body written in 512-byte pieces with {@code slowBodyDelayMs} between them. */
  SLOW_BODY
}
