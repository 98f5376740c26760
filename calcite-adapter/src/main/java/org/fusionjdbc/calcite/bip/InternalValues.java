package org.fusionjdbc.calcite.bip;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.fusionjdbc.client.bip.ProxyColumn;

/** Row types from proxy columns, and proxy values in Calcite's internal representation. */
final class InternalValues {
  private InternalValues() {
  }

  static RelDataType rowType(RelDataTypeFactory factory, List<ProxyColumn> columns) {
    List<String> raw = new ArrayList<>();
    columns.forEach(c -> raw.add(c.name()));
    List<String> names = SqlValidatorUtil.uniquify(raw, true);
    RelDataTypeFactory.Builder b = factory.builder();
    for (int i = 0; i < columns.size(); i++) {
      ProxyColumn c = columns.get(i);
      OracleTypes.SqlType t = OracleTypes.map(c.oracleType(), c.length(), c.precision(), c.scale());
      b.add(names.get(i), type(factory, t)).nullable(c.nullable());
    }
    return b.build();
  }

  static RelDataType type(RelDataTypeFactory f, OracleTypes.SqlType t) {
    return switch (t.jdbcType()) {
      case java.sql.Types.BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case java.sql.Types.DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.size(), t.digits());
      case java.sql.Types.REAL -> f.createSqlType(SqlTypeName.REAL);
      case java.sql.Types.DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case java.sql.Types.TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, t.digits());
      case java.sql.Types.CHAR -> f.createSqlType(SqlTypeName.CHAR, t.size());
      default -> t.size() > 0 ? f.createSqlType(SqlTypeName.VARCHAR, t.size()) : f.createSqlType(SqlTypeName.VARCHAR);
    };
  }

  /** One proxy value as Calcite holds a value of {@code type}. */
  static Object convert(Object v, SqlTypeName type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case BIGINT -> ((Number) v).longValue();
      case DECIMAL -> v instanceof BigDecimal d ? d : v instanceof Long l ? BigDecimal.valueOf(l)
          : new BigDecimal(v.toString());
      case REAL -> ((Number) v).floatValue();
      case DOUBLE -> ((Number) v).doubleValue();
      case TIMESTAMP -> millis(v);
      default -> text(v);
    };
  }

  private static long millis(Object v) {
    LocalDateTime t = v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
        : (LocalDateTime) v;
    return t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static String text(Object v) {
    if (v instanceof byte[] b) {
      return HexFormat.of().withUpperCase().formatHex(b);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }
}
