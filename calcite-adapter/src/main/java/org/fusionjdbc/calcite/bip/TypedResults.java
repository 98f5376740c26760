package org.fusionjdbc.calcite.bip;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * Hands a {@code FUSION_DB} query's result column types to the statement that runs it (see
 * {@link FusionDbToEnumerableConverter}). The XMLGEN proxy shape describes nothing, so its values are typed by the
 * columns the plan derived; they are compiled into the statement's own code and reach the proxy query through the
 * data source the generated code opens its connection on, so no state outlives or is shared beyond the statement.
 */
public final class TypedResults {
  private TypedResults() {
  }

  /** Called from generated code: {@code source} (the FUSION_DB data source) whose statements return {@code columns}. */
  public static DataSource dataSource(DataSource source, ProxyColumn[] columns) {
    try {
      return source.unwrap(BipDataSource.class).withResultColumns(List.of(columns)).asDataSource();
    } catch (SQLException e) {
      // generated code declares no checked exception; only FusionDbConvention's own data source gets here
      throw new IllegalStateException("FUSION_DB: the query's data source is not the BI Publisher channel", e);
    }
  }
}
