package org.fusionjdbc.calcite.bip;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.calcite.DataContext;
import org.apache.calcite.runtime.ResultSetEnumerable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Binds a {@code FUSION_DB} query's parameters with the types its plan declares (see
 * {@link FusionDbToEnumerableConverter}). Calcite keeps datetime values in internal form (a DATE as epoch days, a
 * TIME as milliseconds of the day, a TIMESTAMP as epoch milliseconds of the wall clock); they are turned back into
 * JDBC values here, so the Oracle dialect writes them as DATE and TIMESTAMP literals. A parameter without a known type
 * is refused: binding it as whatever number Calcite holds would query the wrong thing silently.
 */
public final class TypedParameters {
  private static final java.util.Set<SqlTypeName> DATETIMES = java.util.EnumSet.of(SqlTypeName.DATE,
      SqlTypeName.TIMESTAMP);

  private TypedParameters() {
  }

  /**
   * Called from generated code. {@code indexes}: the {@code ?} index of each parameter of the Oracle text, in text
   * order; {@code types}: the SQL type name of each {@code ?} index (null where the plan has none).
   */
  public static ResultSetEnumerable.PreparedStatementEnricher enricher(Integer[] indexes, DataContext root,
      String[] types) {
    return statement -> {
      for (int i = 0; i < indexes.length; i++) {
        int index = indexes[i];
        String type = index < types.length ? types[index] : null;
        if (type == null) {
          throw new SQLException("FUSION_DB: parameter " + (index + 1) + " has no SQL type in the plan, so its value "
              + "cannot be written into the query; cast the ? to the column's type", "HY000");
        }
        bind(statement, i + 1, SqlTypeName.valueOf(type), root.get("?" + index));
      }
    };
  }

  private static void bind(PreparedStatement statement, int position, SqlTypeName type, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, type.getJdbcOrdinal());
    } else if (type == SqlTypeName.TIME && value instanceof Integer millis) {
      statement.setTime(position, Time.valueOf(LocalTime.ofNanoOfDay(millis * 1_000_000L)));
    } else if (DATETIMES.contains(type) && value instanceof Integer days) {
      // a DATE, also where Oracle's DATE column is a TIMESTAMP(0) to Calcite and the value came from setDate
      statement.setDate(position, Date.valueOf(LocalDate.ofEpochDay(days)));
    } else if (DATETIMES.contains(type) && value instanceof Long ms) {
      statement.setTimestamp(position, Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000L),
          (int) Math.floorMod(ms, 1000L) * 1_000_000, ZoneOffset.UTC)));
    } else {
      statement.setObject(position, value);
    }
  }
}
