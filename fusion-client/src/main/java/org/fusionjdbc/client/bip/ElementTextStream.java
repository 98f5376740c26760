package org.fusionjdbc.client.bip;

import java.io.IOException;
import java.io.InputStream;

/** The base64 text of {@code reportBytes} as ASCII bytes, for a base64 decoding stream. */
final class ElementTextStream extends InputStream {
  private final ElementTextReader text;
  private final char[] buf = new char[8192];

  ElementTextStream(ElementTextReader text) {
    this.text = text;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = text.read(buf, 0, Math.min(len, buf.length));
    for (int i = 0; i < n; i++) {
      char c = buf[i];
      if (c > 127) {
        throw new IOException("reportBytes holds a non-base64 character U+" + Integer.toHexString(c));
      }
      b[off + i] = (byte) c;
    }
    return n;
  }
}
