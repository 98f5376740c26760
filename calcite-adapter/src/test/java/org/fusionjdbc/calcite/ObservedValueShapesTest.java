package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.fusionjdbc.client.describe.AttributeDescription;
import org.fusionjdbc.client.describe.DescribeParser;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.query.Page;
import org.fusionjdbc.client.query.PageParser;
import org.junit.jupiter.api.Test;

/**
 * Values in the shapes recorded from real pods (docs/fusion-rest-contract.md §6), read
 * through the same path a scan takes: describe JSON to columns, the page through the client's PageParser, each value
 * through the RowConverter.
 */
class ObservedValueShapesTest {
  /** A trimmed describe in the observed shape: maxLength as a string, a date typed string, an interval string. */
  private static final String DESCRIBE = """
      {"Resources": {"workers": {"discrColumnType": false, "title": "Workers", "attributes": [
        {"name": "PersonId", "type": "integer", "precision": 18, "queryable": true, "mandatory": false},
        {"name": "PersonNumber", "type": "string", "maxLength": "30", "queryable": true},
        {"name": "CorrespondenceLanguage", "type": "string", "maxLength": "1", "queryable": true},
        {"name": "NationalIdCount", "type": "integer", "precision": 18},
        {"name": "Salary", "type": "number", "precision": 18, "scale": 2},
        {"name": "EffectiveStartDate", "type": "date"},
        {"name": "EffectiveEndDate", "type": "date"},
        {"name": "HireDateText", "type": "string"},
        {"name": "CreationDate", "type": "datetime"},
        {"name": "LastUpdateDate", "type": "datetime"},
        {"name": "ElapsedTime", "type": "string"},
        {"name": "PrimaryFlag", "type": "boolean"},
        {"name": "ActiveFlag", "type": "boolean"}],
        "collection": {"rangeSize": 25, "finders": [{"name": "PrimaryKey", "attributes": [
          {"name": "PersonId", "type": "integer"}]}]}}}}
      """;

  /** Three rows as real pods write them: mixed fractions, a -07:00 offset, exponent numbers, codes as strings. */
  private static final String PAGE = """
      {"items": [
        {"PersonId": 300000297761450, "PersonNumber": "31", "CorrespondenceLanguage": null,
         "NationalIdCount": "2", "Salary": 1.7842464E+12, "EffectiveStartDate": "2019-05-01",
         "EffectiveEndDate": "4712-12-31", "HireDateText": "2019-05-01",
         "CreationDate": "2019-05-01T10:20:30.123+00:00", "LastUpdateDate": "2024-01-15T10:20:30+00:00",
         "ElapsedTime": "+000000000 00:00:08.507000", "PrimaryFlag": true, "ActiveFlag": "Y"},
        {"PersonId": 300000297761451, "PersonNumber": "32", "CorrespondenceLanguage": " ",
         "NationalIdCount": "", "Salary": "1250.75", "EffectiveStartDate": "2020-02-29",
         "EffectiveEndDate": "4712-12-31", "HireDateText": "",
         "CreationDate": "2020-02-29T23:59:59-07:00", "LastUpdateDate": "2024-01-15T10:20:30.000+00:00",
         "ElapsedTime": null, "PrimaryFlag": false, "ActiveFlag": "N"},
        {"PersonId": 1.7842464E+12, "PersonNumber": "", "CorrespondenceLanguage": "E",
         "NationalIdCount": 3, "Salary": "", "EffectiveStartDate": "", "EffectiveEndDate": "4712-12-31",
         "HireDateText": null, "CreationDate": "", "LastUpdateDate": "2024-01-15T03:20:30.5-07:00",
         "ElapsedTime": "+000000001 02:03:04.000000", "PrimaryFlag": null, "ActiveFlag": "true"}],
       "count": 3, "hasMore": false, "limit": 499, "offset": 0,
       "links": [{"rel": "self", "href": "https://pod.example.com:443/hcmRestApi/resources/11.13.18.05/workers"}]}
      """;

