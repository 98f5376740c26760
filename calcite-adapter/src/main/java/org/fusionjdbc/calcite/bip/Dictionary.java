package org.fusionjdbc.calcite.bip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.sql.SqlDialect;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ProxyColumn;

/**
 * Tables and columns of the listed owners, read through the proxy report from Oracle's data dictionary
 * (ALL_TABLES, ALL_TAB_COLUMNS) and cached per BI Publisher client: tables once, columns per table when a
 * query first names it (a Fusion pod has tens of thousands of tables). Owner and table names reach the SQL
 * only as literals quoted by the dialect. Thread-safe.
 */
final class Dictionary {
  private static final Map<BipClient, Map<List<String>, Dictionary>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** A table of the dictionary. */
  record TableRef(String owner, String name) {
  }

  /** A column as ALL_TAB_COLUMNS describes it. */
  record Column(String name, String dataType, int length, Integer precision, Integer scale, boolean nullable) {
  }

  // No reference to the client: the cache's key must stay weakly reachable (a value that pointed back at its
  // WeakHashMap key would keep every closed connection's dictionary alive).
  private final List<String> owners;
  private final SqlDialect dialect;
  private final int windowSize;
  private volatile List<TableRef> tables;
  private final Map<TableRef, List<Column>> columns = new ConcurrentHashMap<>();

  private Dictionary(List<String> owners, SqlDialect dialect, int windowSize) {
    this.owners = List.copyOf(owners);
    this.dialect = dialect;
    this.windowSize = windowSize;
  }

  /** The dictionary of {@code owners} as {@code client} sees it, shared by every schema over that client. */
  static Dictionary of(BipClient client, List<String> owners, SqlDialect dialect, int windowSize) {
    Objects.requireNonNull(client, "client");
    synchronized (CACHE) {
      return CACHE.computeIfAbsent(client, c -> new ConcurrentHashMap<>())
          .computeIfAbsent(List.copyOf(owners), o -> new Dictionary(o, dialect, windowSize));
    }
  }

  List<String> owners() {
    return owners;
  }

  /** Tables of all owners, in owner order then by name; {@code client} is the one this dictionary belongs to. */
  List<TableRef> tables(BipClient client) {
    List<TableRef> t = tables;
    if (t == null) {
      synchronized (this) {
        if (tables == null) {
          tables = loadTables(client);
        }
        t = tables;
      }
    }
    return t;
  }

  List<Column> columns(BipClient client, TableRef table) {
    return columns.computeIfAbsent(table, t -> loadColumns(client, t));
  }

  /** What the dictionary queries return, for the XMLGEN proxy (which describes nothing). */
  private static final List<ProxyColumn> TABLE_SHAPE = List.of(text("OWNER", 128), text("TABLE_NAME", 128));
  private static final List<ProxyColumn> COLUMN_SHAPE = List.of(text("COLUMN_NAME", 128), text("DATA_TYPE", 128),
      integer("DATA_LENGTH"), integer("DATA_PRECISION"), integer("DATA_SCALE"), text("NULLABLE", 1),
      integer("COLUMN_ID"));

  private static ProxyColumn text(String name, int length) {
    return new ProxyColumn(name, "VARCHAR2", 0, 0, length, true);
  }

  private static ProxyColumn integer(String name) {
    return new ProxyColumn(name, "NUMBER", 10, 0, 22, true);
  }

  private List<TableRef> loadTables(BipClient client) {
    StringJoiner in = new StringJoiner(", ", "(", ")");
    owners.forEach(o -> in.add(literal(o)));
    String sql = "SELECT OWNER, TABLE_NAME FROM ALL_TABLES WHERE OWNER IN " + in + " ORDER BY OWNER, TABLE_NAME";
    List<TableRef> out = new ArrayList<>();
    try (Cursor c = new WindowedCursor(client.proxy(), sql, windowSize, TABLE_SHAPE)) {
      while (c.next()) {
        out.add(new TableRef((String) c.row()[0], (String) c.row()[1]));
      }
    }
    out.sort((a, b) -> a.owner().equals(b.owner()) ? a.name().compareTo(b.name())
        : Integer.compare(owners.indexOf(a.owner()), owners.indexOf(b.owner())));
    return List.copyOf(out);
  }

  private List<Column> loadColumns(BipClient client, TableRef table) {
    String sql = "SELECT COLUMN_NAME, DATA_TYPE, DATA_LENGTH, DATA_PRECISION, DATA_SCALE, NULLABLE, COLUMN_ID "
        + "FROM ALL_TAB_COLUMNS WHERE OWNER = " + literal(table.owner()) + " AND TABLE_NAME = "
        + literal(table.name()) + " ORDER BY COLUMN_ID";
    List<Column> out = new ArrayList<>();
    try (Cursor c = new WindowedCursor(client.proxy(), sql, windowSize, COLUMN_SHAPE)) {
      while (c.next()) {
        Object[] r = c.row();
        out.add(new Column((String) r[0], (String) r[1], intOr(r[2], 0), integer(r[3]), integer(r[4]),
            !"N".equals(r[5])));
      }
    }
    return List.copyOf(out);
  }

  private String literal(String value) {
    StringBuilder sb = new StringBuilder();
    dialect.quoteStringLiteral(sb, null, value);
    return sb.toString();
  }

  private static Integer integer(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  private static int intOr(Object o, int fallback) {
    return o == null ? fallback : ((Number) o).intValue();
  }
}
