package org.fusionjdbc.cli.check;

import java.util.Optional;

/**
 * What a step found: a status, one line of detail (never a secret) and, when it failed or warns, what to fix.
 *
 * @param status the outcome
 * @param detail one line for the report
 * @param fix what the user should change, for FAIL and WARN
 */
public record StepResult(Status status, String detail, Optional<String> fix) {
  /** OK and WARN and SKIP let the check go on; FAIL stops it. */
  public enum Status { OK, WARN, SKIP, FAIL }

  public static StepResult ok(String detail) {
    return new StepResult(Status.OK, detail, Optional.empty());
  }

  public static StepResult skip(String detail) {
    return new StepResult(Status.SKIP, detail, Optional.empty());
  }

  public static StepResult warn(String detail, String fix) {
    return new StepResult(Status.WARN, detail, Optional.of(fix));
  }

  public static StepResult fail(String detail, String fix) {
    return new StepResult(Status.FAIL, detail, Optional.of(fix));
  }
}
