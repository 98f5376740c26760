package org.fusionjdbc.emulator.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusionjdbc.emulator.data.DataSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The base tables hold the REST resources' rows: the same invoice, supplier and worker both ways; and
 * the data dictionary describes the tables the way Oracle's ALL_* views do.
 */
class RestDataParityTest {

  private static final int ROWS = 120;
  private static DataSet data;
  private static BipClient bip;

  @BeforeAll
  static void start() {
    data = new DataSet(7, 300);
    bip = new BipClient(BipOptions.builder().baseTables(new DataSetBaseTables(data)).baseTableRows(ROWS).build());
  }

  @AfterAll
  static void stop() {
    bip.close();
  }

  private static String text(Object o) {
    return o == null ? null : o instanceof BigDecimal d ? Fj1Text.number(d)
        : o instanceof LocalDate d ? d + "T00:00:00" : o.toString();
  }

  @Test
  void invoicesMatchTheRestResourceRowForRowUpToTheLoadLimit() {
    List<List<String>> expected = new ArrayList<>();
    for (Map<String, Object> r : data.rows("invoices").subList(0, ROWS)) {
      expected.add(java.util.Arrays.asList(text(r.get("InvoiceId")), text(r.get("InvoiceNumber")),
          text(r.get("InvoiceAmount")), text(r.get("InvoiceDate")), text(r.get("SupplierId")),
          text(r.get("Supplier")), text(r.get("Description"))));
    }
    Fj1Result r = bip.query("select i.invoice_id, i.invoice_num, i.invoice_amount, i.invoice_date, i.vendor_id,"
        + " p.party_name, i.description from ap_invoices_all i left join poz_suppliers s on s.vendor_id = i.vendor_id"
        + " left join hz_parties p on p.party_id = s.party_id order by i.invoice_id");
    assertThat(r.rows()).isEqualTo(expected);
  }

  @Test
  void suppliersInvoiceLinesAndWorkerNamesMatchToo() {
    Map<String, Object> supplier = data.rows("suppliers").get(3);
    assertThat(bip.query("select s.segment1, p.party_name from poz_suppliers s join hz_parties p"
        + " on p.party_id = s.party_id where s.vendor_id = " + supplier.get("SupplierId")).rows())
        .containsExactly(List.of(text(supplier.get("SupplierNumber")), text(supplier.get("Supplier"))));

    Map<String, Object> invoice = data.rows("invoices").get(5);
    long invoiceId = (Long) invoice.get("InvoiceId");
    List<List<String>> lines = new ArrayList<>();
    for (Map<String, Object> l : data.children("invoices", invoiceId, "invoiceLines")) {
      lines.add(List.of(text(l.get("LineNumber")), text(l.get("LineAmount"))));
    }
    assertThat(bip.query("select line_number, amount from ap_invoice_lines_all where invoice_id = " + invoiceId
        + " order by line_number").rows()).isEqualTo(lines);

    Map<String, Object> worker = data.rows("workers").get(10);
    long personId = (Long) worker.get("PersonId");
    Map<String, Object> name = data.children("workers", personId, "names").get(0);
    assertThat(bip.query("select p.person_number, n.last_name, n.display_name from per_all_people_f p"
        + " join per_person_names_f n on n.person_id = p.person_id and n.name_type = 'GLOBAL'"
        + " where p.person_id = " + personId + " and sysdate between p.effective_start_date and p.effective_end_date")
        .rows()).containsExactly(java.util.Arrays.asList(text(worker.get("PersonNumber")),
            text(name.get("LastName")), text(name.get("DisplayName"))));
  }

