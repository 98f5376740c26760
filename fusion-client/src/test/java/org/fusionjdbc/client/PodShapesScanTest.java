package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.client.query.SortKey;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against an emulator that behaves like the recorded pods: every item keyed by an opaque minted hash
 * (a URL built from the key is 404), expanded child pages capped at two rows per parent, and the page size capped
 * by the pod (7, 300, 499). Every scan must return exactly the rows of the uncapped reference.
 */
class PodShapesScanTest {
  private static final int ROWS = 400;
  /** Parents of the child tests: about 60% of them have more lines than an expanded page holds. */
  private static final int PARENTS = 150;
  private static FusionEmulator reference;

  @BeforeAll
  static void start() {
    reference = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(ROWS).build());
  }

  @AfterAll
  static void stop() {
    reference.close();
  }

  private static FusionEmulator pod(int cap, int rows) {
    return FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(rows)
        .hashItemIds(true).childLimit(2).maxLimit(cap).build());
  }

  private static List<List<Object>> drain(RowStream s) {
    List<List<Object>> out = new ArrayList<>();
    try (s) {
      while (s.next()) {
        out.add(Arrays.asList(s.row().clone()));
      }
    }
    return out;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(r -> r.toString()));
    return copy;
  }

  private static List<JournalEntry> notFound(FusionEmulator e) {
    return e.journal().filter(j -> j.status() == 404);
  }

  /** Every parent's lines from the data set, in parent key order then line order: the oracle. */
  private static List<List<Object>> expectedLines(FusionEmulator e) {
    List<List<Object>> out = new ArrayList<>();
    for (Map<String, Object> p : e.data().rows("invoices")) {
      long id = ((Number) p.get("InvoiceId")).longValue();
      for (Map<String, Object> line : e.data().children("invoices", id, "invoiceLines")) {
        out.add(List.of(id, ((Number) line.get("LineNumber")).longValue()));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 300, 499})
  void childScansFollowTheNestedLinkOfParentsWithMoreUnderAnyPageCap(int cap) {
    try (FusionEmulator pod = pod(cap, PARENTS); FusionClient c = EmulatorScanTest.client(pod, b -> b.parallelism(1))) {
      QuerySpec parents = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices")).fields(List.of("InvoiceId"))
          .build();
      c.describe("fscmRestApi", "invoices");
      pod.journal().clear();
      assertThat(drain(c.scanChildren(parents, "invoiceLines", List.of("LineNumber")))).isEqualTo(expectedLines(pod));
      long parentsWithMore = pod.data().rows("invoices").stream().filter(p -> pod.data().children("invoices",
          ((Number) p.get("InvoiceId")).longValue(), "invoiceLines").size() > 2).count();
      assertThat(parentsWithMore).isPositive();
      List<JournalEntry> followUps = pod.journal().filter(j -> j.path().endsWith("/child/invoiceLines"));
      assertThat(followUps).as("one request per parent whose nested page had more (their lines fit one page)")
          .hasSize((int) parentsWithMore).allMatch(j -> j.path().contains("/invoices/00020000000EACED0005"));
      List<JournalEntry> parentPages = pod.journal().filter(j -> j.path().endsWith("/invoices"));
      assertThat(parentPages).allMatch(j -> "true".equals(j.param("onlyData")));
      assertThat(parentPages.size()).as("parent pages of the pod's size").isLessThanOrEqualTo(PARENTS / cap + 2);
      assertThat(notFound(pod)).isEmpty();
    }
  }

  @Test
  void followUpsLongerThanThePodsPageAreReadExactly() {
    try (FusionEmulator pod = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1")
        .rows(60).hashItemIds(true).childLimit(1).maxLimit(2).build());
         FusionClient c = EmulatorScanTest.client(pod, b -> b.parallelism(1))) {
      QuerySpec parents = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices")).fields(List.of("InvoiceId"))
          .build();
      assertThat(drain(c.scanChildren(parents, "invoiceLines", List.of("LineNumber")))).isEqualTo(expectedLines(pod));
      long parentsWithMore = pod.data().rows("invoices").stream().filter(p -> pod.data().children("invoices",
          ((Number) p.get("InvoiceId")).longValue(), "invoiceLines").size() > 1).count();
      List<JournalEntry> followUps = pod.journal().filter(j -> j.path().endsWith("/child/invoiceLines"));
      assertThat(followUps.size()).as("lines of up to 5 at 2 a page: several pages per parent")
          .isGreaterThan((int) parentsWithMore);
      assertThat(followUps).allMatch(j -> j.rows() <= 2 && j.status() == 200);
    }
  }

  @Test
  void compositeHashKeyedParentsAreFollowedThroughTheirLinkToo() {
    try (FusionEmulator pod = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1")
        .rows(100).childLimit(1).build()); FusionClient c = EmulatorScanTest.client(pod, b -> b.parallelism(1))) {
      List<Map<String, Object>> workers = pod.data().rows("workers").subList(0, 200);
      Object last = workers.get(workers.size() - 1).get("PersonId");
      QuerySpec parents = QuerySpec.builder(ResourcePath.of("hcmRestApi", "workers")).fields(List.of("PersonId"))
          .filter(QExpr.compare("PersonId", QExpr.Op.LE, QValue.of(((Number) last).longValue()))).build();
      List<List<Object>> expected = new ArrayList<>();
      for (Map<String, Object> w : workers) {
        long id = ((Number) w.get("PersonId")).longValue();
        pod.data().children("workers", id, "names").forEach(n -> expected.add(List.of(id, n.get("LastName"))));
      }
      assertThat(sorted(drain(c.scanChildren(parents, "names", List.of("LastName"))))).isEqualTo(sorted(expected));
      assertThat(pod.journal().filter(j -> j.path().endsWith("/child/names"))).isNotEmpty()
          .allMatch(j -> j.status() == 200);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 300, 499})
  void aFixedParentKeyFindsTheParentByQAndReadsTheChildrenAtItsLink(int cap) {
    try (FusionEmulator pod = pod(cap, PARENTS); FusionClient c = EmulatorScanTest.client(pod, b -> b.parallelism(1))) {
      List<Map<String, Object>> invoices = pod.data().rows("invoices");
      for (int i = 0; i < 40; i += 3) {
        long id = ((Number) invoices.get(i).get("InvoiceId")).longValue();
        List<Map<String, Object>> lines = pod.data().children("invoices", id, "invoiceLines");
        ResourcePath path = ResourcePath.of("fscmRestApi", "invoices").child(Long.toString(id), "invoiceLines");
        List<List<Object>> all = drain(c.scan(QuerySpec.builder(path).fields(List.of("LineNumber", "LineAmount"))
            .build()));
        assertThat(all).extracting(r -> ((Number) r.get(0)).longValue())
            .containsExactlyElementsOf(lines.stream().map(l -> ((Number) l.get("LineNumber")).longValue()).toList());
        List<List<Object>> filtered = drain(c.scan(QuerySpec.builder(path).fields(List.of("LineNumber"))
            .filter(QExpr.compare("LineNumber", QExpr.Op.GT, QValue.of(1)))
            .orderBy(List.of(SortKey.desc("LineNumber"))).limit(2).build()));
        assertThat(filtered).extracting(r -> ((Number) r.get(0)).longValue())
            .containsExactlyElementsOf(lines.stream().map(l -> ((Number) l.get("LineNumber")).longValue())
                .filter(n -> n > 1).sorted(Comparator.reverseOrder()).limit(2).toList());
        assertThat(c.count(QuerySpec.builder(path).fields(List.of("LineNumber")).build())).isEqualTo(lines.size());
      }
      String missing = "1";
      assertThat(drain(c.scan(QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices")
          .child(missing, "invoiceLines")).fields(List.of("LineNumber")).build()))).as("no such parent").isEmpty();
      assertThat(notFound(pod)).as("no URL was built from a key").isEmpty();
      assertThat(pod.journal().filter(j -> j.path().matches(".*/invoices/\\d+(/.*)?"))).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 300, 499})
  void keysetOffsetSortedAndSlicedScansAreExactUnderAPageCap(int cap) {
    QuerySpec.Builder base = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
        .fields(List.of("InvoiceId", "InvoiceAmount", "InvoiceCurrency"));
    List<QuerySpec> specs = List.of(
        base.build(), // keyset on the key (sliced when parallel)
        base.filter(QExpr.compare("InvoiceAmount", QExpr.Op.GT, QValue.of(1000))).limit(250).build(),
        QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices")).fields(List.of("InvoiceId", "InvoiceAmount"))
            .orderBy(List.of(SortKey.desc("InvoiceAmount"))).build(), // sorted keyset
        QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices")).fields(List.of("InvoiceId", "InvoiceCurrency"))
            .orderBy(List.of(SortKey.asc("InvoiceCurrency"))).offset(11).limit(900).build()); // offset paging
    try (FusionEmulator pod = pod(cap, ROWS);
         FusionClient ref = EmulatorScanTest.client(reference, b -> b.parallelism(1));
         FusionClient serial = EmulatorScanTest.client(pod, b -> b.parallelism(1).firstPageSize(50).pageSize(500));
         FusionClient parallel = EmulatorScanTest.client(pod, b -> b.parallelism(4).firstPageSize(20).pageSize(100))) {
      for (QuerySpec spec : specs) {
        List<List<Object>> expected = drain(ref.scan(spec));
        assertThat(expected).as(spec.toString()).isNotEmpty();
        assertThat(drain(serial.scan(spec))).as("serial " + spec).isEqualTo(expected);
        List<List<Object>> sliced = drain(parallel.scan(spec));
        if (spec.orderBy().isEmpty() && spec.limit().isEmpty()) {
          assertThat(sorted(sliced)).as("sliced " + spec).isEqualTo(sorted(expected));
        } else {
          assertThat(sliced).as("parallel " + spec).isEqualTo(expected);
        }
      }
      assertThat(pod.journal().entries()).filteredOn(j -> j.param("limit") != null && !"1".equals(j.param("limit")))
          .allMatch(j -> j.status() == 200 && j.rows() <= cap);
      assertThat(pod.journal().entries()).filteredOn(j -> j.path().endsWith("/invoices"))
          .as("after the pod answered with its size, later pages ask for that size")
          .anyMatch(j -> Objects.equals(j.param("limit"), Integer.toString(Math.min(cap, 100))));
    }
  }
}
