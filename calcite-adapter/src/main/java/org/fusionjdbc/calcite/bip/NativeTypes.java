package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * Types for a NATIVE query on the XMLGEN proxy, which describes nothing: the Oracle text is validated against the
 * FUSION_DB schema (tables and columns from the data dictionary) with Calcite's Oracle functions, and its row type
 * gives the types, as for a FUSION_DB query. Text Calcite cannot validate (Oracle-only syntax such as ROWNUM or
 * DUAL, views, which FUSION_DB does not list) keeps VARCHAR columns: a guess would not be exact.
 */
final class NativeTypes {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.calcite.bip");

  private NativeTypes() {
  }

  /** {@code names} typed from the validated text, or the names as VARCHAR2 when it does not validate. */
  static List<ProxyColumn> of(SchemaPlus fusionDb, String oracleSql, List<ProxyColumn> names) {
    if (fusionDb == null) {
      return names;
    }
    try {
      FrameworkConfig config = Frameworks.newConfigBuilder()
          .defaultSchema(fusionDb)
          .parserConfig(SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.TO_UPPER)
              .withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true)
              .withConformance(SqlConformanceEnum.ORACLE_12))
          .operatorTable(SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD,
              SqlLibrary.ORACLE))
          .build();
      Planner planner = Frameworks.getPlanner(config);
      SqlNode parsed = planner.parse(oracleSql);
      RelDataType rowType = planner.validateAndGetType(parsed).right;
      planner.close();
      List<ProxyColumn> typed = ResultTypes.columns(rowType);
      if (typed.size() != names.size()) {
        return names;
      }
      List<ProxyColumn> out = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        ProxyColumn t = typed.get(i);
        out.add(new ProxyColumn(names.get(i).name(), t.oracleType(), t.precision(), t.scale(), t.length(),
            t.nullable()));
      }
      return List.copyOf(out);
    } catch (Exception | LinkageError e) {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("NATIVE columns stay VARCHAR (the text does not validate against FUSION_DB): " + e.getMessage());
      }
      return names;
    }
  }
}
