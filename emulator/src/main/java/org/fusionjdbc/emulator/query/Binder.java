package org.fusionjdbc.emulator.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.fusionjdbc.emulator.data.Attr;
import org.fusionjdbc.emulator.data.AttrType;
import org.fusionjdbc.emulator.data.ResourceDef;

/** Resolves attribute names (case-sensitive) and converts literals to the attribute's type, or 400. */
final class Binder {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  /** A literal as written: quoted string, unquoted number, or an unquoted word such as true. */
  enum Kind { STRING, NUMBER, WORD }

  private final ResourceDef def;

  Binder(ResourceDef def) {
    this.def = def;
  }

  Ref ref(String name, String function) {
    String child = null;
    ResourceDef target = def;
    String attrName = name;
    int dot = name.indexOf('.');
    if (dot >= 0) {
      child = name.substring(0, dot);
      attrName = name.substring(dot + 1);
      ResourceDef.ChildDef cd = def.children().get(child);
      if (cd == null || attrName.indexOf('.') >= 0) {
        throw QueryException.badRequest(QueryException.UNKNOWN_ATTRIBUTE,
            "Attribute " + name + " in the q parameter is not found in resource " + def.name() + ".");
      }
      target = cd.def();
    }
    int idx = target.indexOf(attrName);
    if (idx < 0) {
      throw QueryException.badRequest(QueryException.UNKNOWN_ATTRIBUTE,
          "Attribute " + name + " in the q parameter is not found in resource " + def.name()
              + ". Attribute names are case-sensitive.");
    }
    Attr a = target.attributes().get(idx);
    if (!a.queryable()) {
      throw QueryException.badRequest(QueryException.NOT_QUERYABLE,
          "Attribute " + name + " of resource " + def.name() + " is not queryable.");
    }
    if (function != null && a.type() != AttrType.STRING) {
      throw typeError(a, function + "() needs a string attribute");
    }
    return new Ref(child, idx, a, function);
  }

  /** Row-match literal (framework 2+): the literal's form must fit the attribute's type. */
  Object literal(Ref ref, Kind kind, String text) {
    Attr a = ref.attr();
    switch (a.type()) {
      case STRING:
        if (kind != Kind.STRING) {
          throw typeError(a, "a string attribute needs a single-quoted string, got " + text);
        }
        return text;
      case INTEGER:
      case NUMBER:
        if (kind != Kind.NUMBER) {
          throw typeError(a, "a numeric attribute needs an unquoted number, got " + show(kind, text));
        }
        return new BigDecimal(text);
      case DATE:
        if (kind != Kind.STRING || !DATE.matcher(text).matches()) {
          throw typeError(a, "a date attribute needs a quoted 'YYYY-MM-DD' date, got " + show(kind, text));
        }
        return parseDate(a, text);
      case DATETIME:
        if (kind != Kind.STRING) {
          throw typeError(a, "a datetime attribute needs a quoted ISO-8601 datetime with offset, got " + text);
        }
        return parseDateTime(a, text);
      case BOOLEAN:
        if (kind == Kind.WORD && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
          return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
        }
        throw typeError(a, "a boolean attribute needs unquoted true or false, got " + show(kind, text));
      default:
        throw new IllegalStateException();
    }
  }

  /** Query-by-example value (framework 1): unquoted text converted by the attribute's type. */
  Object qbeValue(Ref ref, String raw) {
    String text = raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.substring(1, raw.length() - 1) : raw;
    Attr a = ref.attr();
    switch (a.type()) {
      case STRING:
        return text;
      case INTEGER:
      case NUMBER:
        if (!NUMBER.matcher(text).matches()) {
          throw typeError(a, "a numeric attribute needs a number, got " + raw);
        }
        return new BigDecimal(text);
      case DATE:
        if (!DATE.matcher(text).matches()) {
          throw typeError(a, "a date attribute needs YYYY-MM-DD, got " + raw);
        }
        return parseDate(a, text);
      case DATETIME:
        // Framework 1 clients write bare dates against timestamps (LastUpdateDate>=2018-02-01): midnight UTC.
        if (DATE.matcher(text).matches()) {
          return parseDate(a, text).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        }
        return parseDateTime(a, text);
      case BOOLEAN:
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
          return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
        }
        throw typeError(a, "a boolean attribute needs true or false, got " + raw);
      default:
        throw new IllegalStateException();
    }
  }

  private static LocalDate parseDate(Attr a, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw typeError(a, "invalid date " + text);
    }
  }

  private static OffsetDateTime parseDateTime(Attr a, String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw typeError(a, "a datetime attribute needs an ISO-8601 datetime with offset such as "
          + "'2024-01-15T10:20:30+00:00' or '2024-01-15T10:20:30.000Z', got '" + text + "'");
    }
  }

  private static String show(Kind kind, String text) {
    return kind == Kind.STRING ? "'" + text + "'" : text;
  }

  static QueryException typeError(Attr a, String why) {
    return QueryException.badRequest(QueryException.TYPE, "Type mismatch for attribute " + a.name() + ": " + why + ".");
  }
}
