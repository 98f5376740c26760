package org.fusionjdbc.emulator.data;

import static org.fusionjdbc.emulator.data.Attr.amount;
import static org.fusionjdbc.emulator.data.Attr.of;
import static org.fusionjdbc.emulator.data.Attr.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** FSCM resources: invoices, suppliers, purchaseOrders, receivingReceiptRequests, expenses. */
final class FscmResources {
  private FscmResources() {}

  static final String ROOT = "fscmRestApi";

  static Table invoices(long seed, int rows) {
    ResourceDef lines = ResourceDef.builder("invoiceLines", "Invoice Line", "Invoice Lines")
        .attr(of("LineNumber", AttrType.INTEGER, "Line").readOnly().required())
        .attr(string("LineType", "Type", 25))
        .attr(amount("LineAmount", "Amount").required())
        .attr(of("Quantity", AttrType.NUMBER, "Quantity"))
        .attr(string("UOM", "UOM", 25))
        .attr(string("Description", "Description", 240))
        .attr(of("AccountingDate", AttrType.DATE, "Accounting Date"))
        .key("LineNumber").build();
    ResourceDef def = ResourceDef.builder("invoices", "Invoice", "Invoices")
        .attr(of("InvoiceId", AttrType.INTEGER, "Invoice ID").readOnly().describedAs("Unique invoice identifier."))
        .attr(string("InvoiceNumber", "Number", 50).required())
        .attr(string("InvoiceType", "Type", 30))
        .attr(amount("InvoiceAmount", "Amount").required())
        .attr(string("InvoiceCurrency", "Currency", 15))
        .attr(of("InvoiceDate", AttrType.DATE, "Date"))
        .attr(of("SupplierId", AttrType.INTEGER, "Supplier ID"))
        .attr(string("Supplier", "Supplier", 360))
        .attr(string("BusinessUnit", "Business Unit", 240))
        .attr(string("Description", "Description", 240))
        .attr(string("PaidStatus", "Paid Status", 30))
        .attr(string("CanceledFlag", "Canceled", 1))
        .attr(amount("AmountPaid", "Amount Paid"))
        .attr(of("PayAloneFlag", AttrType.BOOLEAN, "Pay Alone"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .attr(of("LastUpdateDate", AttrType.DATETIME, "Last Update Date").readOnly())
        .attr(string("Comments", "Comments", 4000).notQueryable().describedAs("Long free-text comments; not queryable."))
        .key("InvoiceId")
        .finder("invoiceSearch", "Invoice Search", "InvoiceNumber")
        .finder("bySupplier", "Invoices by Supplier", "SupplierId", "InvoiceCurrency")
        .child("invoiceLines", lines, "InvoiceId", "InvoiceId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      int sup = g.nextInt(6, Keys.SUPPLIERS);
      LocalDate date = g.date(5, Keys.EPOCH, 2_000);
      BigDecimal amount = g.amount(3, 1, 50_000);
      String paid = g.pick(10, new String[] {"Paid", "Unpaid", "Unpaid", "Partially paid"});
      return new Object[] {
        Keys.INVOICE_BASE + i * Keys.INVOICE_STEP, "AP-" + (100_000 + i), g.pick(2, new String[] {"Standard",
          "Standard", "Standard", "Credit Memo", "Prepayment"}), amount, g.pick(4, Texts.CURRENCY), date,
        Keys.supplierId(sup), Keys.supplierName(sup), g.pick(8, new String[] {"US1 Business Unit",
          "UK Business Unit", "DE Geschäftsbereich", "JP 事業部"}),
        g.chance(9, 12) ? null : g.pick(19, Texts.DESCRIPTION), paid, g.flag(11, 5),
        paid.equals("Paid") ? amount : paid.equals("Unpaid") ? null : amount.divide(BigDecimal.valueOf(2)).setScale(2,
            java.math.RoundingMode.DOWN),
        g.chance(13, 20), g.datetimeOn(14, date), g.datetimeOn(15, date.plusDays(g.nextInt(16, 30))),
        g.chance(17, 30) ? null : "Reviewed by " + g.pick(18, Texts.LAST) + "; see attachment.",
      };
    };
    ChildGenerator lineGen = (s, i, parent) -> {
      Gen g = new Gen(s, i);
      int n = 1 + g.nextInt(40, 5);
      List<Object[]> out = new ArrayList<>(n);
      for (int l = 1; l <= n; l++) {
        out.add(new Object[] {(long) l, l == n && n > 2 ? "Freight" : "Item", g.amount(40 + l, 1, 10_000),
          BigDecimal.valueOf(1 + g.nextInt(50 + l, 20)), g.pick(60 + l, Texts.UOM),
          g.chance(70 + l, 15) ? null : g.pick(80 + l, Texts.DESCRIPTION), parent[5]});
      }
      return out;
    };
    return new Table(ROOT, def, seed, rows, Keys.INVOICE_BASE, Keys.INVOICE_STEP, gen,
        Map.of("invoiceLines", lineGen));
  }

  static Table suppliers(long seed) {
    ResourceDef sites = ResourceDef.builder("sites", "Site", "Sites")
        .attr(of("SupplierSiteId", AttrType.INTEGER, "Supplier Site ID").readOnly().required())
        .attr(string("SupplierSite", "Site", 15).required())
        .attr(string("ProcurementBU", "Procurement BU", 240))
        .attr(string("City", "City", 60))
        .attr(string("Country", "Country", 2))
        .attr(of("PaySiteFlag", AttrType.BOOLEAN, "Pay Site"))
        .attr(of("InactiveDate", AttrType.DATE, "Inactive Date"))
        .key("SupplierSiteId").build();
    ResourceDef def = ResourceDef.builder("suppliers", "Supplier", "Suppliers")
        .attr(of("SupplierId", AttrType.INTEGER, "Supplier ID").readOnly())
        .attr(string("SupplierNumber", "Supplier Number", 30).required())
        .attr(string("Supplier", "Supplier", 360).required())
        .attr(string("AlternateName", "Alternate Name", 360))
        .attr(string("TaxOrganizationType", "Tax Organization Type", 30))
        .attr(string("TaxpayerCountry", "Taxpayer Country", 2))
        .attr(string("BusinessRelationship", "Business Relationship", 30))
        .attr(of("OneTimeSupplierFlag", AttrType.BOOLEAN, "One-Time Supplier"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .attr(of("LastUpdateDate", AttrType.DATETIME, "Last Update Date").readOnly())
        .key("SupplierId")
        .finder("FindBySupplierNumber", "Find by Supplier Number", "SupplierNumber")
        .child("sites", sites, "SupplierId", "SupplierId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      LocalDate created = g.date(1, Keys.EPOCH.minusYears(3), 1_000);
      return new Object[] {Keys.supplierId(i), String.valueOf(10_000 + i), Keys.supplierName(i),
        g.chance(2, 60) ? null : Keys.supplierName(i).toUpperCase(java.util.Locale.ROOT),
        g.pick(3, new String[] {"Corporation", "Partnership", "Individual", "Government Agency"}),
        g.pick(4, Texts.COUNTRY), g.chance(5, 10) ? "Prospective" : "Spend Authorized", g.chance(6, 8),
        g.datetimeOn(7, created), g.datetimeOn(8, created.plusDays(g.nextInt(9, 400)))};
    };
    ChildGenerator siteGen = (s, i, parent) -> {
      Gen g = new Gen(s, i);
      int n = 1 + g.nextInt(30, 3);
      List<Object[]> out = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        out.add(new Object[] {(Long) parent[0] * 10 + k, "SITE-" + (k + 1), g.pick(31 + k, new String[] {
          "US1 Business Unit", "UK Business Unit"}), g.pick(34 + k, Texts.CITY), g.pick(37 + k, Texts.COUNTRY),
          k == 0 || g.chance(40 + k, 30), g.chance(43 + k, 20) ? g.date(46 + k, Keys.EPOCH, 1_500) : null});
      }
      return out;
    };
    return new Table(ROOT, def, seed, Keys.SUPPLIERS, Keys.SUPPLIER_BASE, Keys.SUPPLIER_STEP, gen,
        Map.of("sites", siteGen));
  }
}
