package org.fusionjdbc.calcite;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.fusionjdbc.calcite.like.LikeMatcher;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.AttributeType;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;

/**
 * Translates one filter conjunct ({@link RexNode}) into a {@link QExpr}, or declines. Only exact
 * translations: a term whose meaning in Fusion could differ from SQL's stays in Calcite. Values never
 * become text here; {@link QExpr#render} does that.
 *
 * <p>Negated comparisons are rewritten ({@code NOT a < 5} to {@code a >= 5}): under SQL's three-valued
 * logic both are UNKNOWN for a null {@code a}, so the rewrite is exact in every context.
 */
final class FilterTranslator {
  private final IntFunction<FusionColumn> columns;
  private final RexBuilder rexBuilder;
  private final QDialect dialect;
  private final ZoneId zone;
  /** Values of {@code ?} parameters; null while planning (then any well-typed parameter is assumed pushable). */
  private final Function<Integer, Object> params;
  /** Evaluates a relative-time expression at execution ({@link #isRelativeTime}); null while planning. */
  private final Function<RexNode, Object> evaluator;
  /** Translates terms on the parent-key columns of a child table (they filter the parents) instead of the child's. */
  private final boolean parentSide;

  FilterTranslator(IntFunction<FusionColumn> columns, RexBuilder rexBuilder, QDialect dialect, ZoneId zone,
      Function<Integer, Object> params) {
    this.columns = Objects.requireNonNull(columns, "columns");
    this.rexBuilder = Objects.requireNonNull(rexBuilder, "rexBuilder");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.params = params;
    this.evaluator = null;
    this.parentSide = false;
  }

  /** For execution: {@code ?} values and relative-time expressions are read from the statement's DataContext. */
  FilterTranslator(IntFunction<FusionColumn> columns, RexBuilder rexBuilder, QDialect dialect, ZoneId zone,
      Function<Integer, Object> params, Function<RexNode, Object> evaluator) {
    this.columns = Objects.requireNonNull(columns, "columns");
    this.rexBuilder = Objects.requireNonNull(rexBuilder, "rexBuilder");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.params = Objects.requireNonNull(params, "params");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    this.parentSide = false;
  }

  private FilterTranslator(FilterTranslator t) {
    this.columns = t.columns;
    this.rexBuilder = t.rexBuilder;
    this.dialect = t.dialect;
    this.zone = t.zone;
    this.params = t.params;
    this.evaluator = t.evaluator;
    this.parentSide = true;
  }

  /**
   * This translator over a child table's parent-key columns only: their terms select parents, so on the expanded
   * parent scan they are exact in q (each child row carries its parent's key values).
   */
  FilterTranslator parentSide() {
    return new FilterTranslator(this);
  }

  /**
   * Whether {@code node} has a value known only at execution: a {@code ?} parameter, or a relative time such as
   * {@code CURRENT_DATE - INTERVAL '30' DAY} (Tableau's "last 30 days").
   */
  static boolean hasParam(RexNode node) {
    if (node instanceof RexDynamicParam || isRelativeTime(node)) {
      return true;
    }
    return node instanceof RexCall call && call.getOperands().stream().anyMatch(FilterTranslator::hasParam);
  }

  /**
   * An expression over no column whose value is a DATE or TIMESTAMP computed from the statement's clock
   * ({@code CURRENT_DATE}, {@code CURRENT_TIMESTAMP}, ...): constant within one execution, which evaluates it once
   * from the DataContext for q and for Calcite's own check alike.
   */
  static boolean isRelativeTime(RexNode node) {
    SqlTypeName t = node.getType().getSqlTypeName();
    return (t == SqlTypeName.DATE || t == SqlTypeName.TIMESTAMP) && node instanceof RexCall
        && !RexUtil.containsInputRef(node) && containsClock(node);
  }

  private static boolean containsClock(RexNode node) {
    return node instanceof RexCall call && (call.getOperator().isDynamicFunction()
        || call.getOperands().stream().anyMatch(FilterTranslator::containsClock));
  }

