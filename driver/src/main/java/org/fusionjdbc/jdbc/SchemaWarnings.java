package org.fusionjdbc.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.TreeSet;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.fusionjdbc.calcite.FusionSchema;

/**
 * What the Fusion schemas found out about themselves (a catalog that could not be read or is not available to the
 * user, a parent that could not be described), as SQLWarnings (01000) for every DatabaseMetaData result and for
 * {@code Connection.getWarnings()}: a family that shows no tables says why. Causes no request.
 */
final class SchemaWarnings {
  private SchemaWarnings() {
  }

  /** A fresh chain (null when there is nothing to say) for the Calcite connection {@code calcite}. */
  static SQLWarning of(Connection calcite) {
    SchemaPlus root;
    try {
      root = calcite.unwrap(CalciteConnection.class).getRootSchema();
    } catch (SQLException | RuntimeException e) {
      return null; // closed or not ours: nothing to report
    }
    SQLWarning head = null;
    for (String name : new TreeSet<>(root.subSchemas().getNames(LikePattern.any()))) {
      SchemaPlus s = root.subSchemas().get(name);
      FusionSchema fusion = s == null ? null : fusionSchema(s);
      if (fusion == null) {
        continue;
      }
      for (String text : fusion.warnings()) {
        SQLWarning w = new SQLWarning("Schema " + name + ": " + text, "01000");
        if (head == null) {
          head = w;
        } else {
          head.setNextWarning(w);
        }
      }
    }
    return head;
  }

  private static FusionSchema fusionSchema(SchemaPlus s) {
    try {
      return s.unwrap(FusionSchema.class);
    } catch (RuntimeException notFusion) {
      // BI Publisher's schemas, Calcite's metadata schema (a JdbcSchema answers with a NullPointerException)
      return null;
    }
  }

  /** {@code first} followed by {@code next}; either may be null. */
  static SQLWarning chain(SQLWarning first, SQLWarning next) {
    if (first == null) {
      return next;
    }
    if (next != null) {
      first.setNextWarning(next);
    }
    return first;
  }
}
