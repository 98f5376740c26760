package org.fusionjdbc.cli.check;

/**
 * One step of {@code fusion-sql --check}. Steps run in order and the check stops at the first that fails, so a
 * step may rely on what earlier steps left in the {@link CheckContext}. To add a step, write a class and list it
 * in {@link FirstContactCheck#STEPS}.
 */
public interface CheckStep {
  /** A short name for the report ("token", "tls", ...). */
  String name();

  /** Runs the step; an exception the step does not handle counts as a failure with its message. */
  StepResult run(CheckContext context) throws Exception;
}
