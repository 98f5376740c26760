package org.fusionjdbc.emulator.bip;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small deterministic data set for the base tables, used until the emulator's shared REST data set
 * feeds them (and by tests that need known rows): 5 suppliers with parties, 40 invoices with 1 to 3
 * lines each, 6 people with names, 3 organizations.
 */
public final class SampleBaseTables implements BaseTableSource {

  public static final SampleBaseTables INSTANCE = new SampleBaseTables();

  static final int SUPPLIERS = 5;
  static final int INVOICES = 40;
  static final int PEOPLE = 6;
  private static final String[] SUPPLIER_NAMES =
      {"Advanced Network Devices", "Bay Area Office Supply", "Consolidated Parts", "Dover Logistics",
       "O'Brien & Sons"};
  private static final String[][] PEOPLE_NAMES = {{"Casey", "Brown"}, {"Alex", "Garcia"},
      {"Jordan", "Lee"}, {"Sam", "Nguyen"}, {"Robin", "Müller"}, {"Taylor", "O'Neil"}};
  private static final LocalDateTime CREATED = LocalDateTime.of(2023, 12, 1, 8, 30, 0);
  private static final LocalDate END_OF_TIME = LocalDate.of(4712, 12, 31);

  private SampleBaseTables() {}

  @Override
  public List<Map<String, Object>> rows(String table, int maxRows) {
    List<Map<String, Object>> rows = switch (table) {
      case "AP_INVOICES_ALL" -> invoices();
      case "AP_INVOICE_LINES_ALL" -> invoiceLines();
      case "POZ_SUPPLIERS" -> suppliers();
      case "HZ_PARTIES" -> parties();
      case "PER_ALL_PEOPLE_F" -> people();
      case "PER_PERSON_NAMES_F" -> names();
      case "HR_ALL_ORGANIZATION_UNITS" -> organizations();
      default -> List.of();
    };
    return rows.size() <= maxRows ? rows : rows.subList(0, maxRows);
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    row.putIfAbsent("CREATION_DATE", CREATED);
    row.putIfAbsent("LAST_UPDATE_DATE", CREATED.plusDays(1));
    return row;
  }

  static long invoiceId(int i) {
    return 300_100_000_000_000L + i;
  }

