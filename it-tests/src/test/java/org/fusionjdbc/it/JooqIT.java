package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * jOOQ (SQLDialect.DEFAULT) on the driver: meta() sees the schemas, tables, primary keys and the child tables'
 * foreign keys; typed selects with bind values (BigDecimal, LocalDate, LocalDateTime, Long), LIMIT/OFFSET and IN
 * return exactly the rows of the same query on the pushdown=false twin.
 */
class JooqIT {
  private static final Table<?> INVOICES = table(name("FSCM", "invoices"));
  private static final Field<Long> ID = field(name("InvoiceId"), SQLDataType.BIGINT);
  private static final Field<String> NUMBER = field(name("InvoiceNumber"), SQLDataType.VARCHAR);
  private static final Field<BigDecimal> AMOUNT = field(name("InvoiceAmount"), SQLDataType.DECIMAL(18, 2));
  private static final Field<LocalDate> DAY = field(name("InvoiceDate"), SQLDataType.LOCALDATE);
  private static final Field<LocalDateTime> UPDATED = field(name("LastUpdateDate"), SQLDataType.LOCALDATETIME(3));
  private static final Field<Boolean> PAY_ALONE = field(name("PayAloneFlag"), SQLDataType.BOOLEAN);

  private final ClientPod pod = ClientPod.get();
  /** One connection of each kind for the typed selects (opening one per query would mostly time describes). */
  private static Connection pushed;
  private static Connection twinConnection;

  @Test
  void metaSeesSchemasTablesPrimaryKeysAndTheFiveChildForeignKeys() throws Exception {
    try (Connection c = pod.connect("")) {
      Meta meta = DSL.using(c, SQLDialect.DEFAULT).meta();
      assertThat(meta.getSchemas().stream().map(Schema::getName)).contains("FSCM", "HCM");
      Table<?> invoices = meta.getSchemas("FSCM").get(0).getTable("invoices");
      assertThat(invoices).isNotNull();
      assertThat(invoices.getPrimaryKey()).isNotNull();
      assertThat(invoices.getPrimaryKey().getFields()).extracting(Field::getName).containsExactly("InvoiceId");
      assertThat(invoices.field("LastUpdateDate").getDataType().precision()).as("TIMESTAMP(3)").isEqualTo(3);

      Map<String, String> references = new TreeMap<>();
      for (Table<?> t : meta.getTables()) {
        for (ForeignKey<?, ?> fk : t.getReferences()) {
          references.put(t.getSchema().getName() + "." + t.getName(), fk.getKey().getTable().getName() + "("
              + fk.getKeyFields().stream().map(Field::getName).toList() + ")");
        }
      }
      assertThat(references).containsExactlyInAnyOrderEntriesOf(Map.of(
          "FSCM.invoices_invoiceLines", "invoices([InvoiceId])",
          "FSCM.suppliers_sites", "suppliers([SupplierId])",
          "FSCM.purchaseOrders_lines", "purchaseOrders([POHeaderId])",
          // workers' primary key is composite (effective-dated): a child's foreign key names all of it
          "HCM.workers_names", "workers([PersonId, EffectiveStartDate])",
          "HCM.workers_assignments", "workers([PersonId, EffectiveStartDate])"));
    }
  }

  @Test
  void typedSelectsWithBindValuesLimitOffsetDatesAndInEqualTheTwin() throws Exception {
    List<Long> someIds = fetch(ctx -> ctx.select(ID).from(INVOICES).orderBy(ID).limit(40), false)
        .stream().map(r -> r.get(ID)).toList();
    LocalDateTime updated = fetch(ctx -> ctx.select(UPDATED).from(INVOICES).orderBy(ID).limit(1).offset(17), false)
        .get(0).get(UPDATED);
    LocalDate day = fetch(ctx -> ctx.select(DAY).from(INVOICES).orderBy(ID).limit(1).offset(11), false)
        .get(0).get(DAY);
    List<Function<DSLContext, ResultQuery<? extends Record>>> queries = List.of(
        ctx -> ctx.select(ID, NUMBER, AMOUNT, DAY).from(INVOICES)
            .where(AMOUNT.gt(new BigDecimal("250.50"))).and(DAY.ge(day)).orderBy(ID).limit(10).offset(3),
        ctx -> ctx.select(ID, AMOUNT).from(INVOICES).where(ID.in(someIds.get(3), someIds.get(17), someIds.get(39)))
            .orderBy(ID),
        ctx -> ctx.select(ID, UPDATED).from(INVOICES).where(UPDATED.eq(updated)).orderBy(ID),
        ctx -> ctx.select(ID, DAY).from(INVOICES).where(DAY.eq(day)).orderBy(ID.desc()).limit(5L),
        ctx -> ctx.select(ID, PAY_ALONE).from(INVOICES).where(PAY_ALONE.eq(true)).and(ID.between(someIds.get(0),
            someIds.get(30))).orderBy(ID).offset(2).limit(BigDecimal.valueOf(6)),
        ctx -> ctx.select(NUMBER, DSL.count()).from(INVOICES).where(NUMBER.like("%1%")).groupBy(NUMBER)
            .orderBy(NUMBER).limit(7));
    for (int i = 0; i < queries.size(); i++) {
      List<String> pushed = fetch(queries.get(i), false).stream().map(Record::toString).toList();
      List<String> twin = fetch(queries.get(i), true).stream().map(Record::toString).toList();
      assertThat(pushed).as("query %d", i).isNotEmpty().isEqualTo(twin);
    }
    assertThat(fetch(queries.get(1), false)).hasSize(3);
    assertThat(fetch(queries.get(0), false)).hasSize(10);
  }

  private List<? extends Record> fetch(Function<DSLContext, ResultQuery<? extends Record>> query, boolean twin)
      throws Exception {
    synchronized (JooqIT.class) {
      if (pushed == null) {
        pushed = pod.connect("");
        twinConnection = pod.twin();
      }
    }
    return query.apply(DSL.using(twin ? twinConnection : pushed, SQLDialect.DEFAULT)).fetch();
  }

  @AfterAll
  static void close() throws Exception {
    if (pushed != null) {
      pushed.close();
      twinConnection.close();
    }
  }
}
