package org.fusionjdbc.emulator.bip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fusionjdbc.emulator.data.DataSet;
import org.fusionjdbc.emulator.data.ResourceDef;
import org.fusionjdbc.emulator.data.Table;

/**
 * The base tables filled from the REST resources' data set, so the same invoice, supplier or worker is
 * visible over REST and over BI Publisher with the same ids, numbers, amounts and dates. Business units
 * (REST shows their names) become organizations 204..207. A snapshot: rows are read when the service is
 * created, later {@code DataSet.insert/delete} calls are not seen.
 */
public final class DataSetBaseTables implements BaseTableSource {

  /** Business unit names of the REST data → ORG_ID. */
  static final Map<String, Long> BUSINESS_UNITS = Map.of("US1 Business Unit", 204L, "UK Business Unit", 205L,
      "DE Geschäftsbereich", 206L, "JP 事業部", 207L);
  /** Party ids are not in the REST data; derived from the supplier id, which steps by more than 1. */
  static final long PARTY_OFFSET = 3_000_000_000L;
  private static final LocalDate END_OF_TIME = LocalDate.of(4712, 12, 31);

  private final DataSet data;

  public DataSetBaseTables(DataSet data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /**
   * @param maxRows the first invoices loaded (AP_INVOICE_LINES_ALL holds their lines); suppliers,
   *     workers and departments are always loaded whole
   */
  @Override
  public List<Map<String, Object>> rows(String table, int maxRows) {
    return switch (table) {
      case "AP_INVOICES_ALL" -> map("invoices", maxRows, (r, i) -> List.of(invoice(r)));
      case "AP_INVOICE_LINES_ALL" -> map("invoices", maxRows, (r, i) -> lines(r, i));
      // reference data is loaded whole (a few thousand rows) so every foreign key resolves
      case "POZ_SUPPLIERS" -> map("suppliers", Integer.MAX_VALUE, (r, i) -> List.of(supplier(r)));
      case "HZ_PARTIES" -> map("suppliers", Integer.MAX_VALUE, (r, i) -> List.of(party(r)));
      case "PER_ALL_PEOPLE_F" -> map("workers", Integer.MAX_VALUE, (r, i) -> List.of(person(r, i)));
      case "PER_PERSON_NAMES_F" -> map("workers", Integer.MAX_VALUE, (r, i) -> names(r, i));
      case "HR_ALL_ORGANIZATION_UNITS" -> organizations(Integer.MAX_VALUE);
      default -> List.of();
    };
  }

  private interface RowMapper {
    List<Map<String, Object>> map(Map<String, Object> row, int index);
  }

  private List<Map<String, Object>> map(String resource, int maxRows, RowMapper mapper) {
    Table t = data.table(resource);
    if (t == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    int limit = Math.min(t.indexLimit(), maxRows);
    for (int i = 0; i < limit; i++) {
      Object[] row = t.row(i);
      if (row != null) {
        out.addAll(mapper.map(named(t.def(), row), i));
      }
    }
    return out;
  }

  private static Map<String, Object> named(ResourceDef def, Object[] row) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int k = 0; k < row.length; k++) {
      m.put(def.attributes().get(k).name(), row[k]);
    }
    return m;
  }

