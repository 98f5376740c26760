package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;

/** Discovery degrades, it never strands: a catalog the driver cannot read or may not read is not "no tables". */
class DiscoveryTest {
  private static final AdapterOptions ALL = new AdapterOptions(true, List.of("FSCM", "HCM"), Optional.empty(),
      ZoneId.of("UTC"));

  private static FusionSchema fscm(InMemoryFusionClient client, AdapterOptions options) {
    return new FusionSchema(client, "fscmRestApi", options);
  }

  @Test
  void anUnreadableCatalogListsNothingWithAWarningButEveryNamedTableIsDescribedDirectly() {
    InMemoryFusionClient client = SampleData.client();
    client.catalogFailure = FusionException.of(FusionException.Kind.PROTOCOL,
        "Fusion's answer does not follow the REST contract: an unknown catalog shape");
    FusionSchema schema = fscm(client, ALL);
    assertThat(schema.tableNames()).isEmpty();
    assertThat(schema.warnings()).singleElement().asString().contains("fscmRestApi").contains("could not be read")
        .contains("resources");
    FusionTable invoices = (FusionTable) schema.tables().get("invoices");
    assertThat(invoices).isNotNull();
    assertThat(invoices.keyColumns()).containsExactly("InvoiceId");
    FusionTable lines = (FusionTable) schema.tables().getIgnoreCase("invoices_INVOICELINES").entity();
    assertThat(lines.tableName()).isEqualTo("invoices_invoiceLines");
    assertThat(schema.tables().get("nosuch")).isNull();
    assertThat(schema.tables().get("nosuch")).isNull();
    assertThat(client.described.stream().filter(d -> d.endsWith("/nosuch"))).hasSize(1); // a 404 is asked once
  }

  @Test
  void aForbiddenCatalogIsAnEmptyListWithAWarningAndQueriesStillResolve() {
    InMemoryFusionClient client = SampleData.client();
    client.catalogFailure = FusionException.builder(FusionException.Kind.AUTHORIZATION,
        "the user lacks the privilege for this resource").httpStatus(403).build();
    FusionSchema schema = fscm(client, ALL);
    assertThat(schema.resourceNames()).isEmpty();
    assertThat(schema.warnings()).singleElement().asString().contains("not available").contains("403");
    assertThat(schema.tables().get("suppliers")).isNotNull();
  }

  @Test
  void aTransientCatalogFailureIsAnErrorNotAnEmptySchema() {
    InMemoryFusionClient client = SampleData.client();
    client.catalogFailure = FusionException.builder(FusionException.Kind.SERVER, "Fusion answered 503")
        .httpStatus(503).build();
    assertThatThrownBy(() -> fscm(client, ALL).tableNames()).isInstanceOf(FusionException.class)
        .hasMessageContaining("503");
  }

  @Test
  void namesInTheResourcesPropertyNeedNoCatalog() {
    InMemoryFusionClient client = SampleData.client();
    AdapterOptions named = new AdapterOptions(true, List.of("FSCM", "HCM"), Optional.of(Set.of("suppliers",
        "workers", "invoices")), ZoneId.of("UTC"));
    FusionSchema schema = fscm(client, named);
    // workers is another family's resource: this family answers 404 and does not list it
    assertThat(schema.tableNames()).containsExactly("invoices", "invoices_invoiceLines", "suppliers");
    assertThat(client.catalogCalls).isZero();
    assertThat(schema.warnings()).isEmpty();
    assertThat(schema.tables().get("suppliers")).isNotNull();
  }

  @Test
  void aTableTheCatalogDoesNotListIsDescribedBeforeItIsNotFound() {
    InMemoryFusionClient client = SampleData.client();
    FusionSchema schema = fscm(client, ALL);
    assertThat(schema.resourceNames()).containsExactly("invoices", "suppliers");
    // the catalog is read and lists these; a name it lacks still gets one direct describe
    assertThat(schema.tables().get("unlisted")).isNull();
    assertThat(client.described).containsExactly("fscmRestApi/unlisted");
  }

  @Test
  void literalPrefixStopsAtTheFirstWildcard() {
    assertThat(FusionSchema.literalPrefix("%")).isEmpty();
    assertThat(FusionSchema.literalPrefix("invoices_%")).isEqualTo("invoices");
    assertThat(FusionSchema.literalPrefix("inv\\_x%")).isEqualTo("inv_x");
    assertThat(FusionSchema.literalPrefix(null)).isEmpty();
  }
}