  @Test
  void purchaseOrderIdsAbove2To53ArriveExactAndAssignmentsPointAtLoadedDepartmentsAndLocations() {
    Map<String, Object> po = data.rows("purchaseOrders").get(17);
    Fj1Result r = bip.query("select h.po_header_id, h.segment1, count(l.po_line_id) lines from po_headers_all h"
        + " left join po_lines_all l on l.po_header_id = h.po_header_id where h.po_header_id = " + po.get("POHeaderId")
        + " group by h.po_header_id, h.segment1");
    assertThat(r.rows()).containsExactly(List.of(po.get("POHeaderId").toString(), (String) po.get("OrderNumber"),
        String.valueOf(data.children("purchaseOrders", (Long) po.get("POHeaderId"), "lines").size())));
    assertThat(Long.parseLong(r.rows().get(0).get(0))).isGreaterThan(1L << 53);

    long assignments = data.rows("workers").stream()
        .mapToLong(w -> data.children("workers", (Long) w.get("PersonId"), "assignments").size()).sum();
    assertThat(bip.query("select count(*), count(o.organization_id), count(l.location_id) from per_all_assignments_m a"
        + " left join hr_all_organization_units o on o.organization_id = a.organization_id"
        + " left join hr_locations_all_f l on l.location_id = a.location_id").rows())
        .containsExactly(List.of(String.valueOf(assignments), String.valueOf(assignments), String.valueOf(assignments)));
  }

  @Test
  void offsetFetchWindowsOrderedByTheKeyCoverEveryRowOnce() {
    List<String> ids = new ArrayList<>();
    for (int offset = 0; ; offset += 50) {
      List<List<String>> window = bip.query("select invoice_id from ap_invoices_all order by invoice_id offset "
          + offset + " rows fetch next 50 rows only").rows();
      window.forEach(row -> ids.add(row.get(0)));
      if (window.size() < 50) {
        break;
      }
    }
    assertThat(ids).isEqualTo(data.rows("invoices").subList(0, ROWS).stream()
        .map(r -> r.get("InvoiceId").toString()).toList());
    assertThat(bip.service.journal().sqls()).anyMatch(q -> q.contains("offset 100 rows fetch next 50 rows only"));
  }

  @Test
  void dataDictionaryListsTablesColumnsTypesAndKeys() {
    Fj1Result tables = bip.query("select table_name, num_rows from all_tables where owner = 'FUSION' order by table_name");
    assertThat(tables.rows().stream().map(r -> r.get(0)).toList())
        .containsExactlyElementsOf(BaseTables.ALL.stream().map(BaseTables.Table::name).sorted().toList());
    assertThat(tables.rows()).contains(List.of("AP_INVOICES_ALL", String.valueOf(ROWS)));

    Fj1Result cols = bip.query("select column_name, data_type, data_length, data_precision, data_scale, nullable"
        + " from sys.all_tab_columns where owner = 'FUSION' and table_name = 'AP_INVOICES_ALL' order by column_id");
    assertThat(cols.rows()).startsWith(
        java.util.Arrays.asList("INVOICE_ID", "NUMBER", "22", "18", "0", "N"),
        java.util.Arrays.asList("INVOICE_NUM", "VARCHAR2", "50", null, null, "N"));
    assertThat(cols.rows()).contains(java.util.Arrays.asList("INVOICE_DATE", "DATE", "7", null, null, "Y"),
        java.util.Arrays.asList("CREATION_DATE", "TIMESTAMP(6)", "11", null, "6", "Y"));
    assertThat(cols.rows()).hasSize(BaseTables.AP_INVOICES_ALL.columns().size());

    assertThat(bip.query("select cc.column_name from all_constraints c join all_cons_columns cc"
        + " on cc.owner = c.owner and cc.constraint_name = c.constraint_name where c.constraint_type = 'P'"
        + " and c.table_name = 'AP_INVOICE_LINES_ALL' order by cc.position").rows())
        .containsExactly(List.of("INVOICE_ID"), List.of("LINE_NUMBER"));
  }

  @Test
  void dictionaryTypesAgreeWithWhatTheProxyReportsForTheSameColumns() {
    Fj1Result r = bip.query("select * from per_all_people_f where rownum <= 1");
    Fj1Result dict = bip.query("select column_name, data_type, nullable from all_tab_columns"
        + " where table_name = 'PER_ALL_PEOPLE_F' order by column_id");
    for (int i = 0; i < r.columns().size(); i++) {
      Fj1Result.Col c = r.columns().get(i);
      List<String> d = dict.rows().get(i);
      assertThat(c.name()).isEqualTo(d.get(0));
      assertThat(d.get(1)).startsWith(c.type());
      assertThat(c.nullable()).isEqualTo(d.get(2).equals("Y"));
    }
  }
}