  private static List<FusionColumn> columns(ResourceDescription d) {
    List<FusionColumn> out = new ArrayList<>();
    for (AttributeDescription a : d.attributes()) {
      out.add(new FusionColumn(a.name(), a, false, -1, false));
    }
    return out;
  }

  private static List<Object[]> scan(ZoneId zone) throws Exception {
    ResourceDescription d = DescribeParser.parse(PageParser.readTree(bytes(DESCRIBE)), "workers");
    List<FusionColumn> cols = columns(d);
    Page page = new PageParser(cols.stream().map(FusionColumn::name).toList()).read(bytes(PAGE));
    RowConverter rc = new RowConverter(zone, "workers");
    List<Object[]> out = new ArrayList<>();
    for (Object[] raw : page.rows()) {
      Object[] row = new Object[raw.length];
      for (int i = 0; i < raw.length; i++) {
        row[i] = rc.convert(cols.get(i), raw[i]);
      }
      out.add(row);
    }
    return out;
  }

  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static long utcMillis(String iso) {
    return java.time.OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }

  @Test
  void describeMaxLengthAsAStringIsTheColumnSize() throws Exception {
    ResourceDescription d = DescribeParser.parse(PageParser.readTree(bytes(DESCRIBE)), "workers");
    assertThat(FusionTypes.columnSize(d.attribute("CorrespondenceLanguage").orElseThrow())).isEqualTo(1);
    assertThat(FusionTypes.columnSize(d.attribute("PersonNumber").orElseThrow())).isEqualTo(30);
    // a date typed string stays a string: the driver does not guess types the describe does not state
    assertThat(FusionTypes.sqlTypeName(d.attribute("HireDateText").orElseThrow()).getName()).isEqualTo("VARCHAR");
  }

  @Test
  void everyObservedShapeReadsExactlyAndNoRowFails() throws Exception {
    List<Object[]> rows = scan(ZoneId.of("UTC"));
    assertThat(rows).hasSize(3);
    Object[] a = rows.get(0);
    Object[] b = rows.get(1);
    Object[] c = rows.get(2);
    // integers, and an exponent-form number in a BIGINT column, exact
    assertThat(a[0]).isEqualTo(300000297761450L);
    assertThat(c[0]).isEqualTo(1784246400000L);
    // numeric-looking codes in string attributes stay strings, "" stays ""
    assertThat(a[1]).isEqualTo("31");
    assertThat(c[1]).isEqualTo("");
    assertThat(b[2]).isEqualTo(" ");
    // a numeric attribute sent as a JSON string; "" is NULL
    assertThat(a[3]).isEqualTo(2L);
    assertThat(b[3]).isNull();
    assertThat(c[3]).isEqualTo(3L);
    // exponent form and strings in a DECIMAL column, exact (never through double)
    assertThat(a[4]).isEqualTo(new BigDecimal("1784246400000.00")); // the describe's scale, not the exponent form
    assertThat(b[4]).isEqualTo(new BigDecimal("1250.75"));
    assertThat(c[4]).isNull();
    // dates, including the end-of-time 4712-12-31, as days since the epoch
    assertThat(a[5]).isEqualTo((int) LocalDate.of(2019, 5, 1).toEpochDay());
    assertThat(b[5]).isEqualTo((int) LocalDate.of(2020, 2, 29).toEpochDay());
    assertThat(c[5]).isNull();
    assertThat(a[6]).isEqualTo((int) LocalDate.of(4712, 12, 31).toEpochDay());
    // datetimes with and without a 3-digit fraction, +00:00 and -07:00 offsets, in one field
    assertThat(a[8]).isEqualTo(utcMillis("2019-05-01T10:20:30.123Z"));
    assertThat(b[8]).isEqualTo(utcMillis("2020-03-01T06:59:59Z"));
    assertThat(c[8]).isNull();
    assertThat(a[9]).isEqualTo(utcMillis("2024-01-15T10:20:30Z"));
    assertThat(b[9]).isEqualTo(utcMillis("2024-01-15T10:20:30Z"));
    assertThat(c[9]).isEqualTo(utcMillis("2024-01-15T10:20:30.500Z"));
    // interval strings pass through unchanged
    assertThat(a[10]).isEqualTo("+000000000 00:00:08.507000");
    assertThat(b[10]).isNull();
    // booleans as JSON true/false and as Y/N
    assertThat(a[11]).isEqualTo(true);
    assertThat(b[11]).isEqualTo(false);
    assertThat(c[11]).isNull();
    assertThat(a[12]).isEqualTo(true);
    assertThat(b[12]).isEqualTo(false);
    assertThat(c[12]).isEqualTo(true);
  }

