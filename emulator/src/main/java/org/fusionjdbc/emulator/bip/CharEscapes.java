package org.fusionjdbc.emulator.bip;

/**
 * Rewrites a string character by character, as both proxy shapes escape their values; copies only once some character
 * is replaced, since most values need no escape.
 */
final class CharEscapes {
  /** The text standing for {@code c}, or null to keep {@code c}. */
  interface Rule {
    String replacement(char c);
  }

  private CharEscapes() {}

  static String apply(String s, Rule rule) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = rule.replacement(c);
      if (rep != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (rep != null) {
          out.append(rep);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
