package org.fusionjdbc.calcite.bip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ProxyColumn;
import org.fusionjdbc.client.bip.ProxyRowStream;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * {@code FUSION_DB.NATIVE('select ...')}: an Oracle query sent verbatim through the proxy report, its columns
 * typed from the proxy's metadata. Anything but one SELECT or WITH query is refused before it leaves the
 * driver. The columns are learnt at planning time by running the query for no rows (see {@link #describe}),
 * cached per text; execution sends the text as written, in one run (page it yourself with OFFSET/FETCH).
 */
final class NativeMacro implements TableMacro {
  private static final int CACHED_SHAPES = 64;
  private final BipClient client;
  private final SchemaPlus fusionDb; // for the XMLGEN proxy's types; null in tests without one
  private final Map<String, List<ProxyColumn>> shapes = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ProxyColumn>> eldest) {
          return size() > CACHED_SHAPES;
        }
      });

  NativeMacro(BipClient client, SchemaPlus fusionDb) {
    this.client = Objects.requireNonNull(client, "client");
    this.fusionDb = fusionDb;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return Parameters.varchar(List.of("SQL"), 1);
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    Object arg = arguments.isEmpty() ? null : Parameters.text(arguments.get(0));
    if (!(arg instanceof String sql)) {
      throw FusionException.of(Kind.BAD_REQUEST, "NATIVE takes the Oracle query as a string literal, e.g. "
          + "FUSION_DB.NATIVE('select invoice_id from ap_invoices_all')");
    }
    SqlText.requireSingleQuery(sql);
    List<ProxyColumn> columns = shapes.computeIfAbsent(sql, this::describe);
    return new ResultTable(columns, new NativeRows(client, sql, columns));
  }

  /**
   * Runs the query for no rows: FETCH NEXT 0 ROWS appended (an inline view would reject a {@code SELECT *} over
   * a join with clashing names), or, when the text has its own FETCH/OFFSET, wrapped with WHERE 1 = 0.
   */
  private List<ProxyColumn> describe(String sql) {
    String text = sql.strip();
    if (client.shapeInUse() == ProxyShape.XMLGEN) {
      return names(text);
    }
    String probe = SqlText.hasTopLevel(text, "FETCH") || SqlText.hasTopLevel(text, "OFFSET")
        ? "SELECT * FROM (\n" + text + "\n) \"FJ_N\" WHERE 1 = 0" : text + "\nFETCH NEXT 0 ROWS ONLY";
    try (ProxyRowStream s = client.proxy().run(probe)) {
      if (s.shape() != ProxyShape.XMLGEN) {
        return List.copyOf(s.columns());
      }
    }
    return names(text);
  }

  /**
   * The XMLGEN proxy describes nothing and writes no row for no rows, so the names come from one row that always
   * exists: the query outer-joined to DUAL (all NULL when it is empty, each NULL still written as an element).
   * The types come from validating the text against FUSION_DB ({@link NativeTypes}), else the columns are VARCHAR,
   * Oracle's text of each value (docs/bi-publisher.md §4.3).
   */
  private List<ProxyColumn> names(String text) {
    String probe = "SELECT \"FJ_Q\".* FROM DUAL LEFT JOIN (\n" + text + "\n) \"FJ_Q\" ON 1 = 1\nFETCH NEXT 1 ROWS ONLY";
    try (ProxyRowStream s = client.proxy().run(probe)) {
      return NativeTypes.of(fusionDb, text, List.copyOf(s.columns()));
    }
  }
}
