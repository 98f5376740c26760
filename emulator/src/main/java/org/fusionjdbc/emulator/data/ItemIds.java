package org.fusionjdbc.emulator.data;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Item ids in URLs (contract §1.2): a single integer key is the plain number; a composite key is an
 * opaque hex string in the style Fusion mints ({@code 00020000000EACED0005...}). The emulator only
 * accepts hex keys it could have minted: the decoded values must name an existing row exactly. With
 * {@code hashed} a single key is minted too (its second half a check value), as effective-dated resources are
 * keyed on real pods: a client that formats the key into a path gets 404.
 */
public final class ItemIds {
  private static final String PREFIX = "00020000000EACED00057708";
  private static final String MIDDLE = "0000000EACED00057708";
  private static final int LENGTH = PREFIX.length() + 16 + MIDDLE.length() + 16;

  private ItemIds() {}

  /** A mixed-in value that makes a single key's minted id unguessable from the key alone. */
  private static final long CHECK = 0x5DEECE66DL;

  /** The id of a row of {@code def} as it appears in URLs. */
  public static String idOf(ResourceDef def, Object[] row) {
    return idOf(def, row, false);
  }

  /** The id of a row; {@code hashed}: a single key is minted as an opaque hex key as well. */
  public static String idOf(ResourceDef def, Object[] row, boolean hashed) {
    HexFormat hex = HexFormat.of().withUpperCase();
    if (def.keyAttributes().size() == 1) {
      Object key = row[def.indexOf(def.keyAttributes().get(0))];
      return hashed && key instanceof Long l ? PREFIX + hex.toHexDigits(l) + MIDDLE + hex.toHexDigits(check(l))
          : String.valueOf(key);
    }
    long first = (Long) row[def.indexOf(def.keyAttributes().get(0))];
    LocalDate second = (LocalDate) row[def.indexOf(def.keyAttributes().get(1))];
    return PREFIX + hex.toHexDigits(first) + MIDDLE + hex.toHexDigits(second.toEpochDay());
  }

  /** The second half of a minted single-key id. */
  static long check(long key) {
    return Long.rotateLeft(key * CHECK, 17) ^ CHECK;
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
