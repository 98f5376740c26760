package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tableau and DBeaver call {@code Statement.cancel()} from another thread, and Spark sets a query timeout. Against a
 * pod that answers every request after {@link #LATENCY_MS}, a scan must stop within {@link #STOP_WITHIN_MS} of the
 * cancel (or of the timeout), i.e. the in-flight HTTP request is abandoned rather than awaited, and the statement
 * fails with 57014 (cancelled) or HYT00 (timeout). The bound is eight times shorter than one request's latency, so
 * a driver that waits for the response cannot pass by luck; it is generous for a loaded 2-core machine otherwise.
 */
class CancelAndTimeoutIT {
  static final long LATENCY_MS = 8_000;
  static final long STOP_WITHIN_MS = 1_000;
  static FusionEmulator slowPod;

  @BeforeAll
  static void startSlowPod() {
    slowPod = Pod.get().start(EmulatorOptions.builder().rows(Pod.ROWS));
  }

  @AfterAll
  static void stopSlowPod() {
    slowPod.close();
  }

  @AfterEach
  void fastAgain() {
    slowPod.faults().latencyMs(0);
  }

  /**
   * A connection that has already described the resource (as a tool's browsing does) on a fast pod; from then on
   * every request takes LATENCY_MS, so what is slow is the scan itself.
   */
  private static Connection connect() throws SQLException {
    Properties p = Pod.get().basic();
    p.setProperty("maxRetries", "0");
    Connection c = DriverManager.getConnection(EmulatedPod.url(slowPod, ""), p);
    try (ResultSet rs = c.getMetaData().getColumns(null, "FSCM", "invoices", "%")) {
      assertThat(rs.next()).isTrue();
    }
    slowPod.faults().latencyMs(LATENCY_MS);
    return c;
  }

  @Test
  void cancelFromAnotherThreadStopsASlowScanWithinASecond() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Throwable> scan = CompletableFuture.supplyAsync(() -> {
        started.countDown();
        try (ResultSet rs = st.executeQuery("SELECT * FROM FSCM.\"invoices\"")) {
          while (rs.next()) {
            rs.getObject(1);
          }
          return null;
        } catch (Throwable t) {
          return t;
        }
      }, daemonExecutor("it-cancel-scan"));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      awaitRequestInFlight();
      long cancelledAt = System.nanoTime();
      st.cancel();
      Throwable outcome = stopsWithin(scan, cancelledAt);
      assertThat(outcome).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).as(e.toString()).isEqualTo("57014"));
    }
  }

  @Test
  void queryTimeoutStopsASlowScanWithinASecondOfExpiring() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.setQueryTimeout(1);
      long start = System.nanoTime();
      CompletableFuture<Throwable> scan = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = st.executeQuery("SELECT * FROM FSCM.\"invoices\"")) {
          while (rs.next()) {
            rs.getObject(1);
          }
          return null;
        } catch (Throwable t) {
          return t;
        }
      }, daemonExecutor("it-timeout-scan"));
      Throwable outcome = stopsWithin(scan, start + TimeUnit.SECONDS.toNanos(1));
      assertThat(outcome).isInstanceOfSatisfying(SQLTimeoutException.class,
          e -> assertThat(e.getSQLState()).as(e.toString()).isEqualTo("HYT00"));
    }
  }

  /** The scan has sent its first request (the describe or the first page) and is waiting for the slow answer. */
  private static void awaitRequestInFlight() throws InterruptedException {
    // The journal records a request when it completes, so it cannot show one in flight; the first request is sent
    // well within this pause, and every answer takes LATENCY_MS.
    Thread.sleep(1_500);
  }

  private static Throwable stopsWithin(CompletableFuture<Throwable> scan, long fromNanos)
      throws InterruptedException, ExecutionException {
    long deadline = fromNanos + TimeUnit.MILLISECONDS.toNanos(STOP_WITHIN_MS);
    try {
      return scan.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      String where = Thread.getAllStackTraces().entrySet().stream()
          .filter(t -> t.getKey().getName().startsWith("it-") && t.getKey().getName().endsWith("-scan"))
          .map(t -> java.util.Arrays.stream(t.getValue()).limit(25).map(String::valueOf)
              .collect(java.util.stream.Collectors.joining("\n  at ")))
          .findFirst().orElse("?");
      long waited = System.nanoTime();
      Throwable late;
      try {
        late = scan.get(2 * LATENCY_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        late = stillRunning;
      }
      throw new AssertionError("the scan was still running " + STOP_WITHIN_MS + " ms after it should have stopped "
          + "(each request takes " + LATENCY_MS + " ms); it ended " + (System.nanoTime() - waited) / 1_000_000
          + " ms later with " + late + "; it was waiting in:\n  at " + where, e);
    }
  }

  private static java.util.concurrent.Executor daemonExecutor(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      t.start();
    };
  }
}
