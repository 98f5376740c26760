package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.PartialDatabaseObject;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler's maximum-level crawl (it asks for nearly every DatabaseMetaData method, on several connections)
 * twice, each on fresh connections: both give the same text (tables, child tables, columns, keys) and the five
 * child-to-parent relationships, each pointing at a table the crawl saw.
 */
class SchemaCrawlerIT {
  private final ClientPod pod = ClientPod.get();

  @Test
  void maximumCrawlTwiceGivesIdenticalOutputWithChildTablesAndFiveRelationships() throws Exception {
    String first = describe(crawl());
    String second = describe(crawl());
    assertThat(second).as("the second crawl's output").isEqualTo(first);

    Catalog catalog = crawl();
    List<String> tables = catalog.getTables().stream().map(SchemaCrawlerIT::name).sorted().toList();
    assertThat(tables).contains("FSCM.invoices", "FSCM.invoices_invoiceLines", "FSCM.suppliers_sites",
        "FSCM.purchaseOrders_lines", "HCM.workers_names", "HCM.workers_assignments");
    assertThat(catalog.lookupTable(catalog.lookupSchema("FSCM").orElseThrow(), "invoices").orElseThrow()
        .getPrimaryKey()).isNotNull();
    List<String> relationships = new ArrayList<>();
    for (Table t : catalog.getTables()) {
      for (ForeignKey fk : t.getImportedForeignKeys()) {
        assertThat(fk.getPrimaryKeyTable()).as("the table %s references", fk.getName())
            .isNotInstanceOf(PartialDatabaseObject.class);
        assertThat(tables).contains(name(fk.getPrimaryKeyTable()));
        relationships.add(name(fk.getForeignKeyTable()) + " -> " + name(fk.getPrimaryKeyTable()));
      }
    }
    assertThat(relationships).containsExactlyInAnyOrder("FSCM.invoices_invoiceLines -> FSCM.invoices",
        "FSCM.suppliers_sites -> FSCM.suppliers", "FSCM.purchaseOrders_lines -> FSCM.purchaseOrders",
        "HCM.workers_names -> HCM.workers", "HCM.workers_assignments -> HCM.workers");
  }

  private Catalog crawl() throws Exception {
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions())
        .withLimitOptions(LimitOptionsBuilder.builder().includeSchemas(Pattern.compile("FSCM|HCM")).toOptions());
    try (DatabaseConnectionSource source = DatabaseConnectionSources.newDatabaseConnectionSource(pod.url(""),
        Map.of("auth", "basic"), new MultiUseUserCredentials(pod.user(), pod.password()), c -> { })) {
      return SchemaCrawlerUtility.getCatalog(source, options);
    }
  }

  /** schema.table, unquoted (SchemaCrawler's full names quote mixed-case names). */
  private static String name(Table t) {
    return t.getSchema().getName() + "." + t.getName();
  }

  /** The crawl as text: every table with its columns, primary key and foreign keys, in name order. */
  private static String describe(Catalog catalog) {
    StringBuilder out = new StringBuilder();
    List<Table> tables = new ArrayList<>(catalog.getTables());
    tables.sort(Comparator.comparing(Table::getFullName));
    for (Table t : tables) {
      out.append(t.getFullName()).append(' ').append(t.getTableType()).append('\n');
      for (Column c : t.getColumns()) {
        out.append("  ").append(c.getName()).append(' ').append(c.getColumnDataType().getName()).append('(')
            .append(c.getSize()).append(',').append(c.getDecimalDigits()).append(')')
            .append(c.isNullable() ? "" : " NOT NULL").append(c.isPartOfPrimaryKey() ? " PK" : "")
            .append(c.isPartOfForeignKey() ? " FK" : "").append('\n');
      }
      if (t.getPrimaryKey() != null) {
        out.append("  PRIMARY KEY ").append(t.getPrimaryKey().getConstrainedColumns()).append('\n');
      }
      for (ForeignKey fk : t.getImportedForeignKeys()) {
        out.append("  FOREIGN KEY ").append(fk.getName());
        for (ColumnReference r : fk.getColumnReferences()) {
          out.append(' ').append(r.getForeignKeyColumn().getFullName()).append(" -> ")
              .append(r.getPrimaryKeyColumn().getFullName());
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
