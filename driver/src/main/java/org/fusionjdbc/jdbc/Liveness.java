package org.fusionjdbc.jdbc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.error.FusionException;

/**
 * {@code Connection.isValid(timeout)}: one small authenticated request (the REST version list of the default
 * family) within the timeout, false on a dead pod or a refused token. Rate-limited: an answer younger than
 * {@link #REUSE_NANOS} is reused, so a pool that validates on every borrow does not hammer the pod.
 */
final class Liveness {
  static final long REUSE_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final Logger LOG = Logger.getLogger(FusionDriver.LOGGER_NAME);
  private static final ExecutorService CHECKS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fusion-jdbc-isValid");
    t.setDaemon(true);
    return t;
  });

  private final FusionClient client;
  private final String contextRoot;
  private long answeredAt;
  private boolean lastAnswer;
  private CompletableFuture<Boolean> running;

  /** {@code provenNow}: getConnection has just made an authenticated request that succeeded. */
  Liveness(FusionClient client, String contextRoot, boolean provenNow) {
    this.client = client;
    this.contextRoot = contextRoot;
    if (provenNow) {
      answeredAt = System.nanoTime();
      lastAnswer = true;
    } else {
      answeredAt = System.nanoTime() - REUSE_NANOS - 1;
    }
  }

  /** @param timeoutSeconds JDBC's timeout; 0 means no limit */
  boolean isValid(int timeoutSeconds) throws java.sql.SQLException {
    if (timeoutSeconds < 0) {
      throw new java.sql.SQLException("isValid timeout must not be negative: " + timeoutSeconds, "HY000");
    }
    CompletableFuture<Boolean> check;
    synchronized (this) {
      if (System.nanoTime() - answeredAt < REUSE_NANOS) {
        return lastAnswer;
      }
      if (running == null) {
        running = CompletableFuture.supplyAsync(this::probe, CHECKS);
      }
      check = running; // concurrent callers share one request
    }
    try {
      return timeoutSeconds == 0 ? check.get() : check.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return false; // the probe goes on and records its answer for the next call
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  private boolean probe() {
    boolean alive;
    try {
      client.restVersions(contextRoot);
      alive = true;
    } catch (FusionException e) {
      // a pod that does not list versions still proved it is up and took the token; anything else is not valid
      alive = e.kind() == FusionException.Kind.NOT_FOUND;
      LOG.fine("isValid: " + (alive ? "valid" : "not valid") + " after " + e.getMessage());
    } catch (RuntimeException e) {
      alive = false;
      LOG.fine("isValid: not valid after " + e);
    }
    synchronized (this) {
      answeredAt = System.nanoTime();
      lastAnswer = alive;
      running = null;
    }
    return alive;
  }
}
