package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 16 threads with a connection each, and 4 threads sharing one connection, run a bounded number of mixed queries
 * (multi-page scans, pushed filters, COUNT, ordered LIMIT, prepared parameters, a small HCM resource) whose
 * parameters differ per thread and per iteration, so a result set that received another query's rows would show.
 * Every result is compared with an evaluation over the emulator's rows; no error is allowed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConcurrencyIT {
  private static final int ROWS = 3_000;
  private static final int ITERATIONS = 12;
  private static StressPod pod;
  private static List<Map<String, Object>> invoices;
  private static List<Long> supplierIds;
  private static long departments;

  @BeforeAll
  static void start() {
    pod = StressPod.start(o -> o.rows(ROWS).latencyMs(3));
    invoices = pod.emulator.data().rows("invoices");
    supplierIds = invoices.stream().map(r -> (Long) r.get("SupplierId")).distinct().sorted().toList();
    departments = pod.emulator.data().rows("departments").size();
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  @Test
  void sixteenOwnConnectionsAndFourSharingOneGiveExactResultsWithoutCrossTalk() throws Exception {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(20, r -> {
      Thread t = new Thread(r, "it-stress-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    long seqBefore = pod.lastSeq();
    Figures fig = Figures.start("concurrency/16-own+4-shared");
    AtomicInteger queries = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    try (Connection shared = pod.connect("basic", "pageSize=200")) {
      for (int t = 0; t < 20; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          if (thread < 16) {
            try (Connection own = pod.connect(thread % 2 == 0 ? "jwt" : "oauth", "pageSize=200")) {
              run(own, thread, queries);
            }
          } else {
            run(shared, thread, queries);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(170, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long requests = pod.emulator.journal().filter(e -> e.seq() > seqBefore).size();
    fig.put("threads", 20).put("queries", queries.get()).put("requests", requests).print();
    assertThat(pod.emulator.journal().filter(e -> e.seq() > seqBefore && e.status() != 200))
        .as("failed requests").isEmpty();
  }

  private static void run(Connection c, int thread, AtomicInteger queries) throws SQLException {
    for (int i = 0; i < ITERATIONS; i++) {
      long supplier = supplierIds.get((thread * 7 + i * 3) % supplierIds.size());
      switch ((thread + i) % 5) {
        case 0 -> assertThat(ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"SupplierId\" = " + supplier
            + " ORDER BY \"InvoiceId\"")).as("thread %d supplier %d", thread, supplier).isEqualTo(
            invoices.stream().filter(r -> r.get("SupplierId").equals(supplier)).map(r -> (Long) r.get("InvoiceId"))
                .toList());
        case 1 -> {
          List<Long> all = ids(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"");
          assertThat(all).as("thread %d full scan", thread).hasSize(ROWS).doesNotHaveDuplicates();
        }
        case 2 -> {
          BigDecimal floor = BigDecimal.valueOf(1_000L * (thread + 1) + i);
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
              "SELECT COUNT(*) FROM FSCM.\"invoices\" WHERE \"InvoiceAmount\" > " + floor)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("thread %d count above %s", thread, floor).isEqualTo(invoices.stream()
                .filter(r -> ((BigDecimal) r.get("InvoiceAmount")).compareTo(floor) > 0).count());
          }
        }
        case 3 -> {
          int limit = 50 + thread * 10 + i;
          try (PreparedStatement ps = c.prepareStatement("SELECT \"InvoiceId\", \"InvoiceNumber\" FROM "
              + "FSCM.\"invoices\" WHERE \"InvoiceId\" >= ? ORDER BY \"InvoiceId\" LIMIT " + limit)) {
            int from = (thread * 97 + i * 13) % (ROWS - limit);
            ps.setLong(1, (Long) invoices.get(from).get("InvoiceId"));
            List<Long> got = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                got.add(rs.getLong(1));
                assertThat(rs.getString(2)).isEqualTo(invoices.get(from + got.size() - 1).get("InvoiceNumber"));
              }
            }
            assertThat(got).as("thread %d window from %d", thread, from).isEqualTo(invoices.subList(from, from + limit)
                .stream().map(r -> (Long) r.get("InvoiceId")).toList());
          }
        }
        default -> assertThat(StressPod.count(c, "SELECT * FROM HCM.\"departments\"")).isEqualTo(departments);
      }
      queries.incrementAndGet();
    }
  }

  private static List<Long> ids(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
