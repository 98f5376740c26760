package org.fusionjdbc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the client's threads (the caller and the driver's or the HTTP client's workers) between two points,
 * leaving out the in-process emulator's threads and the JIT compilers. Steadier than wall-clock time on a machine
 * whose cores other work shares. Stop it before the connection closes: threads that end are not counted.
 */
final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> start = snapshot();

  private static Map<Long, Long> snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null || !client(info.getThreadName())) {
        continue;
      }
      long ns = THREADS.getThreadCpuTime(info.getThreadId());
      if (ns >= 0) {
        cpu.put(info.getThreadId(), ns);
      }
    }
    return cpu;
  }

  private static boolean client(String name) {
    return !name.startsWith("fusion-emulator-") && !name.startsWith("HTTP-Dispatcher")
        && !name.contains("CompilerThread") && !name.startsWith("server-timer");
  }

  /** Client CPU milliseconds since this clock started. */
  double ms() {
    long total = 0;
    for (Map.Entry<Long, Long> e : snapshot().entrySet()) {
      total += e.getValue() - start.getOrDefault(e.getKey(), 0L);
    }
    return total / 1e6;
  }
}
