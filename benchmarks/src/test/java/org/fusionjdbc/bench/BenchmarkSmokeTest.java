package org.fusionjdbc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI's smoke run: the harness in --quick mode completes, prints its table and writes every named figure. */
class BenchmarkSmokeTest {
  @TempDir
  Path dir;

  @Test
  void quickRunWritesEveryFigure() throws Exception {
    Path out = dir.resolve("results.json");
    Results r = BenchmarkMain.run(BenchmarkMain.Config.parse("--quick", "--out", out.toString()));

    JsonNode json = new ObjectMapper().readTree(out.toFile());
    List<String> names = new ArrayList<>();
    json.get("figures").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsAll(expected());
    for (String name : expected()) {
      assertThat(json.get("figures").get(name).isNumber()).as(name).isTrue();
    }
    assertThat(json.get("context").get("quick").asBoolean()).isTrue();
    assertThat(java.nio.file.Files.readString(dir.resolve("results.md"))).contains("| `count.all.requests` | 1 |");
    assertThat(r.table()).contains("scan.2000.driver_seq_vs_raw", "count.all.requests");

    // The measured traffic, not the timings, is checked: the pushed queries must send fewer rows than the twin.
    assertThat(r.value("count.all.requests")).isEqualTo(1);
    assertThat(r.value("count.all.rows_sent_nopush")).isGreaterThanOrEqualTo(2_000);
    assertThat(r.value("pushdown.key_range.rows_returned")).isEqualTo(100);
    assertThat(r.value("pushdown.equality.rows_sent")).isEqualTo(r.value("pushdown.equality.rows_returned"));
    assertThat(r.value("pushdown.key_range.rows_sent")).isLessThan(r.value("pushdown.key_range.rows_sent_nopush"));
    assertThat(r.value("scan.2000.raw_requests")).isEqualTo(4);
    assertThat(r.value("minmax.requests")).isEqualTo(2);
    assertThat(r.value("minmax.rows_sent")).isEqualTo(2);
    assertThat(r.value("preview.requests")).isLessThanOrEqualTo(2);
    assertThat(r.value("slices.clustered.empty_slices")).isZero();
    assertThat(r.value("memory.5000.completed_at_256m")).isEqualTo(1);
    assertThat(r.value("latency.4000.ideal_ms")).isEqualTo(100);
  }

  private static List<String> expected() {
    List<String> names = new ArrayList<>();
    for (String kind : List.of("raw_pager_ms", "driver_seq_ms", "driver_default_ms", "driver_seq_vs_raw",
        "driver_default_vs_raw", "raw_requests", "driver_seq_requests", "driver_default_requests")) {
      names.add("scan.2000." + kind);
    }
    for (String q : List.of("equality", "key_range", "top_n", "and_projection", "in_list_30", "partial_filter")) {
      for (String kind : List.of("rows_returned", "rows_sent", "rows_sent_nopush", "kb_sent", "kb_sent_nopush",
          "bytes_saved")) {
        names.add("pushdown." + q + "." + kind);
      }
    }
    for (String c : List.of("all", "filtered")) {
      for (String kind : List.of("requests", "rows_sent", "requests_nopush", "rows_sent_nopush")) {
        names.add("count." + c + "." + kind);
      }
    }
    for (String p : List.of("minmax.", "minmax.filtered.")) {
      for (String kind : List.of("requests", "rows_sent", "requests_nopush", "rows_sent_nopush")) {
        names.add(p + kind);
      }
    }
    for (String p : List.of("jvm_first", "cold")) {
      names.add("first_row." + p + ".connect_ms");
    }
    for (String p : List.of("jvm_first", "cold", "warm")) {
      for (String kind : List.of("plan_ms", "exec_first_row_ms", "first_row_ms", "describe_requests", "requests")) {
        names.add("first_row." + p + "." + kind);
      }
    }
    names.add("first_row.cold_vs_warm");
    names.addAll(List.of("preview.requests", "first_row.one_request_ms", "first_row.warm_repeat_ms",
        "first_row.warm_vs_one_request",
        "scan.2000.raw_cpu_ms", "scan.2000.driver_seq_cpu_ms", "scan.2000.driver_cpu_vs_raw_cpu",
        "throttle.driver_par8_ms", "throttle.fixed4_ms", "throttle.driver_vs_fixed4", "throttle.refused",
        "throttle.refused_share", "slices.uniform_ms", "slices.clustered_ms", "slices.clustered.vs_uniform",
        "slices.clustered.empty_slices", "slices.uniform.empty_slices", "child.rows", "child.parent_pages",
        "child.child_requests", "child.requests_per_parent_page"));
    for (String d : List.of("driver_par8", "driver_default")) {
      for (String kind : List.of("_ms", "_requests", "_throttled", "_avg_in_flight")) {
        names.add("latency.4000." + d + kind);
      }
    }
    for (String kind : List.of("sequential_offset_ms", "ideal_ms", "raw_parallel_ms", "raw_parallel_avg_in_flight",
        "raw_parallel_vs_ideal",
        "driver_par8_vs_raw_parallel", "driver_par8_vs_ideal", "sequential_vs_driver_par8",
        "sequential_vs_driver_default")) {
      names.add("latency.4000." + kind);
    }
    for (String kind : List.of("driver_ms", "offset_pager_ms", "keyset_pager_ms", "offset_vs_driver",
        "driver_vs_keyset_pager")) {
      names.add("deep_offset.4000." + kind);
    }
    for (String kind : List.of("completed_at_256m", "peak_heap_mb", "max_live_after_gc_mb", "scan_ms")) {
      names.add("memory.5000." + kind);
    }
    return names;
  }
}