  @Test
  void datetimesAreTheSameInstantInTheConnectionsZone() throws Exception {
    List<Object[]> rows = scan(ZoneId.of("America/Los_Angeles"));
    // 2020-02-29T23:59:59-07:00 is 22:59:59 wall clock in Los Angeles (PST, -08:00)
    assertThat(rows.get(1)[8]).isEqualTo(utcMillis("2020-02-29T22:59:59Z"));
    // a DATE keeps the date the pod wrote, whatever the zone
    assertThat(rows.get(0)[6]).isEqualTo((int) LocalDate.of(4712, 12, 31).toEpochDay());
  }

  @Test
  void anEmptyNumericValueIsLoggedOncePerColumn() throws Exception {
    Logger log = Logger.getLogger("org.fusionjdbc.calcite");
    List<LogRecord> records = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel() == Level.FINE) {
          records.add(r);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Level old = log.getLevel();
    log.addHandler(h);
    log.setLevel(Level.FINE);
    try {
      AttributeDescription n = SampleData.attr("Count", org.fusionjdbc.client.describe.AttributeType.INTEGER,
          true, false);
      FusionColumn col = new FusionColumn("Count", n, false, -1, false);
      RowConverter rc = new RowConverter(ZoneId.of("UTC"), "workers");
      for (int i = 0; i < 100; i++) {
        assertThat(rc.convert(col, "")).isNull();
      }
      assertThat(records).hasSize(1);
      assertThat(records.get(0).getMessage()).contains("workers").contains("Count").contains("NULL");
    } finally {
      log.removeHandler(h);
      log.setLevel(old);
    }
  }

  @Test
  void aValueThatCannotBeReadNamesResourceAttributeAndValue() {
    RowConverter rc = new RowConverter(ZoneId.of("UTC"), "workers");
    FusionColumn id = new FusionColumn("PersonId",
        SampleData.attr("PersonId", org.fusionjdbc.client.describe.AttributeType.INTEGER, true, false), false, -1,
        false);
    FusionColumn when = new FusionColumn("CreationDate",
        SampleData.attr("CreationDate", org.fusionjdbc.client.describe.AttributeType.DATETIME, true, false), false,
        -1, false);
    FusionColumn flag = new FusionColumn("PrimaryFlag",
        SampleData.attr("PrimaryFlag", org.fusionjdbc.client.describe.AttributeType.BOOLEAN, true, false), false,
        -1, false);
    assertThatThrownBy(() -> rc.convert(id, "abc")).isInstanceOfSatisfying(WireValueException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("22018");
      assertThat(e.getMessage()).contains("workers").contains("PersonId").contains("'abc'");
    });
    assertThatThrownBy(() -> rc.convert(id, new BigDecimal("1.5"))).isInstanceOfSatisfying(
        WireValueException.class, e -> assertThat(e.sqlState()).isEqualTo("22018"));
    assertThatThrownBy(() -> rc.convert(id, new BigDecimal("1E+30"))).isInstanceOfSatisfying(
        WireValueException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
    assertThatThrownBy(() -> rc.convert(when, "15/01/2024 10:20")).isInstanceOfSatisfying(
        WireValueException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("22007");
          assertThat(e.getMessage()).contains("CreationDate").contains("15/01/2024 10:20");
        });
    assertThatThrownBy(() -> rc.convert(flag, "maybe")).isInstanceOfSatisfying(WireValueException.class,
        e -> assertThat(e.getMessage()).contains("PrimaryFlag").contains("maybe"));
  }
}
