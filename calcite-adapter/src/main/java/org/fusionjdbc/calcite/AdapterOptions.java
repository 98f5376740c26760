package org.fusionjdbc.calcite;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fusionjdbc.calcite.bip.BipSqlOptions;

/**
 * Adapter settings the driver passes in.
 *
 * @param pushdown false keeps every operator in Calcite (differential testing, suspected pushdown bugs)
 * @param countPushdown whether COUNT(*) may be answered from Fusion's totalResults instead of counting the rows
 * @param schemas which REST families to expose, among {@code FSCM}, {@code HCM}, {@code CRM}
 * @param resources when present, only these resource names are exposed as tables
 * @param timeZone zone used to read DATE/TIMESTAMP values for JDBC (values on the wire are UTC)
 * @param bip the BI Publisher SQL channel (schemas FUSION_DB and BIP); off unless set
 */
public record AdapterOptions(boolean pushdown, boolean countPushdown, List<String> schemas,
    Optional<Set<String>> resources, ZoneId timeZone, BipSqlOptions bip) {

  public AdapterOptions {
    schemas = List.copyOf(schemas);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(bip, "bip");
  }

  /** COUNT(*) from totalResults, without the BI Publisher channel (the constructor before they existed). */
  public AdapterOptions(boolean pushdown, List<String> schemas, Optional<Set<String>> resources, ZoneId timeZone) {
    this(pushdown, true, schemas, resources, timeZone, BipSqlOptions.disabled());
  }

  /** A copy with the BI Publisher SQL channel set. */
  public AdapterOptions withBip(BipSqlOptions options) {
    return new AdapterOptions(pushdown, countPushdown, schemas, resources, timeZone, options);
  }

  public static AdapterOptions defaults() {
    return new AdapterOptions(true, List.of("FSCM", "HCM"), Optional.empty(), ZoneId.of("UTC"));
  }
}
