package org.fusionjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The tests' own, independent evaluation helpers over rows read through the data API. */
final class Oracle {
  private Oracle() {}

  static BigDecimal num(Object v) {
    return v == null ? null : v instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) v;
  }

  static boolean gt(Object v, String x) {
    return v != null && num(v).compareTo(new BigDecimal(x)) > 0;
  }

  static boolean ge(Object v, String x) {
    return v != null && num(v).compareTo(new BigDecimal(x)) >= 0;
  }

  static boolean lt(Object v, String x) {
    return v != null && num(v).compareTo(new BigDecimal(x)) < 0;
  }

  static boolean le(Object v, String x) {
    return v != null && num(v).compareTo(new BigDecimal(x)) <= 0;
  }

  static boolean dateIn(Object v, String fromIncl, String toExcl) {
    if (v == null) {
      return false;
    }
    LocalDate d = (LocalDate) v;
    return !d.isBefore(LocalDate.parse(fromIncl)) && d.isBefore(LocalDate.parse(toExcl));
  }

  static boolean after(Object v, String iso) {
    return v != null && ((OffsetDateTime) v).toInstant().isAfter(OffsetDateTime.parse(iso).toInstant());
  }

  /** SQL LIKE via a regex built here (independent of the emulator's matcher). */
  static boolean like(Object v, String pattern) {
    if (v == null) {
      return false;
    }
    StringBuilder re = new StringBuilder();
    for (int cp : pattern.codePoints().toArray()) {
      if (cp == '%') {
        re.append(".*");
      } else if (cp == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(new String(Character.toChars(cp))));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher((String) v).matches();
  }

  /** Oracle ordering for one attribute: nulls last ascending, first descending; strings binary. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<Map<String, Object>> by(String attr, boolean desc) {
    Comparator<Comparable> natural = (a, b) -> a instanceof Long || a instanceof BigDecimal
        ? num(a).compareTo(num(b)) : a.compareTo(b);
    Comparator<Comparable> c = desc ? Comparator.nullsFirst(natural.reversed()) : Comparator.nullsLast(natural);
    return Comparator.comparing(m -> (Comparable) m.get(attr), c);
  }

  static List<Object> keys(List<Map<String, Object>> rows, String key) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      out.add(r.get(key));
    }
    return out;
  }

  static List<Object> keys(JsonNode items, String key, Function<JsonNode, Object> conv) {
    List<Object> out = new ArrayList<>();
    for (JsonNode i : items) {
      out.add(conv.apply(i.get(key)));
    }
    return out;
  }
}
