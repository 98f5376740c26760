package org.fusionjdbc.client.exchange;

import java.time.Duration;

/** Waits between two attempts of an {@link HttpExchange}; tests replace it so retries take no wall-clock time. */
@FunctionalInterface
public interface Pause {
  /** Waits on the statement's cancel switch: a cancel (or an interrupt) ends the wait with CANCELLED. */
  Pause CANCELLABLE = (delay, cancel) -> cancel.sleep(delay.toMillis());

  void pause(Duration delay, Cancellation cancel);
}