  private static List<Map<String, Object>> invoices() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= INVOICES; i++) {
      BigDecimal amount = BigDecimal.valueOf(i * 1000L + 250, 2).multiply(BigDecimal.TEN);
      rows.add(row("INVOICE_ID", invoiceId(i), "INVOICE_NUM", "INV-" + (1000 + i),
          "VENDOR_ID", 1000L + (i % SUPPLIERS) + 1, "VENDOR_SITE_ID", 2000L + (i % SUPPLIERS) + 1,
          "INVOICE_AMOUNT", amount, "AMOUNT_PAID", i % 3 == 0 ? amount : null,
          "INVOICE_CURRENCY_CODE", i % 4 == 0 ? "EUR" : "USD",
          "INVOICE_DATE", LocalDate.of(2024, 1, 1).plusDays(i * 3L),
          "INVOICE_TYPE_LOOKUP_CODE", i % 10 == 0 ? "CREDIT" : "STANDARD",
          "DESCRIPTION", i == 7 ? "Tab\there, line\nbreak and back\\slash" : "Invoice " + i,
          "PAYMENT_STATUS_FLAG", i % 3 == 0 ? "Y" : "N",
          "APPROVAL_STATUS", i % 5 == 0 ? "NEVER APPROVED" : "APPROVED", "ORG_ID", 204L,
          "GL_DATE", LocalDate.of(2024, 1, 1).plusDays(i * 3L), "CREATED_BY", "CASEY.BROWN"));
    }
    return rows;
  }

  private static List<Map<String, Object>> invoiceLines() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= INVOICES; i++) {
      int lines = 1 + i % 3;
      for (int n = 1; n <= lines; n++) {
        rows.add(row("INVOICE_ID", invoiceId(i), "LINE_NUMBER", (long) n,
            "LINE_TYPE_LOOKUP_CODE", n == lines && n > 1 ? "TAX" : "ITEM",
            "AMOUNT", BigDecimal.valueOf(i * 100L + n, 1), "QUANTITY_INVOICED", BigDecimal.valueOf(n),
            "UNIT_PRICE", BigDecimal.valueOf(i * 100L + n, 1).divide(BigDecimal.valueOf(n), 4,
                java.math.RoundingMode.HALF_UP),
            "DESCRIPTION", "Line " + n + " of INV-" + (1000 + i),
            "ACCOUNTING_DATE", LocalDate.of(2024, 1, 1).plusDays(i * 3L), "ORG_ID", 204L));
      }
    }
    return rows;
  }

  private static List<Map<String, Object>> suppliers() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int s = 1; s <= SUPPLIERS; s++) {
      rows.add(row("VENDOR_ID", 1000L + s, "SEGMENT1", String.valueOf(5000 + s), "PARTY_ID", 9000L + s,
          "VENDOR_TYPE_LOOKUP_CODE", "SUPPLIER", "ENABLED_FLAG", s == SUPPLIERS ? "N" : "Y",
          "START_DATE_ACTIVE", LocalDate.of(2020, s, 1), "END_DATE_ACTIVE", null));
    }
    return rows;
  }

  private static List<Map<String, Object>> parties() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int s = 1; s <= SUPPLIERS; s++) {
      rows.add(row("PARTY_ID", 9000L + s, "PARTY_NUMBER", "P" + (9000 + s),
          "PARTY_NAME", SUPPLIER_NAMES[s - 1], "PARTY_TYPE", "ORGANIZATION", "COUNTRY", "US",
          "STATUS", "A"));
    }
    return rows;
  }

  private static List<Map<String, Object>> people() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int p = 1; p <= PEOPLE; p++) {
      rows.add(row("PERSON_ID", 100_000_000L + p, "EFFECTIVE_START_DATE", LocalDate.of(2019, p, 1),
          "EFFECTIVE_END_DATE", END_OF_TIME, "PERSON_NUMBER", String.valueOf(100 + p),
          "BUSINESS_GROUP_ID", 1L, "START_DATE", LocalDate.of(2019, p, 1),
          "PRIMARY_EMAIL", PEOPLE_NAMES[p - 1][0].toLowerCase() + "@example.com"));
    }
    return rows;
  }

  private static List<Map<String, Object>> names() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int p = 1; p <= PEOPLE; p++) {
      String first = PEOPLE_NAMES[p - 1][0];
      String last = PEOPLE_NAMES[p - 1][1];
      rows.add(row("PERSON_NAME_ID", 200_000_000L + p, "EFFECTIVE_START_DATE", LocalDate.of(2019, p, 1),
          "EFFECTIVE_END_DATE", END_OF_TIME, "PERSON_ID", 100_000_000L + p, "NAME_TYPE", "GLOBAL",
          "FIRST_NAME", first, "LAST_NAME", last, "FULL_NAME", last + ", " + first,
          "DISPLAY_NAME", first + " " + last));
    }
    return rows;
  }

  private static List<Map<String, Object>> organizations() {
    return List.of(
        row("ORGANIZATION_ID", 1L, "BUSINESS_GROUP_ID", 1L, "NAME", "Vision Corporation",
            "TYPE", "ENTERPRISE", "INTERNAL_EXTERNAL_FLAG", "INT", "DATE_FROM", LocalDate.of(2000, 1, 1)),
        row("ORGANIZATION_ID", 204L, "BUSINESS_GROUP_ID", 1L, "NAME", "Vision Operations",
            "TYPE", "BUSINESS_UNIT", "INTERNAL_EXTERNAL_FLAG", "INT", "DATE_FROM", LocalDate.of(2000, 1, 1)),
        row("ORGANIZATION_ID", 205L, "BUSINESS_GROUP_ID", 1L, "NAME", "Vision Services",
            "TYPE", "BUSINESS_UNIT", "INTERNAL_EXTERNAL_FLAG", "INT", "DATE_FROM", LocalDate.of(2005, 6, 1),
            "DATE_TO", LocalDate.of(2030, 12, 31)));
  }
}
