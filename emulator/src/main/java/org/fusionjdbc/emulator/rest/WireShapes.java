package org.fusionjdbc.emulator.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.fusionjdbc.emulator.data.DataSet;

/**
 * How far the emulator imitates what recordings of real pods show beyond the contract's clean examples
 * (docs/fusion-rest-contract.md §6), and which discovery faults it plays. By default ({@link #observed()}) values
 * come as real pods send them and no discovery fault is played; {@link #clean()} keeps the contract's examples.
 *
 * @param observedValues write values as real pods do: datetimes with a 3-digit fraction on some rows and none on
 *     others, some at a -07:00 offset (the same instant); non-key numbers sometimes as JSON strings, whole numbers
 *     with trailing zeros in exponent form ({@code 1.7842464E+12}), and an empty number as {@code ""}
 * @param unreadableCatalog the catalog ({@code describe?metadataMode=...}) answers 200 with a JSON object in a shape
 *     no client knows, as a pod did for a new user
 * @param familyStatus context roots that answer every request with this status (403: the user lacks the role;
 *     404: the pod has no such pillar)
 */
public record WireShapes(boolean observedValues, boolean unreadableCatalog, Map<String, Integer> familyStatus) {

  public WireShapes {
    Objects.requireNonNull(familyStatus, "familyStatus");
    familyStatus = Collections.unmodifiableMap(new LinkedHashMap<>(familyStatus));
    familyStatus.forEach((root, status) -> {
      if (!DataSet.ROOTS.contains(root)) {
        throw new IllegalArgumentException("unknown context root '" + root + "'; use one of " + DataSet.ROOTS);
      }
      if (status != 401 && status != 403 && status != 404) {
        throw new IllegalArgumentException("a family answers 401, 403 or 404, not " + status);
      }
    });
  }

  /** Values as recordings of real pods show them, no faults: the emulator's default. */
  public static WireShapes observed() {
    return new WireShapes(true, false, Map.of());
  }

  /** The contract's clean example shapes (one datetime form, numbers as numbers), no faults. */
  public static WireShapes clean() {
    return new WireShapes(false, false, Map.of());
  }

  public WireShapes withObservedValues(boolean v) {
    return new WireShapes(v, unreadableCatalog, familyStatus);
  }

  public WireShapes withUnreadableCatalog(boolean v) {
    return new WireShapes(observedValues, v, familyStatus);
  }

  /** {@code root} answers every request with {@code status} (401, 403 or 404). */
  public WireShapes withFamilyStatus(String root, int status) {
    Map<String, Integer> m = new LinkedHashMap<>(familyStatus);
    m.put(root, status);
    return new WireShapes(observedValues, unreadableCatalog, m);
  }
}
