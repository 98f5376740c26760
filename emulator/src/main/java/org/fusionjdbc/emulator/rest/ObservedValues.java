package org.fusionjdbc.emulator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a non-key value the way recordings of real pods show it (see {@link WireShapes#observedValues()}), chosen
 * per row from the row's hash so a run repeats: the same data in the shapes a client must read.
 */
final class ObservedValues {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
  /** The non-UTC offset seen in recordings. */
  private static final ZoneOffset PACIFIC = ZoneOffset.ofHours(-7);

  private ObservedValues() {}

  /** {@code number}: the attribute is integer or number typed (its null may come as {@code ""}). */
  static void write(JsonGenerator g, Object v, boolean number, int rowHash) throws IOException {
    int h = rowHash & 0x7fffffff;
    if (v == null) {
      if (number && h % 2 == 1) {
        g.writeString(""); // an empty numeric value in a detail, as recorded
      } else {
        g.writeNull();
      }
    } else if (v instanceof Long l) {
      if (h % 3 == 0) {
        g.writeString(Long.toString(l)); // a number attribute sent as a JSON string
      } else {
        g.writeNumber(exponentForm(BigDecimal.valueOf(l)));
      }
    } else if (v instanceof BigDecimal d) {
      if (h % 3 == 1) {
        g.writeString(d.toPlainString());
      } else {
        g.writeNumber(exponentForm(d));
      }
    } else if (v instanceof OffsetDateTime t) {
      OffsetDateTime shown = (h & 8) != 0 ? t.withOffsetSameInstant(PACIFIC) : t;
      g.writeString(((h & 4) != 0 ? MILLIS : SECONDS).format(shown));
    } else {
      ItemWriter.value(g, v, false);
    }
  }

  /** Whole numbers with trailing zeros in the exponent form a pod wrote ({@code 1.7842464E+12}); others plain. */
  private static String exponentForm(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.toString() : d.toPlainString();
  }
}
