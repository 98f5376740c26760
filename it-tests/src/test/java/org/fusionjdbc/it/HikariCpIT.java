package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * HikariCP with its DEFAULT configuration (only URL and credentials): the pool starts (it sends setReadOnly(false),
 * setAutoCommit, isValid and network timeouts to each connection), 8 threads run 50 queries each with correct rows,
 * evicted connections are replaced, and after close no pool or driver thread is left.
 */
class HikariCpIT {
  private static final String QUERY = "SELECT \"InvoiceId\", \"InvoiceAmount\" FROM FSCM.\"invoices\" "
      + "WHERE \"InvoiceId\" >= ? ORDER BY \"InvoiceId\" LIMIT ?";

  private final ClientPod pod = ClientPod.get();
  private static long firstId;

  @Test
  void defaultPoolServesEightThreadsThenEvictsAndClosesWithoutLeavingAThread() throws Exception {
    List<String> expected = new ArrayList<>();
    try (Connection twin = pod.twin()) {
      try (ResultSet rs = twin.createStatement().executeQuery("SELECT MIN(\"InvoiceId\") FROM FSCM.\"invoices\"")) {
        rs.next();
        firstId = rs.getLong(1);
      }
      for (int t = 0; t < 8; t++) {
        expected.add(rows(twin, t));
        assertThat(expected.get(t)).isNotEmpty();
      }
    }
    // threads of connections other test classes keep open (and the scan watcher while they scan) are theirs
    java.util.Set<Long> threadsBefore = DriverThreads.ids();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pod.url(""));
    config.setUsername(pod.user());
    config.setPassword(pod.password());
    config.addDataSourceProperty("auth", "basic");
    HikariDataSource ds = new HikariDataSource(config);
    try {
      ExecutorService workers = Executors.newFixedThreadPool(8, r -> new Thread(r, "it-hikari-worker"));
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(workers.submit(() -> {
          for (int q = 0; q < 50; q++) {
            try (Connection c = ds.getConnection()) {
              assertThat(c.isReadOnly()).isTrue();
              assertThat(rows(c, thread)).as("thread %d query %d", thread, q).isEqualTo(expected.get(thread));
            }
          }
          return 50;
        }));
      }
      int queries = 0;
      for (Future<Integer> f : done) {
        queries += f.get();
      }
      workers.shutdown();
      assertThat(queries).isEqualTo(400);

      ds.getHikariPoolMXBean().softEvictConnections();
      try (Connection c = ds.getConnection()) {
        assertThat(rows(c, 3)).isEqualTo(expected.get(3));
      }
    } finally {
      ds.close();
    }
    assertThat(ds.isClosed()).isTrue();
    assertThat(DriverThreads.newSinceAfterWaiting(threadsBefore,
        n -> n.contains("HikariPool") || DriverThreads.isDriverThread(n)))
        .as("pool and driver threads after the pool closed").isEmpty();
  }

  /** A thread's own slice of invoices, as text (bound as Long, which jOOQ and Spring also send for LIMIT). */
  private static String rows(Connection c, int thread) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(QUERY)) {
      ps.setObject(1, firstId + thread * 20L);
      ps.setObject(2, 5L + thread);
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getLong(1)).append('=').append(rs.getBigDecimal(2)).append(';');
        }
      }
      return out.toString();
    }
  }
}
