package org.fusionjdbc.emulator.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusionjdbc.emulator.data.AttrType;
import org.fusionjdbc.emulator.data.ResourceDef;
import org.fusionjdbc.emulator.query.Lexer.T;
import org.fusionjdbc.emulator.query.Lexer.Token;

/**
 * Parser for framework 2+ row-match {@code q}. Strict mode accepts only the constructs the contract
 * marks confirmed; every uncertain one (IN, BETWEEN, IS [NOT] NULL, NOT, {@code <>}, {@code ''},
 * {@code *} in LIKE, functions) is a 400. Permissive mode accepts them with SQL semantics.
 */
public final class RowMatchParser {
  private final List<Token> tokens;
  private final Binder binder;
  private final boolean permissive;
  private int p;

  private RowMatchParser(String q, ResourceDef def, boolean permissive) {
    this.tokens = Lexer.lex(q, permissive);
    this.binder = new Binder(def);
    this.permissive = permissive;
  }

  public static Expr parse(String q, ResourceDef def, boolean permissive) {
    RowMatchParser parser = new RowMatchParser(q, def, permissive);
    if (parser.peek().type() == T.END) {
      throw Lexer.syntax("empty expression", 1);
    }
    Expr e = parser.or();
    if (parser.peek().type() != T.END) {
      throw Lexer.syntax("unexpected '" + parser.peek().text() + "'", parser.peek().pos());
    }
    return e;
  }

  private Token peek() {
    return tokens.get(p);
  }

  private Token next() {
    return tokens.get(p++);
  }

  private boolean keyword(String k) {
    Token t = peek();
    return t.type() == T.IDENT && t.text().equalsIgnoreCase(k);
  }

  private void unsupported(String what, int pos) {
    if (!permissive) {
      throw QueryException.badRequest(QueryException.UNSUPPORTED, what + " at position " + pos
          + " is not supported by this server (strict mode).");
    }
  }

