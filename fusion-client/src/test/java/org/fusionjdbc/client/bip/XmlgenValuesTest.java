package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** Oracle's text of each type, as DBMS_XMLGEN writes it under the XMLGEN proxy's NLS settings, read back exactly. */
class XmlgenValuesTest {
  private static ProxyColumn col(String type, int precision, int scale) {
    return new ProxyColumn("C", type, precision, scale, 22, true);
  }

  @Test
  void numbersWithoutALeadingZeroAndIntegersThatFitALong() {
    assertThat(XmlgenValues.value(".5", col("NUMBER", 0, -127))).isEqualTo(new BigDecimal("0.5"));
    assertThat(XmlgenValues.value("-.25", col("NUMBER", 10, 2))).isEqualTo(new BigDecimal("-0.25"));
    assertThat(XmlgenValues.value("300100000000001", col("NUMBER", 18, 0))).isEqualTo(300100000000001L);
    assertThatThrownBy(() -> XmlgenValues.value("1.5", col("NUMBER", 18, 0))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void binaryFloatsInOraclesExponentFormAndItsSpecialValues() {
    assertThat(XmlgenValues.value("1.2505E+003", col("BINARY_DOUBLE", 0, 0))).isEqualTo(1250.5);
    assertThat(XmlgenValues.value("Inf", col("BINARY_DOUBLE", 0, 0))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat((Double) XmlgenValues.value("Nan", col("BINARY_DOUBLE", 0, 0))).isNaN();
    assertThat(XmlgenValues.value("-1.5E-001", col("BINARY_FLOAT", 0, 0))).isEqualTo(-0.15f);
  }

  @Test
  void datesTimestampsAndIntervals() {
    assertThat(XmlgenValues.value("2024-01-15T10:20:30", col("DATE", 0, 0)))
        .isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 20, 30));
    assertThat(XmlgenValues.value("2024-01-15T10:20:30.500000000", col("TIMESTAMP", 0, 6)))
        .isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 20, 30, 500_000_000));
    assertThat(XmlgenValues.value("2024-01-15T10:20:30.000000000+02:00", col("TIMESTAMP WITH TIME ZONE", 0, 6)))
        .isEqualTo(OffsetDateTime.parse("2024-01-15T10:20:30+02:00"));
    assertThat(XmlgenValues.value("-01-02", col("INTERVAL YEAR TO MONTH", 2, 0))).isEqualTo(Period.of(-1, -2, 0));
    assertThat(XmlgenValues.value("+03 04:05:06.500000", col("INTERVAL DAY TO SECOND", 2, 6)))
        .isEqualTo(Duration.parse("P3DT4H5M6.5S"));
  }

  @Test
  void textIsKeptAsItIsAndRawIsHex() {
    assertThat(XmlgenValues.value("  padded ", col("CHAR", 0, 0))).isEqualTo("  padded ");
    assertThat((byte[]) XmlgenValues.value("0AFF", col("RAW", 0, 0))).containsExactly(0x0A, 0xFF);
  }

  @Test
  void escapedColumnNamesAreDecoded() {
    assertThat(XmlgenValues.columnName("Invoice_x0020_Num")).isEqualTo("Invoice Num");
    assertThat(XmlgenValues.columnName("_x0031__x0024_X")).isEqualTo("1$X");
    assertThat(XmlgenValues.columnName("INVOICE_ID")).isEqualTo("INVOICE_ID");
  }
}
