package org.fusionjdbc.client.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Percent-encoding for Fusion URLs (contract §2.3 rule 2): every byte outside RFC 3986's unreserved set
 * ({@code A-Z a-z 0-9 - . _ ~}) is encoded, so {@code %}, {@code +}, space, {@code ;}, {@code &}, {@code #},
 * {@code '} and {@code =} in a q literal can never change the meaning of the query string.
 */
public final class UrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlEncoding() {
  }

  /** One query parameter, unencoded. */
  public record Param(String name, String value) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Encodes one path segment or parameter value (UTF-8 bytes, unreserved set only). */
  public static String encode(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }

  /** {@code a=1&b=2}, names and values encoded; empty string for no parameters. */
  public static String query(List<Param> params) {
    StringBuilder sb = new StringBuilder();
    for (Param p : params) {
      sb.append(sb.length() == 0 ? "" : "&").append(encode(p.name())).append('=').append(encode(p.value()));
    }
    return sb.toString();
  }

  /** Same as {@link #query} but unencoded, for trace lines a human reads (never carries secrets). */
  public static String readable(List<Param> params) {
    StringBuilder sb = new StringBuilder();
    for (Param p : params) {
      sb.append(sb.length() == 0 ? "" : "&").append(p.name()).append('=').append(p.value());
    }
    return sb.toString();
  }
}
