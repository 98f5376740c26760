package org.fusionjdbc.emulator.bip;

import java.util.List;
import java.util.Objects;

/**
 * The Fusion base tables the emulated database holds (owner {@code FUSION}), with Oracle column types
 * as ALL_TAB_COLUMNS reports them. A small, representative subset of the real tables' columns.
 */
public final class BaseTables {

  public static final String OWNER = "FUSION";

  /** One column: Oracle type name plus the dictionary's length/precision/scale (null when absent). */
  public record Column(String name, String dataType, int dataLength, Integer precision, Integer scale,
      boolean nullable) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dataType, "dataType");
    }

    /** The type as written in CREATE TABLE. */
    String ddlType() {
      return switch (dataType) {
        case "VARCHAR2" -> "VARCHAR2(" + dataLength + ")";
        case "NUMBER" -> precision == null ? "NUMBER"
            : "NUMBER(" + precision + (scale == null || scale == 0 ? "" : "," + scale) + ")";
        default -> dataType;
      };
    }
  }

  /** One table and its primary key columns. */
  public record Table(String name, List<Column> columns, List<String> primaryKey) {
    public Table {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
    }

    public Column column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no column " + columnName + " in " + name));
    }
  }

  private static Column id(String name) {
    return new Column(name, "NUMBER", 22, 18, 0, false);
  }

  private static Column ref(String name) {
    return new Column(name, "NUMBER", 22, 18, 0, true);
  }

  private static Column amount(String name) {
    return new Column(name, "NUMBER", 22, null, null, true);
  }

  private static Column text(String name, int length, boolean nullable) {
    return new Column(name, "VARCHAR2", length, null, null, nullable);
  }

  private static Column date(String name, boolean nullable) {
    return new Column(name, "DATE", 7, null, null, nullable);
  }

  private static Column timestamp(String name) {
    return new Column(name, "TIMESTAMP(6)", 11, null, 6, true);
  }

  public static final Table AP_INVOICES_ALL = new Table("AP_INVOICES_ALL", List.of(
      id("INVOICE_ID"), text("INVOICE_NUM", 50, false), ref("VENDOR_ID"), ref("VENDOR_SITE_ID"),
      amount("INVOICE_AMOUNT"), amount("AMOUNT_PAID"), text("INVOICE_CURRENCY_CODE", 15, false),
      date("INVOICE_DATE", true), text("INVOICE_TYPE_LOOKUP_CODE", 25, true),
      text("DESCRIPTION", 240, true), text("PAYMENT_STATUS_FLAG", 1, true),
      text("APPROVAL_STATUS", 25, true), ref("ORG_ID"), date("GL_DATE", true),
      text("CREATED_BY", 64, true), timestamp("CREATION_DATE"), timestamp("LAST_UPDATE_DATE")),
      List.of("INVOICE_ID"));

  public static final Table AP_INVOICE_LINES_ALL = new Table("AP_INVOICE_LINES_ALL", List.of(
      id("INVOICE_ID"), id("LINE_NUMBER"), text("LINE_TYPE_LOOKUP_CODE", 25, true),
      amount("AMOUNT"), amount("QUANTITY_INVOICED"), amount("UNIT_PRICE"),
      text("DESCRIPTION", 240, true), date("ACCOUNTING_DATE", true), ref("ORG_ID"),
      timestamp("CREATION_DATE"), timestamp("LAST_UPDATE_DATE")),
      List.of("INVOICE_ID", "LINE_NUMBER"));

  public static final Table POZ_SUPPLIERS = new Table("POZ_SUPPLIERS", List.of(
      id("VENDOR_ID"), text("SEGMENT1", 30, false), ref("PARTY_ID"),
      text("VENDOR_TYPE_LOOKUP_CODE", 30, true), text("ENABLED_FLAG", 1, true),
      date("START_DATE_ACTIVE", true), date("END_DATE_ACTIVE", true), timestamp("CREATION_DATE"),
      timestamp("LAST_UPDATE_DATE")),
      List.of("VENDOR_ID"));

  public static final Table HZ_PARTIES = new Table("HZ_PARTIES", List.of(
      id("PARTY_ID"), text("PARTY_NUMBER", 30, false), text("PARTY_NAME", 360, false),
      text("PARTY_TYPE", 30, false), text("COUNTRY", 2, true), text("STATUS", 1, true),
      timestamp("CREATION_DATE"), timestamp("LAST_UPDATE_DATE")),
      List.of("PARTY_ID"));

  public static final Table PER_ALL_PEOPLE_F = new Table("PER_ALL_PEOPLE_F", List.of(
      id("PERSON_ID"), date("EFFECTIVE_START_DATE", false), date("EFFECTIVE_END_DATE", false),
      text("PERSON_NUMBER", 30, false), ref("BUSINESS_GROUP_ID"), date("START_DATE", true),
      text("PRIMARY_EMAIL", 240, true), timestamp("CREATION_DATE"), timestamp("LAST_UPDATE_DATE")),
      List.of("PERSON_ID", "EFFECTIVE_START_DATE", "EFFECTIVE_END_DATE"));

  public static final Table PER_PERSON_NAMES_F = new Table("PER_PERSON_NAMES_F", List.of(
      id("PERSON_NAME_ID"), date("EFFECTIVE_START_DATE", false), date("EFFECTIVE_END_DATE", false),
      id("PERSON_ID"), text("NAME_TYPE", 30, false), text("FIRST_NAME", 150, true),
      text("LAST_NAME", 150, false), text("FULL_NAME", 360, true), text("DISPLAY_NAME", 360, true),
      timestamp("CREATION_DATE"), timestamp("LAST_UPDATE_DATE")),
      List.of("PERSON_NAME_ID", "EFFECTIVE_START_DATE", "EFFECTIVE_END_DATE"));

  public static final Table HR_ALL_ORGANIZATION_UNITS = new Table("HR_ALL_ORGANIZATION_UNITS", List.of(
      id("ORGANIZATION_ID"), ref("BUSINESS_GROUP_ID"), text("NAME", 240, false),
      text("TYPE", 30, true), text("INTERNAL_EXTERNAL_FLAG", 30, true), date("DATE_FROM", false),
      date("DATE_TO", true), timestamp("CREATION_DATE"), timestamp("LAST_UPDATE_DATE")),
      List.of("ORGANIZATION_ID"));

  public static final List<Table> ALL = List.of(AP_INVOICES_ALL, AP_INVOICE_LINES_ALL, POZ_SUPPLIERS,
      HZ_PARTIES, PER_ALL_PEOPLE_F, PER_PERSON_NAMES_F, HR_ALL_ORGANIZATION_UNITS);

  private BaseTables() {}
}
