package org.fusionjdbc.emulator.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusionjdbc.emulator.data.AttrType;
import org.fusionjdbc.emulator.data.ResourceDef;

/**
 * Framework 1 query-by-example {@code q} (contract §2.2): {@code Attr>value;Attr2=value}, {@code ;} is
 * AND, values unquoted, ranges as {@code Attr>=10 and <=30}, and the match form {@code Attr SA*}
 * ({@code *} wildcard; without a wildcard it is equality).
 */
public final class QbeParser {
  private static final Pattern CLAUSE = Pattern.compile("\\s*([A-Za-z_$][A-Za-z0-9_$.]*)\\s*(.*?)\\s*", Pattern.DOTALL);
  private static final Pattern OP = Pattern.compile("(>=|<=|!=|<>|=|<|>)\\s*(.*)", Pattern.DOTALL);
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

  private QbeParser() {}

  public static Expr parse(String q, ResourceDef def) {
    Binder binder = new Binder(def);
    List<Expr> parts = new ArrayList<>();
    for (String clause : q.split(";")) {
      if (clause.isBlank()) {
        continue;
      }
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw QueryException.badRequest(QueryException.SYNTAX,
            "Syntax error in the q parameter near '" + clause.strip() + "': expected Attribute<op>value.");
      }
      Ref ref = binder.ref(m.group(1), null);
      String rest = m.group(2);
      if (rest.isEmpty()) {
        throw QueryException.badRequest(QueryException.SYNTAX,
            "Syntax error in the q parameter: no value for attribute " + m.group(1) + ".");
      }
      if (!OP.matcher(rest).matches()) {
        parts.add(match(binder, ref, rest));
        continue;
      }
      for (String piece : AND.split(rest)) {
        Matcher om = OP.matcher(piece.strip());
        if (!om.matches() || om.group(2).isEmpty()) {
          throw QueryException.badRequest(QueryException.SYNTAX, "Syntax error in the q parameter near '" + piece.strip()
              + "' for attribute " + m.group(1) + ": expected an operator and a value.");
        }
        Expr.Op op = switch (om.group(1)) {
          case "=" -> Expr.Op.EQ;
          case "!=", "<>" -> Expr.Op.NE;
          case "<" -> Expr.Op.LT;
          case ">" -> Expr.Op.GT;
          case "<=" -> Expr.Op.LE;
          default -> Expr.Op.GE;
        };
        parts.add(new Expr.Cmp(ref, op, binder.qbeValue(ref, om.group(2).strip())));
      }
    }
    if (parts.isEmpty()) {
      throw QueryException.badRequest(QueryException.SYNTAX, "Syntax error in the q parameter: empty expression.");
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
  }

  private static Expr match(Binder binder, Ref ref, String value) {
    if (ref.attr().type() == AttrType.STRING && (value.indexOf('*') >= 0 || value.indexOf('%') >= 0)) {
      return new Expr.Like(ref, value.replace('*', '%'));
    }
    return new Expr.Cmp(ref, Expr.Op.EQ, binder.qbeValue(ref, value));
  }
}
