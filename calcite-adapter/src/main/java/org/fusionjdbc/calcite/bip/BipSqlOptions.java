package org.fusionjdbc.calcite.bip;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Settings of the SQL side of the BI Publisher channel.
 *
 * @param enabled whether schemas {@code FUSION_DB} and {@code BIP} are added
 * @param owners database owners whose tables {@code FUSION_DB} exposes, in priority order (default FUSION)
 * @param windowSize rows per proxy run when a result is fetched in OFFSET/FETCH windows
 */
public record BipSqlOptions(boolean enabled, List<String> owners, int windowSize) {
  public static final int DEFAULT_WINDOW_SIZE = 5000;
  private static final Pattern OWNER = Pattern.compile("[A-Za-z][A-Za-z0-9_$#]{0,127}");

  public BipSqlOptions {
    owners = owners.stream().map(o -> o.strip().toUpperCase(Locale.ROOT)).toList();
    if (owners.isEmpty()) {
      throw new IllegalArgumentException("list at least one database owner for FUSION_DB, e.g. FUSION");
    }
    for (String o : owners) {
      if (!OWNER.matcher(o).matches()) {
        throw new IllegalArgumentException("'" + o + "' is not an Oracle owner name (letters, digits, _ $ #)");
      }
    }
    if (windowSize < 1 || windowSize > 1_000_000) {
      throw new IllegalArgumentException("the BI Publisher window size must be between 1 and 1000000: "
          + windowSize);
    }
  }

  /** The channel off. */
  public static BipSqlOptions disabled() {
    return new BipSqlOptions(false, List.of("FUSION"), DEFAULT_WINDOW_SIZE);
  }

  /** The channel on, owner FUSION, windows of 5000 rows. */
  public static BipSqlOptions defaults() {
    return new BipSqlOptions(true, List.of("FUSION"), DEFAULT_WINDOW_SIZE);
  }

  public BipSqlOptions withOwners(List<String> list) {
    return new BipSqlOptions(enabled, list, windowSize);
  }

  public BipSqlOptions withWindowSize(int rows) {
    return new BipSqlOptions(enabled, owners, rows);
  }
}
