package org.fusionjdbc.emulator.data;

import static org.fusionjdbc.emulator.data.Attr.amount;
import static org.fusionjdbc.emulator.data.Attr.of;
import static org.fusionjdbc.emulator.data.Attr.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** FSCM resources: purchaseOrders (ids above 2^53), receivingReceiptRequests, expenses. */
final class ProcurementResources {
  private ProcurementResources() {}

  static Table purchaseOrders(long seed, int rows) {
    ResourceDef lines = ResourceDef.builder("lines", "Line", "Lines")
        .attr(of("POLineId", AttrType.INTEGER, "Line ID").readOnly().required())
        .attr(of("LineNumber", AttrType.INTEGER, "Line"))
        .attr(string("ItemDescription", "Description", 240))
        .attr(of("Quantity", AttrType.NUMBER, "Quantity"))
        .attr(amount("Price", "Price"))
        .attr(string("UOM", "UOM", 25))
        .key("POLineId").build();
    ResourceDef def = ResourceDef.builder("purchaseOrders", "Purchase Order", "Purchase Orders")
        .attr(of("POHeaderId", AttrType.INTEGER, "Purchase Order ID").readOnly())
        .attr(string("OrderNumber", "Order", 30).required())
        .attr(of("SupplierId", AttrType.INTEGER, "Supplier ID"))
        .attr(string("Supplier", "Supplier", 360))
        .attr(amount("Total", "Total"))
        .attr(string("CurrencyCode", "Currency Code", 15))
        .attr(string("Status", "Status", 25))
        .attr(string("Buyer", "Buyer", 240))
        .attr(string("ProcurementBU", "Procurement BU", 240))
        .attr(string("Description", "Description", 240))
        .attr(of("OrderedDate", AttrType.DATE, "Ordered Date"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .attr(string("NoteToSupplier", "Note to Supplier", 1000).notQueryable())
        .key("POHeaderId")
        .finder("findByStatus", "Find by Status", "Status")
        .child("lines", lines, "POHeaderId", "POHeaderId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      int sup = g.nextInt(1, Keys.SUPPLIERS);
      LocalDate ordered = g.date(2, Keys.EPOCH, 2_000);
      return new Object[] {Keys.PO_BASE + i * Keys.PO_STEP, "PO" + (100_000 + i), Keys.supplierId(sup),
        Keys.supplierName(sup), g.amount(3, 10, 250_000), g.pick(4, Texts.CURRENCY),
        g.pick(5, new String[] {"Open", "Open", "Closed", "Canceled", "Pending Approval"}),
        Keys.workerLastName(s, g.nextInt(6, Keys.WORKERS)) + ", " + Keys.workerFirstName(s, g.nextInt(6, Keys.WORKERS)),
        g.pick(7, new String[] {"US1 Business Unit", "UK Business Unit"}),
        g.chance(8, 15) ? null : g.pick(9, Texts.DESCRIPTION), ordered, g.datetimeOn(10, ordered),
        g.chance(11, 50) ? null : "Deliver to dock 4; call ahead"};
    };
    ChildGenerator lineGen = (s, i, parent) -> {
      Gen g = new Gen(s, i);
      int n = 1 + g.nextInt(20, 4);
      List<Object[]> out = new ArrayList<>(n);
      for (int l = 1; l <= n; l++) {
        out.add(new Object[] {400_000_000_000_000L + ((Long) parent[0] - Keys.PO_BASE) * 10 + l,
          (long) l, g.pick(21 + l, Texts.DESCRIPTION), BigDecimal.valueOf(1 + g.nextInt(30 + l, 100)),
          g.amount(40 + l, 1, 2_000), g.pick(50 + l, Texts.UOM)});
      }
      return out;
    };
    return new Table(FscmResources.ROOT, def, seed, rows, Keys.PO_BASE, Keys.PO_STEP, gen, Map.of("lines", lineGen));
  }

  static Table receipts(long seed) {
    ResourceDef def = ResourceDef.builder("receivingReceiptRequests", "Receipt Request", "Receipt Requests")
        .attr(of("HeaderInterfaceId", AttrType.INTEGER, "Header Interface ID").readOnly())
        .attr(string("ReceiptNumber", "Receipt", 30))
        .attr(string("ReceiptSourceCode", "Receipt Source", 25))
        .attr(of("VendorId", AttrType.INTEGER, "Supplier ID"))
        .attr(string("VendorName", "Supplier", 360))
        .attr(string("ShipmentNumber", "Shipment", 30))
        .attr(of("ExpectedReceiptDate", AttrType.DATE, "Expected Receipt Date"))
        .attr(of("TransactionDate", AttrType.DATETIME, "Transaction Date"))
        .attr(string("ProcessingStatusCode", "Processing Status", 25))
        .attr(of("EmployeeId", AttrType.INTEGER, "Employee ID"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .key("HeaderInterfaceId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      int sup = g.nextInt(1, Keys.SUPPLIERS);
      LocalDate day = g.date(2, Keys.EPOCH, 2_000);
      String status = g.pick(3, new String[] {"COMPLETED", "COMPLETED", "PENDING", "ERROR"});
      return new Object[] {Keys.RECEIPT_BASE + i * Keys.RECEIPT_STEP,
        status.equals("COMPLETED") ? "RCPT-" + (70_000 + i) : null, "VENDOR", Keys.supplierId(sup),
        Keys.supplierName(sup), "SHIP_" + (i % 997) + "%", day.plusDays(g.nextInt(4, 20)), g.datetimeOn(5, day),
        status, Keys.personId(g.nextInt(6, Keys.WORKERS)), g.datetimeOn(7, day)};
    };
    return new Table(FscmResources.ROOT, def, seed, Keys.RECEIPTS, Keys.RECEIPT_BASE, Keys.RECEIPT_STEP, gen, Map.of());
  }

  static Table expenses(long seed, int rows) {
    ResourceDef def = ResourceDef.builder("expenses", "Expense", "Expenses")
        .attr(of("ExpenseId", AttrType.INTEGER, "Expense ID").readOnly())
        .attr(of("ExpenseReportId", AttrType.INTEGER, "Expense Report ID"))
        .attr(of("PersonId", AttrType.INTEGER, "Person ID"))
        .attr(string("ExpenseType", "Expense Type", 80))
        .attr(of("StartDate", AttrType.DATE, "Start Date"))
        .attr(of("EndDate", AttrType.DATE, "End Date"))
        .attr(amount("ReimbursableAmount", "Reimbursable Amount"))
        .attr(string("ReimbursementCurrencyCode", "Reimbursement Currency", 15))
        .attr(string("MerchantName", "Merchant", 240))
        .attr(string("Description", "Description", 240))
        .attr(of("ReceiptMissingFlag", AttrType.BOOLEAN, "Receipt Missing"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .attr(string("Justification", "Justification", 2000).notQueryable())
        .key("ExpenseId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      LocalDate start = g.date(1, Keys.EPOCH, 2_000);
      return new Object[] {Keys.EXPENSE_BASE + i * Keys.EXPENSE_STEP, 300_000_075_000_000L + i / 4,
        Keys.personId(g.nextInt(2, Keys.WORKERS)), g.pick(3, Texts.EXPENSE_TYPE), start,
        g.chance(4, 40) ? null : start.plusDays(g.nextInt(5, 5)), g.amount(6, 1, 3_000), g.pick(7, Texts.CURRENCY),
        g.pick(8, Texts.MERCHANT), g.chance(9, 20) ? null : g.pick(10, Texts.DESCRIPTION), g.chance(11, 7),
        g.datetimeOn(12, start.plusDays(7)), g.chance(13, 70) ? null : "Client visit"};
    };
    return new Table(FscmResources.ROOT, def, seed, rows, Keys.EXPENSE_BASE, Keys.EXPENSE_STEP, gen, Map.of());
  }
}
