package org.fusionjdbc.emulator.data;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Item ids in URLs (contract §1.2): a single integer key is the plain number; a composite key is an
 * opaque hex string in the style Fusion mints ({@code 00020000000EACED0005...}). The emulator only
 * accepts hex keys it could have minted: the decoded values must name an existing row exactly.
 */
public final class ItemIds {
  private static final String PREFIX = "00020000000EACED00057708";
  private static final String MIDDLE = "0000000EACED00057708";
  private static final int LENGTH = PREFIX.length() + 16 + MIDDLE.length() + 16;

  private ItemIds() {}

  /** The id of a row of {@code def} as it appears in URLs. */
  public static String idOf(ResourceDef def, Object[] row) {
    if (def.keyAttributes().size() == 1) {
      return String.valueOf(row[def.indexOf(def.keyAttributes().get(0))]);
    }
    long first = (Long) row[def.indexOf(def.keyAttributes().get(0))];
    LocalDate second = (LocalDate) row[def.indexOf(def.keyAttributes().get(1))];
    HexFormat hex = HexFormat.of().withUpperCase();
    return PREFIX + hex.toHexDigits(first) + MIDDLE + hex.toHexDigits(second.toEpochDay());
  }

  /** Decodes a minted composite id into (first key, epoch day of the date key), or null if malformed. */
  static long[] decodeComposite(String id) {
    String up = id.toUpperCase(Locale.ROOT);
    if (up.length() != LENGTH || !up.startsWith(PREFIX) || !up.startsWith(MIDDLE, PREFIX.length() + 16)) {
      return null;
    }
    try {
      long first = HexFormat.fromHexDigitsToLong(up, PREFIX.length(), PREFIX.length() + 16);
      long second = HexFormat.fromHexDigitsToLong(up, LENGTH - 16, LENGTH);
      return new long[] {first, second};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
