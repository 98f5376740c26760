package org.fusionjdbc.calcite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.describe.ChildDescription;
import org.fusionjdbc.client.describe.ResourceDescription;

/** A small deterministic data set with nulls, hostile strings and children, for the in-memory fixture. */
final class SampleData {
  static final String[] SUPPLIERS = {"Acme", "acme", "O'Brien Ltd", "Ünïcode GmbH", "Smith_Co", "50% Off",
      "a\\b", "and or = 'x'", "Zeta; DROP", null};

  private SampleData() {
  }

  static AttributeDescription attr(String name, AttributeType type, boolean queryable, boolean mandatory) {
    return new AttributeDescription(name, type, name, null,
        type == AttributeType.STRING ? OptionalInt.of(200) : OptionalInt.empty(),
        type == AttributeType.NUMBER ? OptionalInt.of(18) : OptionalInt.empty(),
        type == AttributeType.NUMBER ? OptionalInt.of(2) : OptionalInt.empty(), queryable, true, mandatory);
  }

  static InMemoryFusionClient client() {
    return client(QDialect.STRICT);
  }

  static InMemoryFusionClient client(QDialect dialect) {
    ResourceDescription lines = new ResourceDescription("invoiceLines", "Lines", List.of(
        attr("LineNumber", AttributeType.INTEGER, true, true),
        attr("LineAmount", AttributeType.NUMBER, true, false),
        attr("Description", AttributeType.STRING, true, false)), List.of("LineNumber"), List.of(), Map.of());
    ResourceDescription invoices = new ResourceDescription("invoices", "Invoices", List.of(
        attr("InvoiceId", AttributeType.INTEGER, true, true),
        attr("InvoiceNumber", AttributeType.STRING, true, true),
        attr("Supplier", AttributeType.STRING, true, false),
        attr("SupplierId", AttributeType.INTEGER, true, false),
        attr("InvoiceAmount", AttributeType.NUMBER, true, false),
        attr("InvoiceDate", AttributeType.DATE, true, false),
        attr("LastUpdateDate", AttributeType.DATETIME, true, false),
        attr("Paid", AttributeType.BOOLEAN, true, false),
        attr("Notes", AttributeType.STRING, false, false)), List.of("InvoiceId"), List.of(),
        Map.of("invoiceLines", new ChildDescription("invoiceLines", lines, List.of("InvoiceId"), List.of())));
    ResourceDescription suppliers = new ResourceDescription("suppliers", "Suppliers", List.of(
        attr("SupplierId", AttributeType.INTEGER, true, true),
        attr("Name", AttributeType.STRING, true, true),
        attr("City", AttributeType.STRING, true, false)), List.of("SupplierId"), List.of(), Map.of());
    ResourceDescription workers = new ResourceDescription("workers", "Workers", List.of(
        attr("PersonId", AttributeType.INTEGER, true, true),
        attr("DisplayName", AttributeType.STRING, true, true),
        attr("HireDate", AttributeType.DATE, true, false)), List.of("PersonId"), List.of(), Map.of());

    Random rnd = new Random(42);
    List<Map<String, Object>> inv = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long id = 300000000000L + i * 7L;
      int s = rnd.nextInt(SUPPLIERS.length);
      List<Map<String, Object>> ls = new ArrayList<>();
      for (int l = 1; l <= i % 4; l++) {
        ls.add(InMemoryFusionClient.row("LineNumber", (long) l,
            "LineAmount", l == 2 ? null : new BigDecimal(rnd.nextInt(10000)).movePointLeft(2),
            "Description", "line " + l + (l == 3 ? " O'Neil" : "")));
      }
      Map<String, Object> r = new LinkedHashMap<>(InMemoryFusionClient.row(
          "InvoiceId", id,
          "InvoiceNumber", "INV-" + (1000 + i),
          "Supplier", SUPPLIERS[s],
          "SupplierId", s == SUPPLIERS.length - 1 ? null : (long) (s + 1),
          "InvoiceAmount", i % 9 == 0 ? null : new BigDecimal(rnd.nextInt(500000)).movePointLeft(2),
          "InvoiceDate", i % 11 == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(400)).toString(),
          "LastUpdateDate", i % 13 == 0 ? null : OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
              .plusMinutes(rnd.nextInt(600000)).plusNanos(i % 2 == 0 ? 0 : 123_000_000L).toString(),
          "Paid", i % 3 == 0,
          "Notes", "note " + i));
      r.put("invoiceLines", ls);
      inv.add(r);
    }
    List<Map<String, Object>> sup = new ArrayList<>();
    for (int s = 0; s < SUPPLIERS.length - 1; s++) {
      sup.add(InMemoryFusionClient.row("SupplierId", (long) (s + 1), "Name", SUPPLIERS[s],
          "City", s % 3 == 0 ? null : "City" + s));
    }
    List<Map<String, Object>> wk = new ArrayList<>();
    for (int w = 0; w < 20; w++) {
      wk.add(InMemoryFusionClient.row("PersonId", 100L + w, "DisplayName", "Person " + w,
          "HireDate", w % 5 == 0 ? null : LocalDate.of(2010 + w % 10, 1 + w % 12, 1 + w).toString()));
    }
    Map<String, Map<String, InMemoryFusionClient.Resource>> roots = new LinkedHashMap<>();
    Map<String, InMemoryFusionClient.Resource> fscm = new LinkedHashMap<>();
    fscm.put("invoices", new InMemoryFusionClient.Resource(invoices, inv));
    fscm.put("suppliers", new InMemoryFusionClient.Resource(suppliers, sup));
    roots.put("fscmRestApi", fscm);
    roots.put("hcmRestApi", Map.of("workers", new InMemoryFusionClient.Resource(workers, wk)));
    return new InMemoryFusionClient(roots, dialect);
  }
}
