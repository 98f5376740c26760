package org.fusionjdbc.calcite;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Adapter settings the driver passes in.
 *
 * @param pushdown false keeps every operator in Calcite (differential testing, suspected pushdown bugs)
 * @param schemas which REST families to expose, among {@code FSCM}, {@code HCM}, {@code CRM}
 * @param resources when present, only these resource names are exposed as tables
 * @param timeZone zone used to read DATE/TIMESTAMP values for JDBC (values on the wire are UTC)
 */
public record AdapterOptions(boolean pushdown, List<String> schemas, Optional<Set<String>> resources,
    ZoneId timeZone) {

  public AdapterOptions {
    schemas = List.copyOf(schemas);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(timeZone, "timeZone");
  }

  public static AdapterOptions defaults() {
    return new AdapterOptions(true, List.of("FSCM", "HCM"), Optional.empty(), ZoneId.of("UTC"));
  }
}
