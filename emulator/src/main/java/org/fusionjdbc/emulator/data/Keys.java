package org.fusionjdbc.emulator.data;

import java.time.LocalDate;

/**
 * Key schemes and fixed sizes shared by the resources, so foreign keys (invoice.SupplierId,
 * assignment.DepartmentId, ...) always point at existing rows.
 */
final class Keys {
  private Keys() {}

  static final int SUPPLIERS = 300;
  static final int WORKERS = 2_000;
  static final int DEPARTMENTS = 60;
  static final int LOCATIONS = 40;
  static final int RECEIPTS = 3_000;

  /** The contract's example invoice id (§2.5) is row 0, so its example requests find a row. */
  static final long INVOICE_BASE = 300_000_047_486_514L;
  static final long INVOICE_STEP = 7;
  static final long SUPPLIER_BASE = 300_000_001_000_000L;
  static final long SUPPLIER_STEP = 11;
  /** Purchase order ids start above 2^53, so a client that parses ids as doubles breaks visibly. */
  static final long PO_BASE = 9_007_199_254_740_993L;
  static final long PO_STEP = 3;
  static final long RECEIPT_BASE = 300_000_060_000_000L;
  static final long RECEIPT_STEP = 13;
  static final long EXPENSE_BASE = 300_000_070_000_000L;
  static final long EXPENSE_STEP = 5;
  static final long PERSON_BASE = 300_000_080_000_000L;
  static final long PERSON_STEP = 17;
  static final long DEPARTMENT_BASE = 300_000_090_000_000L;
  static final long DEPARTMENT_STEP = 19;
  static final long LOCATION_BASE = 300_000_095_000_000L;
  static final long LOCATION_STEP = 23;

  static final LocalDate EPOCH = LocalDate.of(2019, 1, 1);

  static long supplierId(int i) {
    return SUPPLIER_BASE + i * SUPPLIER_STEP;
  }

  static String supplierName(int i) {
    String base = Texts.COMPANY[i % Texts.COMPANY.length];
    int round = i / Texts.COMPANY.length;
    return round == 0 ? base : base + " " + (round + 1);
  }

  static long personId(int i) {
    return PERSON_BASE + i * PERSON_STEP;
  }

  static long departmentId(int i) {
    return DEPARTMENT_BASE + i * DEPARTMENT_STEP;
  }

  static long locationId(int i) {
    return LOCATION_BASE + i * LOCATION_STEP;
  }

  static String workerFirstName(long seed, int i) {
    return new Gen(seed, i).pick(900, Texts.FIRST);
  }

  static String workerLastName(long seed, int i) {
    return new Gen(seed, i).pick(901, Texts.LAST);
  }
}