  private Expr or() {
    List<Expr> parts = new ArrayList<>();
    parts.add(and());
    while (keyword("or")) {
      next();
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
  }

  private Expr and() {
    List<Expr> parts = new ArrayList<>();
    parts.add(not());
    while (keyword("and")) {
      next();
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
  }

  private Expr not() {
    if (keyword("not")) {
      unsupported("NOT", next().pos());
      return new Expr.Not(not());
    }
    return primary();
  }

  private Expr primary() {
    Token t = peek();
    if (t.type() == T.LPAREN) {
      next();
      Expr e = or();
      expect(T.RPAREN, "')'");
      return e;
    }
    Ref ref = ref();
    Token op = next();
    if (op.type() == T.OP) {
      Expr.Op o = switch (op.text()) {
        case "=" -> Expr.Op.EQ;
        case "!=" -> Expr.Op.NE;
        case "<>" -> {
          unsupported("Operator <>", op.pos());
          yield Expr.Op.NE;
        }
        case "<" -> Expr.Op.LT;
        case ">" -> Expr.Op.GT;
        case "<=" -> Expr.Op.LE;
        case ">=" -> Expr.Op.GE;
        default -> throw Lexer.syntax("unknown operator " + op.text(), op.pos());
      };
      return new Expr.Cmp(ref, o, literal(ref));
    }
    if (op.type() != T.IDENT) {
      throw Lexer.syntax("expected an operator after " + ref.display() + " but found '" + op.text() + "'", op.pos());
    }
    String word = op.text().toUpperCase(Locale.ROOT);
    boolean negated = false;
    Token kw = op;
    if (word.equals("NOT")) {
      unsupported("NOT", op.pos());
      negated = true;
      kw = next();
      word = kw.text().toUpperCase(Locale.ROOT);
    }
    Expr e;
    switch (word) {
      case "LIKE" -> e = like(ref);
      case "IN" -> {
        unsupported("IN", kw.pos());
        expect(T.LPAREN, "'(' after IN");
        List<Object> values = new ArrayList<>();
        values.add(literal(ref));
        while (peek().type() == T.COMMA) {
          next();
          values.add(literal(ref));
        }
        expect(T.RPAREN, "')' closing IN");
        e = new Expr.In(ref, values);
      }
      case "BETWEEN" -> {
        unsupported("BETWEEN", kw.pos());
        Object low = literal(ref);
        if (!keyword("and")) {
          throw Lexer.syntax("expected AND in BETWEEN", peek().pos());
        }
        next();
        e = new Expr.Between(ref, low, literal(ref));
      }
      case "IS" -> {
        if (negated) {
          throw Lexer.syntax("unexpected IS", kw.pos());
        }
        unsupported("IS NULL", kw.pos());
        if (keyword("not")) {
          next();
          negated = true;
        }
        if (!keyword("null")) {
          throw Lexer.syntax("expected NULL", peek().pos());
        }
        next();
        e = new Expr.IsNull(ref);
      }
      default -> throw Lexer.syntax("expected an operator after " + ref.display() + " but found '" + kw.text() + "'",
          kw.pos());
    }
    return negated ? new Expr.Not(e) : e;
  }

  private Expr like(Ref ref) {
    Token t = next();
    if (t.type() != T.STRING) {
      throw Lexer.syntax("LIKE needs a quoted pattern", t.pos());
    }
    if (ref.attr().type() != AttrType.STRING) {
      throw Binder.typeError(ref.attr(), "LIKE needs a string attribute");
    }
    String pattern = t.text();
    if (pattern.indexOf('*') >= 0) {
      unsupported("The * wildcard in a LIKE pattern (use %)", t.pos());
      pattern = pattern.replace('*', '%');
    }
    return new Expr.Like(ref, pattern);
  }

  private Ref ref() {
    Token t = next();
    if (t.type() != T.IDENT) {
      throw Lexer.syntax("expected an attribute name but found '" + t.text() + "'", t.pos());
    }
    if (peek().type() == T.LPAREN) {
      unsupported("Function " + t.text() + "()", t.pos());
      String f = t.text().toUpperCase(Locale.ROOT);
      if (!f.equals("UPPER") && !f.equals("LOWER")) {
        throw QueryException.badRequest(QueryException.UNSUPPORTED, "Function " + t.text() + " at position "
            + t.pos() + " is not supported; only UPPER and LOWER are.");
      }
      next();
      Token a = next();
      if (a.type() != T.IDENT) {
        throw Lexer.syntax("expected an attribute name", a.pos());
      }
      expect(T.RPAREN, "')'");
      return binder.ref(a.text(), f);
    }
    return binder.ref(t.text(), null);
  }

  private Object literal(Ref ref) {
    Token t = next();
    switch (t.type()) {
      case STRING:
        return binder.literal(ref, Binder.Kind.STRING, t.text());
      case NUMBER:
        return binder.literal(ref, Binder.Kind.NUMBER, t.text());
      case MINUS: {
        Token num = next();
        if (num.type() != T.NUMBER) {
          throw Lexer.syntax("expected a number after '" + t.text() + "'", num.pos());
        }
        return binder.literal(ref, Binder.Kind.NUMBER, t.text() + num.text());
      }
      case IDENT:
        if (t.text().equalsIgnoreCase("true") || t.text().equalsIgnoreCase("false")) {
          return binder.literal(ref, Binder.Kind.WORD, t.text());
        }
        throw Lexer.syntax("expected a literal but found '" + t.text()
            + "' (strings are single-quoted; comparing two attributes is not supported)", t.pos());
      default:
        throw Lexer.syntax("expected a literal but found '" + t.text() + "'", t.pos());
    }
  }

  private void expect(T type, String what) {
    Token t = next();
    if (t.type() != type) {
      throw Lexer.syntax("expected " + what + " but found '" + t.text() + "'", t.pos());
    }
  }
}
