package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.ScanProgress;
import org.junit.jupiter.api.Test;

class RunningScanTest {
  @Test
  void theWatcherCancelsARaisedFlagAndNoWatcherThreadOutlivesTheLastScan() throws Exception {
    AtomicInteger cancels = new AtomicInteger();
    AtomicBoolean flag = new AtomicBoolean();
    RunningScan scan = RunningScan.start(stream(cancels), flag, 0);
    assertThat(watcherThreads()).isOne();
    flag.set(true);
    waitFor(() -> cancels.get() > 0);
    scan.end();

    waitFor(() -> watcherThreads() == 0);
    assertThat(watcherThreads()).as("fusion-scan-watch threads after the last scan ended").isZero();

    // and the next scan gets a watcher again
    AtomicBoolean second = new AtomicBoolean(true);
    AtomicInteger secondCancels = new AtomicInteger();
    RunningScan again = RunningScan.start(stream(secondCancels), second, 0);
    waitFor(() -> secondCancels.get() > 0);
    assertThat(secondCancels.get()).isPositive();
    again.end();
    waitFor(() -> watcherThreads() == 0);
    assertThat(watcherThreads()).isZero();
  }

  private static long watcherThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("fusion-scan-watch")).count();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static RowStream stream(AtomicInteger cancels) {
    return new RowStream() {
      @Override
      public List<String> fields() {
        return List.of();
      }

      @Override
      public boolean next() {
        return false;
      }

      @Override
      public Object[] row() {
        return new Object[0];
      }

      @Override
      public ScanProgress progress() {
        return new ScanProgress(0, 0, 0, 0, Duration.ZERO);
      }

      @Override
      public void cancel() {
        cancels.incrementAndGet();
      }

      @Override
      public void close() {
      }
    };
  }
}
