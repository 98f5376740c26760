package org.fusionjdbc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Child-JVM side of the memory benchmark: reads the connection settings (url, sql and the driver Properties) from
 * stdin, so no secret is on a command line, streams the whole result through JDBC and prints one JSON line with
 * the rows, the heap pools' peak (garbage included) and the largest heap left after any GC (the live set).
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    Properties in = new Properties();
    in.load(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String url = (String) in.remove("bench.url");
    String sql = (String) in.remove("bench.sql");
    if (url == null || sql == null) {
      System.err.println("stdin must hold bench.url, bench.sql and the driver properties");
      System.exit(2);
    }
    AtomicLong maxAfterGc = new AtomicLong();
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
          maxAfterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    Jdbc.Read read;
    try (Connection c = DriverManager.getConnection(url, in)) {
      read = Jdbc.readAll(c, sql);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", read.rows());
    out.put("ms", ms);
    out.put("peakHeapMb", peak / 1048576.0);
    out.put("maxLiveAfterGcMb", maxAfterGc.get() / 1048576.0);
    out.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576.0);
    System.out.println("MEMORY " + new ObjectMapper().writeValueAsString(out));
  }
}
