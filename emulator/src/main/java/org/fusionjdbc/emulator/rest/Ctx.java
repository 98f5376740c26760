package org.fusionjdbc.emulator.rest;

import java.util.Set;

/**
 * Per-request rendering settings.
 *
 * @param apiBase e.g. {@code http://127.0.0.1:4711/fscmRestApi/resources/11.13.18.05}
 * @param framework effective REST-Framework-Version
 * @param linkRels link relations to write (null = all)
 * @param observedValues write non-key values in the shapes recorded from real pods ({@link ObservedValues})
 */
record Ctx(String apiBase, int framework, boolean onlyData, Set<String> linkRels, boolean datetimeMillis,
    int childLimit, boolean observedValues) {

  boolean writeLinks() {
    return !onlyData;
  }

  boolean rel(String rel) {
    return linkRels == null || linkRels.contains(rel);
  }
}