  /** The q expression for {@code node}, or empty when it cannot be said exactly. */
  Optional<QExpr> translate(RexNode node) {
    QExpr e = term(node, false);
    return e != null && e.renderable(dialect) ? Optional.of(e) : Optional.empty();
  }

  private QExpr term(RexNode node, boolean negated) {
    if (!(node instanceof RexCall call)) {
      return null;
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND:
      case OR: {
        boolean and = (kind == SqlKind.AND) != negated;
        List<QExpr> terms = new ArrayList<>();
        List<RexNode> untranslated = new ArrayList<>();
        for (RexNode op : call.getOperands()) {
          QExpr t = term(op, negated);
          if (t == null) {
            untranslated.add(op);
          } else {
            terms.add(t);
          }
        }
        if (!untranslated.isEmpty() && !(and && !negated && impliedByComparisons(untranslated, terms))) {
          return null;
        }
        return and ? QExpr.and(terms) : QExpr.or(terms);
      }
      case NOT:
        return term(call.getOperands().get(0), !negated);
      case SEARCH:
        return term(RexUtil.expandSearch(rexBuilder, null, call), negated);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case GREATER_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, negated);
      case LIKE:
        return negated ? null : like(call);
      case IS_NULL:
      case IS_NOT_NULL: {
        FusionColumn c = column(call.getOperands().get(0));
        if (c == null || !dialect.isNull()) {
          return null;
        }
        return new QExpr.IsNull(c.name(), (kind == SqlKind.IS_NOT_NULL) != negated);
      }
      default:
        return null;
    }
  }

  /**
   * Whether each untranslated conjunct is {@code c IS NOT NULL} for a column {@code c} that a translated comparison
   * of the same AND already constrains: a comparison is never true for a null (SQL, and Fusion's Oracle underneath),
   * so dropping the null check is exact. Spark adds such checks to every filter on a nullable column.
   */
  private boolean impliedByComparisons(List<RexNode> untranslated, List<QExpr> translated) {
    for (RexNode n : untranslated) {
      if (!(n instanceof RexCall c && c.getKind() == SqlKind.IS_NOT_NULL)) {
        return false;
      }
      FusionColumn col = column(c.getOperands().get(0));
      if (col == null || translated.stream().noneMatch(t -> excludesNulls(t, col.name()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code e} can only be true when {@code attribute} is not null (Calcite nests ANDs when it expands a range). */
  private static boolean excludesNulls(QExpr e, String attribute) {
    if (e instanceof QExpr.Compare cmp) {
      return cmp.attribute().equals(attribute);
    }
    return e instanceof QExpr.And and && and.terms().stream().anyMatch(t -> excludesNulls(t, attribute));
  }

  private QExpr comparison(RexCall call, boolean negated) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    QExpr.Op op = op(call.getKind());
    FusionColumn c = column(NumericWidening.column(left));
    RexNode value = right;
    if (c == null) {
      c = column(NumericWidening.column(right));
      value = left;
      op = op.flip();
    }
    if (c == null) {
      return castComparison(call, negated);
    }
    QValue v = value(c, value);
    if (v == null) {
      return null;
    }
    return QExpr.compare(c.name(), negated ? op.negate() : op, v);
  }

  /**
   * A comparison of a column cast between DATE and TIMESTAMP with a literal, as Tableau writes date filters on
   * datetime columns ({@code CAST(ts AS DATE) >= DATE 'd'}) and Calcite types a date column against a timestamp
   * literal ({@code CAST(d AS TIMESTAMP) >= TIMESTAMP 't'}). Each becomes a range on the bare column, with day
   * boundaries at local midnight in the connection's zone, where TIMESTAMP literals are placed too: exact, and a
   * null column is UNKNOWN on both sides.
   */
  private QExpr castComparison(RexCall call, boolean negated) {
    QExpr.Op op = op(call.getKind());
    RexNode cast = call.getOperands().get(0);
    RexNode lit = call.getOperands().get(1);
    if (cast.getKind() != SqlKind.CAST) {
      cast = call.getOperands().get(1);
      lit = call.getOperands().get(0);
      op = op.flip();
    }
    if (cast.getKind() != SqlKind.CAST) {
      return null;
    }
    FusionColumn c = column(((RexCall) cast).getOperands().get(0));
    SqlTypeName target = cast.getType().getSqlTypeName();
    if (negated) {
      op = op.negate();
    }
    LocalDate d = c != null && c.attribute().type() == AttributeType.DATETIME && target == SqlTypeName.DATE
        && lit.getType().getSqlTypeName() == SqlTypeName.DATE ? dateValue(lit) : null;
    if (d != null) {
      return DayRanges.dayOfDatetime(c.name(), op, toQValue(c, d.atStartOfDay()),
          toQValue(c, d.plusDays(1).atStartOfDay()));
    }
    if (c != null && c.attribute().type() == AttributeType.DATE && target == SqlTypeName.TIMESTAMP
        && lit instanceof RexLiteral l && !l.isNull() && l.getTypeName() == SqlTypeName.TIMESTAMP
        && literalValue(l) instanceof LocalDateTime t) {
      return DayRanges.dateAgainstTimestamp(c.name(), op, t);
    }
    return null;
  }

  /**
   * A DATE operand's value: a literal, or a {@code ?} or relative time ({@code CURRENT_DATE - INTERVAL '30' DAY}) read
   * at execution (while planning, any day stands in). Null when there is none.
   */
  private LocalDate dateValue(RexNode node) {
    Object raw;
    if (node instanceof RexLiteral l) {
      raw = l.isNull() ? null : literalValue(l);
    } else if (node instanceof RexDynamicParam || isRelativeTime(node)) {
      if (params == null) {
        return LocalDate.EPOCH;
      }
      raw = node instanceof RexDynamicParam p ? params.apply(p.getIndex())
          : evaluator == null ? null : evaluator.apply(node);
    } else {
      return null;
    }
    return raw instanceof LocalDate day ? day : raw instanceof java.sql.Date day ? day.toLocalDate()
        : raw instanceof Integer days ? LocalDate.ofEpochDay(days) : null;
  }

  private QExpr like(RexCall call) {
    if (!(call.getOperator() instanceof SqlLikeOperator op) || op.isNegated() || !op.isCaseSensitive()
        || !"LIKE".equals(op.getName()) || call.getOperands().size() > 3) {
      return null; // ILIKE, SIMILAR: no exact equivalent
    }
    FusionColumn c = column(call.getOperands().get(0));
    if (c == null || c.attribute().type() != AttributeType.STRING) {
      return null;
    }
    QValue v = value(c, call.getOperands().get(1));
    if (!(v instanceof QValue.Str s)) {
      return null;
    }
    String p = s.value();
    if (call.getOperands().size() == 3) {
      // q has no ESCAPE: only a pattern that means the same without it is sent
      if (!(call.getOperands().get(2) instanceof RexLiteral escape) || escape.isNull()) {
        return null;
      }
      p = LikeMatcher.withoutEscape(p, escape.getValueAs(String.class)).orElse(null);
      if (p == null) {
        return null;
      }
    }
    // '_' has no q equivalent; a backslash might be read as an escape by Fusion.
    if (p.indexOf('_') >= 0 || p.indexOf('\\') >= 0) {
      return null;
    }
    return QExpr.like(c.name(), p);
  }

  /** The queryable column behind a plain input reference, else null. */
  private FusionColumn column(RexNode node) {
    if (!(node instanceof RexInputRef ref)) {
      return null;
    }
    FusionColumn c = columns.apply(ref.getIndex());
    // A parent-key column of a child table is not an attribute of the child: it selects the parents instead.
    return c != null && c.queryable() && c.fromParent() == parentSide ? c : null;
  }

  /**
   * For {@code parentKey = literal} on a child table: the parent item id for the child path, as the
   * describe type's JSON value (Long or String). Empty for anything else.
   */
  Optional<Object> parentKey(RexNode node) {
    if (!(node instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
      return Optional.empty();
    }
    for (int side = 0; side < 2; side++) {
      if (call.getOperands().get(side) instanceof RexInputRef ref
          && call.getOperands().get(1 - side) instanceof RexLiteral lit && !lit.isNull()) {
        FusionColumn c = columns.apply(ref.getIndex());
        if (c == null || !c.fromParent() || !c.queryable()) {
          return Optional.empty(); // the parent is found by q on its key: a key q cannot name reads all parents
        }
        Object raw = literalValue(lit);
        if (c.attribute().type() == AttributeType.INTEGER && raw instanceof BigDecimal d) {
          try {
            return Optional.of(d.longValueExact());
          } catch (ArithmeticException e) {
            return Optional.empty();
          }
        }
        return c.attribute().type() == AttributeType.STRING && raw instanceof String s && !s.isEmpty()
            ? Optional.of(s) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The literal (or bound parameter) as a value of the column's type, or null if not exact. */
  private QValue value(FusionColumn c, RexNode node) {
    Object raw;
    if (node instanceof RexLiteral lit) {
      if (lit.isNull()) {
        return null;
      }
      raw = literalValue(lit);
    } else if (node instanceof RexDynamicParam p) {
      if (params == null) {
        return placeholder(c);
      }
      raw = params.apply(p.getIndex());
    } else if (isRelativeTime(node)) {
      if (params == null) {
        return placeholder(c);
      }
      raw = evaluator == null ? null : evaluator.apply(node);
    } else {
      return null;
    }
    return raw == null ? null : toQValue(c, raw);
  }

  private static Object literalValue(RexLiteral lit) {
    SqlTypeName t = lit.getTypeName();
    return switch (t) {
      case CHAR, VARCHAR -> lit.getValueAs(String.class);
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> lit.getValueAs(BigDecimal.class);
      case DATE -> LocalDate.parse(lit.getValueAs(DateString.class).toString());
      case TIMESTAMP -> LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      default -> null; // DOUBLE/REAL literals are not exact; booleans are not in the q grammar we push
    };
  }

  private QValue placeholder(FusionColumn c) {
    return switch (c.attribute().type()) {
      case STRING -> QValue.of("?");
      case INTEGER, NUMBER -> QValue.of(0L);
      case DATE -> QValue.of(LocalDate.EPOCH);
      case DATETIME -> QValue.of(LocalDateTime.of(1970, 1, 1, 0, 0).atOffset(ZoneOffset.UTC));
      default -> null;
    };
  }

  /** Java value to q value for a column; null when the pairing is not exact. */
  QValue toQValue(FusionColumn c, Object raw) {
    switch (c.attribute().type()) {
      case STRING:
        return raw instanceof String s ? QValue.of(s) : null;
      case INTEGER:
      case NUMBER:
        if (raw instanceof BigDecimal d) {
          return QValue.of(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        } else if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
          return QValue.of(((Number) raw).longValue());
        } else if (raw instanceof BigInteger i) {
          return QValue.of(new BigDecimal(i));
        }
        return null;
      case DATE:
        if (raw instanceof LocalDate d) {
          return QValue.of(d);
        } else if (raw instanceof java.sql.Date d) {
          return QValue.of(d.toLocalDate());
        } else if (raw instanceof Integer days) {
          return QValue.of(LocalDate.ofEpochDay(days));
        }
        return null;
      case DATETIME:
        LocalDateTime ldt;
        if (raw instanceof LocalDateTime l) {
          ldt = l;
        } else if (raw instanceof java.sql.Timestamp ts) {
          ldt = ts.toLocalDateTime();
        } else if (raw instanceof Long millis) {
          ldt = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
              (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
        } else {
          return null;
        }
        return QValue.of(ldt.atZone(zone).toOffsetDateTime());
      default:
        return null;
    }
  }

  private static QExpr.Op op(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> QExpr.Op.EQ;
      case NOT_EQUALS -> QExpr.Op.NE;
      case LESS_THAN -> QExpr.Op.LT;
      case GREATER_THAN -> QExpr.Op.GT;
      case LESS_THAN_OR_EQUAL -> QExpr.Op.LE;
      case GREATER_THAN_OR_EQUAL -> QExpr.Op.GE;
      default -> throw new IllegalArgumentException("not a comparison: " + kind);
    };
  }
}
