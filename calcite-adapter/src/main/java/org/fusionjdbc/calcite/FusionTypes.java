package org.fusionjdbc.calcite;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.fusionjdbc.client.describe.AttributeDescription;

/**
 * The one table from describe types to SQL types. Public so that the driver's DatabaseMetaData reports
 * exactly the types queries return. Never produces {@code ANY}: BI tools cannot use it.
 *
 * <table>
 *   <caption>describe type to SQL type</caption>
 *   <tr><th>describe</th><th>SQL</th></tr>
 *   <tr><td>string</td><td>VARCHAR(maxLength), VARCHAR(4000) without maxLength</td></tr>
 *   <tr><td>integer</td><td>BIGINT</td></tr>
 *   <tr><td>number</td><td>DECIMAL(precision, scale), or DECIMAL(max, 10) without precision</td></tr>
 *   <tr><td>date</td><td>DATE</td></tr>
 *   <tr><td>datetime</td><td>TIMESTAMP(3), UTC on the wire</td></tr>
 *   <tr><td>boolean</td><td>BOOLEAN</td></tr>
 *   <tr><td>object, array, other</td><td>VARCHAR(4000) holding the JSON text</td></tr>
 * </table>
 */
public final class FusionTypes {
  /** VARCHAR length when describe gives no maxLength. */
  public static final int DEFAULT_VARCHAR_LENGTH = 4000;
  /** Scale of a {@code number} attribute without precision in describe. */
  public static final int DEFAULT_DECIMAL_SCALE = 10;
  /** Fractional-second digits of TIMESTAMP columns (the wire carries at most milliseconds). */
  public static final int TIMESTAMP_PRECISION = 3;

  private FusionTypes() {
  }

  /** The SQL type of an attribute, without length, precision or nullability. */
  public static SqlTypeName sqlTypeName(AttributeDescription attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return switch (attribute.type()) {
      case STRING, OBJECT, ARRAY, OTHER -> SqlTypeName.VARCHAR;
      case INTEGER -> SqlTypeName.BIGINT;
      case NUMBER -> SqlTypeName.DECIMAL;
      case DATE -> SqlTypeName.DATE;
      case DATETIME -> SqlTypeName.TIMESTAMP;
      case BOOLEAN -> SqlTypeName.BOOLEAN;
    };
  }

  /**
   * The full column type: length, precision and scale from describe; NOT NULL when the attribute is
   * mandatory (key columns are made NOT NULL by the table, which knows the key).
   */
  /** The length tools should show for a string attribute: describe's maxLength, else the default. */
  public static int columnSize(AttributeDescription attribute) {
    return attribute.type() == org.fusionjdbc.client.describe.AttributeType.STRING
        ? attribute.maxLength().orElse(DEFAULT_VARCHAR_LENGTH) : DEFAULT_VARCHAR_LENGTH;
  }

  public static RelDataType toRelType(RelDataTypeFactory typeFactory, AttributeDescription attribute) {
    return toRelType(typeFactory, attribute, attribute.mandatory());
  }

  static RelDataType toRelType(RelDataTypeFactory typeFactory, AttributeDescription attribute, boolean notNull) {
    Objects.requireNonNull(typeFactory, "typeFactory");
    SqlTypeName name = sqlTypeName(attribute);
    RelDataType type = switch (name) {
      // Unbounded on purpose: Calcite types a "column = ?" parameter like the column and casts the bound string to
      // it, so VARCHAR(50) would cut a 60-character value to 50 characters and change which rows match. The
      // describe length still reaches DatabaseMetaData as COLUMN_SIZE (see columnSize).
      case VARCHAR -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
      case DECIMAL -> decimal(typeFactory, attribute);
      case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION);
      default -> typeFactory.createSqlType(name);
    };
    return typeFactory.createTypeWithNullability(type, !notNull);
  }

  private static RelDataType decimal(RelDataTypeFactory typeFactory, AttributeDescription attribute) {
    int max = typeFactory.getTypeSystem().getMaxNumericPrecision();
    if (attribute.precision().isPresent()) {
      // Describe's precision wins; capped at what the type system can hold.
      int precision = Math.min(attribute.precision().getAsInt(), max);
      int scale = Math.min(attribute.scale().orElse(0), precision);
      return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }
    return typeFactory.createSqlType(SqlTypeName.DECIMAL, max, Math.min(DEFAULT_DECIMAL_SCALE, max / 2));
  }
}
