package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;

/** VARCHAR parameters of the table functions. */
final class Parameters {
  private Parameters() {
  }

  /** A literal argument as text: Calcite hands character literals over as String or NlsString. */
  static Object text(Object argument) {
    if (argument instanceof org.apache.calcite.util.NlsString n) {
      return n.getValue();
    }
    if (argument instanceof Character c) {
      return c.toString();
    }
    return argument;
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
          // A Java type: Calcite hands a macro only literals of Java-typed parameters (others arrive as null).
          return typeFactory.createTypeWithNullability(typeFactory.createJavaType(String.class), true);
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