  private List<Map<String, Object>> children(String resource, String child, int index, Map<String, Object> parent) {
    Table t = data.table(resource);
    Object[] parentRow = t.row(index);
    ResourceDef def = t.def().children().get(child).def();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] c : t.children(child, index, parentRow)) {
      out.add(named(def, c));
    }
    return out;
  }

  private static Map<String, Object> invoice(Map<String, Object> r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("INVOICE_ID", r.get("InvoiceId"));
    m.put("INVOICE_NUM", r.get("InvoiceNumber"));
    m.put("VENDOR_ID", r.get("SupplierId"));
    m.put("INVOICE_AMOUNT", r.get("InvoiceAmount"));
    m.put("AMOUNT_PAID", r.get("AmountPaid"));
    m.put("INVOICE_CURRENCY_CODE", r.get("InvoiceCurrency"));
    m.put("INVOICE_DATE", r.get("InvoiceDate"));
    m.put("INVOICE_TYPE_LOOKUP_CODE", code((String) r.get("InvoiceType")));
    m.put("DESCRIPTION", r.get("Description"));
    m.put("PAYMENT_STATUS_FLAG", switch (String.valueOf(r.get("PaidStatus"))) {
      case "Paid" -> "Y";
      case "Partially paid" -> "P";
      default -> "N";
    });
    m.put("APPROVAL_STATUS", "Y".equals(r.get("CanceledFlag")) ? "CANCELLED" : "APPROVED");
    m.put("ORG_ID", BUSINESS_UNITS.get(r.get("BusinessUnit")));
    m.put("GL_DATE", r.get("InvoiceDate"));
    m.put("CREATION_DATE", utc(r.get("CreationDate")));
    m.put("LAST_UPDATE_DATE", utc(r.get("LastUpdateDate")));
    return m;
  }

  private List<Map<String, Object>> lines(Map<String, Object> invoice, int index) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> l : children("invoices", "invoiceLines", index, invoice)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("INVOICE_ID", invoice.get("InvoiceId"));
      m.put("LINE_NUMBER", l.get("LineNumber"));
      m.put("LINE_TYPE_LOOKUP_CODE", code((String) l.get("LineType")));
      m.put("AMOUNT", l.get("LineAmount"));
      m.put("QUANTITY_INVOICED", l.get("Quantity"));
      BigDecimal amount = (BigDecimal) l.get("LineAmount");
      BigDecimal quantity = (BigDecimal) l.get("Quantity");
      m.put("UNIT_PRICE", amount == null || quantity == null || quantity.signum() == 0 ? null
          : amount.divide(quantity, 6, RoundingMode.HALF_UP));
      m.put("DESCRIPTION", l.get("Description"));
      m.put("ACCOUNTING_DATE", l.get("AccountingDate"));
      m.put("ORG_ID", BUSINESS_UNITS.get(invoice.get("BusinessUnit")));
      m.put("CREATION_DATE", utc(invoice.get("CreationDate")));
      m.put("LAST_UPDATE_DATE", utc(invoice.get("LastUpdateDate")));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> supplier(Map<String, Object> r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("VENDOR_ID", r.get("SupplierId"));
    m.put("SEGMENT1", r.get("SupplierNumber"));
    m.put("PARTY_ID", (Long) r.get("SupplierId") + PARTY_OFFSET);
    m.put("VENDOR_TYPE_LOOKUP_CODE", code((String) r.get("TaxOrganizationType")));
    m.put("ENABLED_FLAG", "Spend Authorized".equals(r.get("BusinessRelationship")) ? "Y" : "N");
    OffsetDateTime created = (OffsetDateTime) r.get("CreationDate");
    m.put("START_DATE_ACTIVE", created == null ? null : created.toLocalDate());
    m.put("CREATION_DATE", utc(created));
    m.put("LAST_UPDATE_DATE", utc(r.get("LastUpdateDate")));
    return m;
  }

  private static Map<String, Object> party(Map<String, Object> r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("PARTY_ID", (Long) r.get("SupplierId") + PARTY_OFFSET);
    m.put("PARTY_NUMBER", "P" + r.get("SupplierNumber"));
    m.put("PARTY_NAME", r.get("Supplier"));
    m.put("PARTY_TYPE", "ORGANIZATION");
    m.put("COUNTRY", r.get("TaxpayerCountry"));
    m.put("STATUS", "A");
    m.put("CREATION_DATE", utc(r.get("CreationDate")));
    m.put("LAST_UPDATE_DATE", utc(r.get("LastUpdateDate")));
    return m;
  }

  private Map<String, Object> person(Map<String, Object> r, int index) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("PERSON_ID", r.get("PersonId"));
    m.put("EFFECTIVE_START_DATE", r.get("EffectiveStartDate"));
    m.put("EFFECTIVE_END_DATE", r.get("EffectiveEndDate") == null ? END_OF_TIME : r.get("EffectiveEndDate"));
    m.put("PERSON_NUMBER", r.get("PersonNumber"));
    m.put("BUSINESS_GROUP_ID", 1L);
    m.put("START_DATE", r.get("EffectiveStartDate"));
    String email = null;
    for (Map<String, Object> n : children("workers", "names", index, r)) {
      if ("GLOBAL".equals(n.get("NameType")) && n.get("FirstName") != null) {
        email = (n.get("FirstName") + "." + n.get("LastName") + "@example.com").toLowerCase(Locale.ROOT);
      }
    }
    m.put("PRIMARY_EMAIL", email);
    m.put("CREATION_DATE", utc(r.get("CreationDate")));
    m.put("LAST_UPDATE_DATE", utc(r.get("LastUpdateDate")));
    return m;
  }

  private List<Map<String, Object>> names(Map<String, Object> person, int index) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> n : children("workers", "names", index, person)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("PERSON_NAME_ID", n.get("PersonNameId"));
      m.put("EFFECTIVE_START_DATE", person.get("EffectiveStartDate"));
      m.put("EFFECTIVE_END_DATE", person.get("EffectiveEndDate") == null ? END_OF_TIME
          : person.get("EffectiveEndDate"));
      m.put("PERSON_ID", person.get("PersonId"));
      m.put("NAME_TYPE", n.get("NameType"));
      m.put("FIRST_NAME", n.get("FirstName"));
      m.put("LAST_NAME", n.get("LastName"));
      m.put("FULL_NAME", n.get("FirstName") == null ? n.get("LastName") : n.get("LastName") + ", " + n.get("FirstName"));
      m.put("DISPLAY_NAME", n.get("DisplayName"));
      m.put("CREATION_DATE", utc(person.get("CreationDate")));
      m.put("LAST_UPDATE_DATE", utc(person.get("LastUpdateDate")));
      out.add(m);
    }
    return out;
  }

  private List<Map<String, Object>> organizations(int maxRows) {
    List<Map<String, Object>> out = new ArrayList<>();
    BUSINESS_UNITS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(bu -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ORGANIZATION_ID", bu.getValue());
      m.put("BUSINESS_GROUP_ID", 1L);
      m.put("NAME", bu.getKey());
      m.put("TYPE", "BUSINESS_UNIT");
      m.put("INTERNAL_EXTERNAL_FLAG", "INT");
      m.put("DATE_FROM", LocalDate.of(2000, 1, 1));
      out.add(m);
    });
    out.addAll(map("departments", maxRows, (r, i) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ORGANIZATION_ID", r.get("OrganizationId"));
      m.put("BUSINESS_GROUP_ID", 1L);
      m.put("NAME", r.get("Name"));
      m.put("TYPE", "DEPARTMENT");
      m.put("INTERNAL_EXTERNAL_FLAG", "INT");
      m.put("DATE_FROM", r.get("EffectiveStartDate") == null ? LocalDate.of(2000, 1, 1) : r.get("EffectiveStartDate"));
      m.put("DATE_TO", "I".equals(r.get("ActiveStatus")) ? LocalDate.of(2024, 12, 31) : null);
      m.put("CREATION_DATE", utc(r.get("CreationDate")));
      return List.of(m);
    }));
    return out;
  }

  /** Lookup codes are the meaning upper-cased with underscores: "Credit Memo" → CREDIT_MEMO. */
  static String code(String meaning) {
    return meaning == null ? null : meaning.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  private static LocalDateTime utc(Object datetime) {
    return datetime == null ? null
        : ((OffsetDateTime) datetime).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }
}
