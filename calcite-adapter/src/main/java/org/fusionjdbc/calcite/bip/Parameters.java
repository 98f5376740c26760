package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.sql.type.SqlTypeName;

/** VARCHAR parameters of the table functions. */
final class Parameters {
  private Parameters() {
  }

  static List<FunctionParameter> varchar(List<String> names, int required) {
    List<FunctionParameter> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int ordinal = i;
      out.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return names.get(ordinal);
        }

        @Override
        public RelDataType getType(RelDataTypeFactory typeFactory) {
          return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
        }

        @Override
        public boolean isOptional() {
          return ordinal >= required;
        }
      });
    }
    return List.copyOf(out);
  }
}
