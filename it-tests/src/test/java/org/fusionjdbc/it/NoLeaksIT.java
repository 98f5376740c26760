package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Connections, statements and scans leave nothing behind once closed: no driver thread stays alive and no TCP
 * connection to the pod stays established (read from /proc/net/tcp, the kernel's view, so a pooled socket the
 * driver forgot cannot hide). Emulator and test threads are not the driver's and are ignored.
 */
class NoLeaksIT {
  private final Pod pod = Pod.get();

  @Test
  void closingConnectionsReleasesTheirThreadsAndSockets() throws Exception {
    Set<Long> initial = driverThreads().keySet();
    runWorkload(1); // first use: class loading and JVM-wide singletons (log handler, timers) are not leaks
    Set<Long> before = driverThreads().keySet();

    runWorkload(8);

    Map<Long, String> leaked = waitUntil(() -> {
      Map<Long, String> now = driverThreads();
      now.keySet().removeAll(before);
      return now;
    });
    assertThat(leaked).as("threads the closed connections left running").isEmpty();
    // not even a JVM-wide one of the driver's own started by the first workload (the scan watcher was one): none
    // outlives its connections, so an application server's redeploy can drop the driver's class loader
    Map<Long, String> own = waitUntil(() -> {
      Map<Long, String> now = driverThreads();
      now.keySet().removeAll(initial);
      now.values().removeIf(name -> !name.startsWith("fusion-"));
      return now;
    });
    assertThat(own).as("driver threads alive after the last connection closed").isEmpty();
    assertThat(waitUntil(this::establishedToPod)).as("TCP connections to the pod after every connection was closed")
        .isEmpty();
  }

  private void runWorkload(int connections) throws SQLException {
    List<Connection> open = new ArrayList<>();
    try {
      String[] modes = {"jwt", "oauth", "basic", "bearer"};
      for (int i = 0; i < connections; i++) {
        Connection c = pod.connect(pod.props(modes[i % modes.length]));
        open.add(c);
        try (Statement st = c.createStatement();
            // several pages (first page 50, then larger), so paging and prefetch threads are exercised
            ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 1200")) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          assertThat(n).isEqualTo(1200);
        }
        // a result set left open: closing the connection must release it too
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM HCM.\"workers\"");
        assertThat(rs.next()).isTrue();
      }
      // the kernel view sees the open connections' sockets, so an empty list after close means something
      assertThat(establishedToPod()).as("sockets of %d open connections", connections).isNotEmpty();
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
  }

  /** Live threads that are not the emulator's, the JDK's or this suite's. */
  private static Map<Long, String> driverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("fusion-emulator") && !t.getName().startsWith("it-")
            && !t.getName().startsWith("HTTP-Dispatcher") && t.getThreadGroup() != null
            && !"system".equals(t.getThreadGroup().getName()))
        .collect(Collectors.toMap(Thread::getId, t -> t.getName() + " (" + t.getState() + ")"));
  }

  /** Client-side ESTABLISHED TCP connections whose remote port is the emulator's. */
  private List<String> establishedToPod() {
    String port = String.format(Locale.ROOT, "%04X", pod.emulator.port());
    List<String> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.isReadable(p)) {
        continue;
      }
      try {
        for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && f[2].endsWith(":" + port) && f[3].equals("01")) {
            out.add(f[1] + " -> " + f[2]);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + table, e);
      }
    }
    return out;
  }

  /** Polls until the value is empty or five seconds have passed (closing is allowed to finish asynchronously). */
  private static <T> T waitUntil(java.util.function.Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    T value = probe.get();
    while (!isEmpty(value) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      value = probe.get();
    }
    return value;
  }

  private static boolean isEmpty(Object v) {
    return v instanceof Map<?, ?> m ? m.isEmpty() : ((List<?>) v).isEmpty();
  }
}
