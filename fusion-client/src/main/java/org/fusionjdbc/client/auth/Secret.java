package org.fusionjdbc.client.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (password, client secret, passphrase, token). {@link #toString()} never shows it, so a
 * settings object can be logged or printed safely; only {@link #reveal()} gives the value, at the point of use.
 */
public final class Secret {
  private final char[] value;

  private Secret(char[] value) {
    this.value = value.clone();
  }

  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value").toCharArray());
  }

  public static Secret of(char[] value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  public String reveal() {
    return new String(value);
  }

  public char[] revealChars() {
    return value.clone();
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "****";
  }
}
