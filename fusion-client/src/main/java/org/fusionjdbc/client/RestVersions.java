package org.fusionjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /<contextRoot>/resources/} says: the REST versions the pod serves and, where the pod advertises
 * them, its default and allowed REST-Framework-Version values. The request is small and authenticated, which
 * makes it the driver's liveness check.
 *
 * @param versions the version names, e.g. 11.13.18.05
 * @param defaultFrameworkVersion the framework the pod applies when no header is sent, if advertised
 * @param allowedFrameworkVersions the frameworks it accepts, empty when not advertised
 */
public record RestVersions(List<String> versions, Optional<String> defaultFrameworkVersion,
    List<String> allowedFrameworkVersions) {

  public RestVersions {
    versions = List.copyOf(versions);
    allowedFrameworkVersions = List.copyOf(allowedFrameworkVersions);
  }

  /** Tolerant: unknown keys are ignored; the extension block is read from the latest version's item. */
  static RestVersions parse(JsonNode root) {
    List<String> versions = new ArrayList<>();
    Optional<String> defaultFramework = Optional.empty();
    List<String> allowed = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String v = item.path("version").asText("");
      if (!v.isEmpty()) {
        versions.add(v);
      }
      JsonNode ext = item.path("adf:extension");
      boolean latest = item.path("isLatest").asBoolean(false);
      if (ext.isObject() && (latest || allowed.isEmpty())) {
        defaultFramework = ext.hasNonNull("defaultFrameworkVersion")
            ? Optional.of(ext.get("defaultFrameworkVersion").asText()) : defaultFramework;
        if (ext.path("allowedFrameworkVersions").isArray()) {
          allowed.clear();
          ext.get("allowedFrameworkVersions").forEach(a -> allowed.add(a.asText()));
        }
      }
    }
    return new RestVersions(versions, defaultFramework, allowed);
  }
}
