package org.fusionjdbc.client.query;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fusionjdbc.client.config.QDialect;

/**
 * A row-match {@code q} expression (REST-Framework-Version 2 and later) as a tree. {@link #render(QDialect)}
 * is the only code in the project that turns values into q text: strings are single-quoted, and a value
 * that the dialect cannot express exactly (a quote without {@code quoteDoubling}, an uncertain construct
 * that is not enabled) makes rendering fail with {@link UnrenderableException} instead of producing a q
 * that could mean something else.
 */
public sealed interface QExpr
    permits QExpr.Compare, QExpr.Like, QExpr.And, QExpr.Or, QExpr.IsNull, QExpr.In, QExpr.Between, QExpr.Not {

  /** Attribute names: Fusion identifiers, optionally one child path segment ({@code names.FirstName}). */
  Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** Comparison operators of the contract's [C] set. */
  enum Op {
    EQ("="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** The operator that holds exactly when this one does not (for non-null operands). */
    public Op negate() {
      return switch (this) {
        case EQ -> NE;
        case NE -> EQ;
        case LT -> GE;
        case GE -> LT;
        case GT -> LE;
        case LE -> GT;
      };
    }

    /** The operator with its operands swapped ({@code 5 < a} is {@code a > 5}). */
    public Op flip() {
      return switch (this) {
        case EQ, NE -> this;
        case LT -> GT;
        case GT -> LT;
        case LE -> GE;
        case GE -> LE;
      };
    }
  }

  /** Renders the expression; fails rather than render anything the dialect cannot say exactly. */
  String render(QDialect dialect);

  /** Whether {@link #render(QDialect)} would succeed. */
  default boolean renderable(QDialect dialect) {
    try {
      render(dialect);
      return true;
    } catch (UnrenderableException e) {
      return false;
    }
  }

  static QExpr compare(String attribute, Op op, QValue value) {
    return new Compare(attribute, op, value);
  }

  static QExpr like(String attribute, String pattern) {
    return new Like(attribute, pattern);
  }

  static QExpr and(List<QExpr> terms) {
    return terms.size() == 1 ? terms.get(0) : new And(terms);
  }

  static QExpr or(List<QExpr> terms) {
    return terms.size() == 1 ? terms.get(0) : new Or(terms);
  }

  /** {@code attribute op value}. */
  record Compare(String attribute, Op op, QValue value) implements QExpr {
    public Compare {
      checkAttribute(attribute);
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String render(QDialect dialect) {
      return attribute + " " + op.symbol() + " " + literal(value, dialect);
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** {@code attribute LIKE 'pattern'} where {@code %} matches any run of characters. */
  record Like(String attribute, String pattern) implements QExpr {
    public Like {
      checkAttribute(attribute);
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String render(QDialect dialect) {
      if (pattern.indexOf('*') >= 0 && !dialect.starWildcard()) {
        // '*' may be a wildcard on Fusion; a literal star cannot be said exactly.
        throw new UnrenderableException("LIKE pattern contains '*', which Fusion may treat as a wildcard");
      }
      return attribute + " LIKE " + quote(pattern, dialect);
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** Conjunction of two or more terms. */
  record And(List<QExpr> terms) implements QExpr {
    public And {
      terms = List.copyOf(terms);
      if (terms.size() < 2) {
        throw new IllegalArgumentException("and needs two or more terms");
      }
    }

    @Override
    public String render(QDialect dialect) {
      return join(terms, " and ", dialect);
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** Disjunction of two or more terms. */
  record Or(List<QExpr> terms) implements QExpr {
    public Or {
      terms = List.copyOf(terms);
      if (terms.size() < 2) {
        throw new IllegalArgumentException("or needs two or more terms");
      }
    }

    @Override
    public String render(QDialect dialect) {
      return join(terms, " or ", dialect);
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** [U] {@code attribute IS [NOT] NULL}; only with {@link QDialect#isNull()}. */
  record IsNull(String attribute, boolean negated) implements QExpr {
    public IsNull {
      checkAttribute(attribute);
    }

    @Override
    public String render(QDialect dialect) {
      require(dialect.isNull(), "IS NULL");
      return attribute + (negated ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** [U] {@code attribute IN (v1, v2, ...)}; only with {@link QDialect#in()}. */
  record In(String attribute, List<QValue> values) implements QExpr {
    public In {
      checkAttribute(attribute);
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN needs values");
      }
    }

    @Override
    public String render(QDialect dialect) {
      require(dialect.in(), "IN");
      StringBuilder sb = new StringBuilder(attribute).append(" IN (");
      for (int i = 0; i < values.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(literal(values.get(i), dialect));
      }
      return sb.append(')').toString();
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** [U] {@code attribute BETWEEN low AND high}; only with {@link QDialect#between()}. */
  record Between(String attribute, QValue low, QValue high) implements QExpr {
    public Between {
      checkAttribute(attribute);
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }

    @Override
    public String render(QDialect dialect) {
      require(dialect.between(), "BETWEEN");
      return attribute + " BETWEEN " + literal(low, dialect) + " AND " + literal(high, dialect);
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** [U] {@code NOT (term)}; only with {@link QDialect#not()}. */
  record Not(QExpr term) implements QExpr {
    public Not {
      Objects.requireNonNull(term, "term");
    }

    @Override
    public String render(QDialect dialect) {
      require(dialect.not(), "NOT");
      return "NOT (" + term.render(dialect) + ")";
    }

    @Override
    public String toString() {
      return render(QDialect.PERMISSIVE);
    }
  }

  /** The expression cannot be rendered exactly in the given dialect. */
  final class UnrenderableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnrenderableException(String message) {
      super(message);
    }
  }

  private static void checkAttribute(String attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (!ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException("not a Fusion attribute name: " + attribute);
    }
  }

  private static void require(boolean enabled, String construct) {
    if (!enabled) {
      throw new UnrenderableException(construct + " is not enabled for this connection's q dialect");
    }
  }

  private static String join(List<QExpr> terms, String separator, QDialect dialect) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < terms.size(); i++) {
      QExpr t = terms.get(i);
      boolean composite = t instanceof And || t instanceof Or;
      sb.append(i == 0 ? "" : separator);
      sb.append(composite ? "(" : "").append(t.render(dialect)).append(composite ? ")" : "");
    }
    return sb.toString();
  }

  private static String literal(QValue value, QDialect dialect) {
    if (value instanceof QValue.Str s) {
      return quote(s.value(), dialect);
    } else if (value instanceof QValue.Num n) {
      return n.value().toPlainString();
    } else if (value instanceof QValue.Date d) {
      return "'" + d.value() + "'";
    } else if (value instanceof QValue.DateTime t) {
      return "'" + QValue.DateTime.WIRE.format(t.value()) + "'";
    } else if (value instanceof QValue.Bool b) {
      return Boolean.toString(b.value());
    }
    throw new IllegalStateException("unknown value " + value);
  }

  private static String quote(String s, QDialect dialect) {
    if (s.indexOf('\'') >= 0) {
      if (!dialect.quoteDoubling()) {
        throw new UnrenderableException("a string containing a single quote cannot be sent in q "
            + "unless quote doubling is enabled");
      }
      s = s.replace("'", "''");
    }
    return "'" + s + "'";
  }
}
