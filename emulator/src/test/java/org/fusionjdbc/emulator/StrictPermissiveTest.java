package org.fusionjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusionjdbc.emulator.Http.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every uncertain construct: 400 in strict mode, SQL semantics in permissive mode. */
class StrictPermissiveTest {
  static FusionEmulator strict;
  static FusionEmulator permissive;
  static List<Map<String, Object>> suppliers;

  @BeforeAll
  static void start() {
    strict = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(100).build());
    permissive = FusionEmulator.start(EmulatorOptions.builder().basicUser("tester", "pw").rows(100).permissive(true).build());
    suppliers = strict.data().rows("suppliers");
  }

  @AfterAll
  static void stop() {
    strict.close();
    permissive.close();
  }

  static Stream<Arguments> uncertain() {
    return Stream.of(
        Arguments.of("TaxpayerCountry IN ('US','JP')", "IN",
            p(r -> List.of("US", "JP").contains(r.get("TaxpayerCountry")))),
        Arguments.of("SupplierNumber BETWEEN '10010' AND '10020'", "BETWEEN",
            p(r -> ((String) r.get("SupplierNumber")).compareTo("10010") >= 0
                && ((String) r.get("SupplierNumber")).compareTo("10020") <= 0)),
        Arguments.of("AlternateName IS NULL", "IS NULL", p(r -> r.get("AlternateName") == null)),
        Arguments.of("AlternateName is not null", "IS NULL", p(r -> r.get("AlternateName") != null)),
        Arguments.of("NOT TaxpayerCountry = 'US'", "NOT", p(r -> !"US".equals(r.get("TaxpayerCountry")))),
        Arguments.of("TaxpayerCountry NOT IN ('US')", "NOT", p(r -> !"US".equals(r.get("TaxpayerCountry")))),
        Arguments.of("TaxpayerCountry <> 'US'", "<>", p(r -> !"US".equals(r.get("TaxpayerCountry")))),
        Arguments.of("Supplier = 'O''Brien Supplies'", "''", p(r -> "O'Brien Supplies".equals(r.get("Supplier")))),
        Arguments.of("Supplier LIKE 'Acme*'", "*", p(r -> Oracle.like(r.get("Supplier"), "Acme%"))),
        Arguments.of("UPPER(Supplier) = 'LOWERCASE TRADERS'", "UPPER",
            p(r -> "lowercase traders".equals(r.get("Supplier")))));
  }

  private static Predicate<Map<String, Object>> p(Predicate<Map<String, Object>> p) {
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uncertain")
  void strictRejectsPermissiveAccepts(String q, String construct, Predicate<Map<String, Object>> oracle) {
    String path = "/fscmRestApi/resources/11.13.18.05/suppliers?limit=500&onlyData=true&q=" + enc(q);
    HttpResponse<String> r = Http.get(strict.baseUrl() + path, 4);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode err = Http.parse(r.body());
    assertThat(err.get("o:errorDetails").get(0).get("detail").asText()).contains(construct.equals("''") ? "''"
        : construct.equals("UPPER") ? "UPPER" : construct).contains("strict");

    List<Object> expected = Oracle.keys(suppliers.stream().filter(oracle).toList(), "SupplierId");
    assertThat(expected).isNotEmpty();
    JsonNode ok = Http.ok(permissive.baseUrl() + path, 4);
    assertThat(Oracle.keys(ok.get("items"), "SupplierId", JsonNode::asLong)).isEqualTo(expected);
  }
}
