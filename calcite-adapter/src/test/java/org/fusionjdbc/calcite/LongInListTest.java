package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IN and NOT IN lists of 20 or more values, which Calcite plans as joins with VALUES (InListRule, NotInListRule fold
 * them back into filters). Each case states how much reaches the request: {@code ALL} (q is the whole filter, so no
 * more rows are fetched than returned), {@code PART} (q narrows the rows, Calcite checks the rest) or {@code NONE}
 * (the shape stays a join, with the reason in the case), and the rows must equal pushdown off.
 */
class LongInListTest {
  private static InMemoryFusionClient client;
  private static Connection on;
  private static Connection off;

  enum Pushed { ALL, PART, NONE }

  record Case(String where, Pushed pushed) {
    @Override
    public String toString() {
      return pushed + ": " + (where.length() > 100 ? where.substring(0, 100) + "..." : where);
    }
  }

  private static String list(int n, IntFunction<String> value) {
    return IntStream.range(0, n).mapToObj(value).collect(Collectors.joining(","));
  }

  static List<Case> cases() {
    String ids = list(25, i -> String.valueOf(300000000000L + 7L * i));
    String numbers = list(24, i -> "'INV-" + (1000 + 2 * i) + "'");
    return List.of(
        new Case("\"InvoiceId\" IN (" + ids + ")", Pushed.ALL),
        new Case("\"InvoiceId\" IN (" + ids + ", NULL)", Pushed.ALL),
        new Case("\"InvoiceId\" IN (" + ids + "," + ids + ")", Pushed.ALL),
        new Case("\"InvoiceAmount\" IN (" + list(25, i -> i + ".5") + ", 1, 2.25)", Pushed.ALL),
        new Case("\"InvoiceDate\" IN (" + list(24, i -> "DATE '2024-" + String.format("%02d", 1 + i / 2) + "-0"
            + (1 + 4 * (i % 2)) + "'") + ")", Pushed.ALL),
        new Case("\"Supplier\" IN (" + list(22, i -> "'N" + i + "'") + ", 'Acme', 'acme')", Pushed.ALL),
        new Case("\"SupplierId\" IN (" + list(25, i -> String.valueOf(i)) + ") AND upper(\"Supplier\") <> 'ACME'",
            Pushed.PART),
        new Case("(\"InvoiceId\", \"SupplierId\") IN (" + list(21, i -> "(" + (300000000000L + 7L * i) + ", "
            + (1 + i % 9) + ")") + ")", Pushed.ALL),
        new Case("\"InvoiceNumber\" NOT IN (" + numbers + ", 'Acme')", Pushed.ALL),
        new Case("\"InvoiceNumber\" NOT IN (" + numbers + ") AND \"InvoiceAmount\" > 100", Pushed.ALL),
        // NOT IN with a NULL in the list is never true: no rows, whatever the plan
        new Case("\"InvoiceNumber\" NOT IN (" + numbers + ", NULL)", Pushed.NONE),
        new Case("\"InvoiceId\" NOT IN (" + ids + ") AND upper(\"Supplier\") = 'ACME'", Pushed.PART),
        // a nullable column: Calcite's plan also counts the list's nulls; it stays a join
        new Case("\"Supplier\" NOT IN (" + list(24, i -> "'N" + i + "'") + ", 'Acme')", Pushed.NONE),
        // the list inside an OR is an outer join Calcite evaluates; nothing reaches q
        new Case("\"InvoiceId\" IN (" + ids + ") OR \"Supplier\" = 'Acme'", Pushed.NONE),
        // beyond InListRule.MAX_VALUES the q text would be too long for a URL
        new Case("\"InvoiceId\" IN (" + list(600, i -> String.valueOf(300000000000L + 7L * i)) + ")", Pushed.NONE));
  }

  @BeforeAll
  static void open() throws Exception {
    client = SampleData.client();
    on = Sql.connect(client, true);
    off = Sql.connect(SampleData.client(), false);
  }

  @AfterAll
  static void close() throws Exception {
    on.close();
    off.close();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void theListReachesQAsFarAsItExactlyCan(Case c) throws Exception {
    String sql = "select \"InvoiceNumber\" from fscm.invoices where " + c.where();
    List<List<String>> expected = Sql.sorted(Sql.rows(off, sql));
    client.journal.clear();
    List<List<String>> actual = Sql.sorted(Sql.rows(on, sql));
    assertThat(actual).as(sql).isEqualTo(expected);
    if (c.where().contains("NULL)") && c.where().contains("NOT IN")) {
      assertThat(actual).as(sql).isEmpty();
      return;
    }
    assertThat(client.journal).as(sql).singleElement().satisfies(call -> {
      switch (c.pushed()) {
        case ALL -> {
          assertThat(call.spec().filter()).as(sql).isPresent();
          assertThat(call.rowsReturned()).as(sql).isEqualTo(actual.size());
        }
        case PART -> {
          assertThat(call.spec().filter()).as(sql).isPresent();
          assertThat(call.rowsReturned()).as(sql).isGreaterThan(actual.size()).isLessThan(60);
        }
        case NONE -> assertThat(call.spec().filter()).as(sql).isEmpty();
      }
    });
  }
}
