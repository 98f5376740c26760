package org.fusionjdbc.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast date/datetime paths against java.time on the shapes Fusion writes and on shapes they must decline. */
class IsoTimesTest {

  @Test
  void datesAgreeWithLocalDate() {
    Random rnd = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(rnd.nextInt(3_000_000) - 700_000);
      if (d.getYear() < 0 || d.getYear() > 9999) {
        continue;
      }
      assertThat(IsoTimes.epochDay(d.toString())).as(d.toString()).isEqualTo(d.toEpochDay());
    }
    for (String s : List.of("4712-12-31", "2024-02-29", "2000-02-29", "1900-02-28", "0001-01-01", "1969-12-31")) {
      assertThat(IsoTimes.epochDay(s)).as(s).isEqualTo(LocalDate.parse(s).toEpochDay());
    }
  }

  @Test
  void datetimesAgreeWithOffsetDateTimeInEveryFixedZone() {
    Random rnd = new Random(11);
    String[] offsets = {"+00:00", "Z", "-07:00", "+05:30", "+14:00", "-12:00"};
    String[] fractions = {"", ".1", ".12", ".123", ".1234", ".123456", ".123456789", ".999", ".000"};
    for (int i = 0; i < 20_000; i++) {
      long second = rnd.nextLong(-2_000_000_000L, 8_000_000_000L);
      String base = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second), ZoneOffset.UTC).toLocalDateTime()
          .withNano(0).toString();
      if (base.length() == 16) {
        base += ":00"; // LocalDateTime drops zero seconds
      }
      String s = base + fractions[rnd.nextInt(fractions.length)] + offsets[rnd.nextInt(offsets.length)];
      int zone = (rnd.nextInt(49) - 24) * 1800;
      long expected = OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.ofTotalSeconds(zone)).toLocalDateTime()
          .toInstant(ZoneOffset.UTC).toEpochMilli();
      assertThat(IsoTimes.localMillis(s, zone)).as(s + " in " + zone).isEqualTo(expected);
    }
  }

  @Test
  void otherShapesAreLeftToJavaTime() {
    for (String s : List.of("2024-05-01T10:15:30", "2024-05-01T10:15", "2024-05-01 10:15:30+00:00",
        "2024-05-01T10:15:30+0000", "2024-05-01T10:15:30.+00:00", "2024-05-01T10:15:30.1234567890Z",
        "2024-13-01T10:15:30Z", "2024-02-30T10:15:30Z", "2024-05-01T24:00:00Z", "+2024-05-01T10:15:30Z",
        "2024-05-01T10:15:30+00:00:00", "2024-05-01T10:15:30+19:00", "2024-05-01T10:15:30+18:30", "2024-05-01T10:15:30z")) {
      assertThat(IsoTimes.localMillis(s, 0)).as(s).isEqualTo(IsoTimes.UNKNOWN);
    }
    for (String s : List.of("2024-5-01", "24-05-01", "2024/05/01", "2023-02-29", "2024-00-10", "abcd-ef-gh")) {
      assertThat(IsoTimes.epochDay(s)).as(s).isEqualTo(IsoTimes.UNKNOWN);
    }
  }
}
