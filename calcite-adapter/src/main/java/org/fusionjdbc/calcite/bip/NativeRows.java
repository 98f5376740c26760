package org.fusionjdbc.calcite.bip;

import java.util.List;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.fusionjdbc.client.bip.BipClient;
import org.fusionjdbc.client.bip.ProxyColumn;
import org.fusionjdbc.client.bip.ProxyRowStream;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/** Rows of a native query: the text sent verbatim, streamed, converted to the planned column types. */
final class NativeRows implements RowSource {
  private final BipClient client;
  private final String sql;
  private final List<ProxyColumn> planned;
  private final SqlTypeName[] types;

  NativeRows(BipClient client, String sql, List<ProxyColumn> planned) {
    this.client = client;
    this.sql = sql;
    this.planned = List.copyOf(planned);
    RelDataType rowType = InternalValues.rowType(new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT), planned);
    this.types = rowType.getFieldList().stream().map(f -> f.getType().getSqlTypeName()).toArray(SqlTypeName[]::new);
  }

  @Override
  public Enumerable<Object[]> rows() {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        ProxyRowStream s = client.proxy().run(sql, planned);
        if (s.columns().size() != planned.size()) {
          s.close();
          throw FusionException.of(Kind.PROTOCOL, "the native query returned " + s.columns().size()
              + " columns, " + planned.size() + " when it was planned; run the statement again");
        }
        return new Enumerator<>() {
          private Object[] current;

          @Override
          public Object[] current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            if (!s.next()) {
              return false;
            }
            Object[] raw = s.row();
            Object[] row = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
              row[i] = InternalValues.convert(raw[i], types[i]);
            }
            current = row;
            return true;
          }

          @Override
          public void reset() {
            throw new UnsupportedOperationException("a BI Publisher result is read once");
          }

          @Override
          public void close() {
            s.close();
          }
        };
      }
    };
  }
}
