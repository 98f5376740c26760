package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import javax.xml.stream.XMLStreamReader;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A 21 MB report decoded from a body that is generated while it is read: proves that reportBytes is decoded as
 * it arrives (the first bytes come out after a small fraction of the body) and never held as one String.
 */
class StreamingDecodeTest {
  private static final int BLOCK = 3000; // a multiple of 3: base64(block) repeated == base64(blocks)
  private static final int BLOCKS = 7000;

  /** Envelope prefix, then base64 blocks each followed by a line break, then the suffix; counts what it served. */
  private static final class GeneratedBody extends InputStream {
    private final byte[] prefix = SoapFixtures.responsePrefix(SoapFixtures.ENV12).getBytes(StandardCharsets.UTF_8);
    private final byte[] block;
    private final byte[] suffix = SoapFixtures.responseSuffix("text/xml").getBytes(StandardCharsets.UTF_8);
    private int part; // 0 prefix, 1..BLOCKS blocks, BLOCKS+1 suffix
    private int pos;
    long served;

    GeneratedBody(byte[] decodedBlock) {
      this.block = (Base64.getEncoder().encodeToString(decodedBlock) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (true) {
        byte[] current = part == 0 ? prefix : part <= BLOCKS ? block : part == BLOCKS + 1 ? suffix : null;
        if (current == null) {
          return -1;
        }
        if (pos < current.length) {
          int n = Math.min(len, current.length - pos);
          System.arraycopy(current, pos, b, off, n);
          pos += n;
          served += n;
          return n;
        }
        part++;
        pos = 0;
      }
    }
  }

  @Test
  void decodesTwentyMegabytesWhileTheBodyArrives() throws Exception {
    byte[] decodedBlock = new byte[BLOCK];
    new Random(42).nextBytes(decodedBlock);
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < BLOCKS; i++) {
      expected.update(decodedBlock);
    }
    GeneratedBody body = new GeneratedBody(decodedBlock);
    XMLStreamReader xml = SoapResponseReader.reader(body);
    assertThat(SoapResponseReader.advance(xml)).isInstanceOf(SoapResponseReader.Report.class);
    ReportResult result = new ReportResult(new BasicClassicHttpResponse(200), xml, "test");

    InputStream in = result.stream();
    byte[] first = in.readNBytes(1024);
    assertThat(first).hasSize(1024);
    long totalBody = (long) BLOCKS * (BLOCK / 3 * 4 + 1);
    assertThat(body.served).as("body bytes consumed before the first decoded KB").isLessThan(1 << 20)
        .isLessThan(totalBody / 20);

    MessageDigest actual = MessageDigest.getInstance("SHA-256");
    actual.update(first);
    byte[] buf = new byte[64 * 1024];
    long total = first.length;
    int n;
    while ((n = in.read(buf)) >= 0) {
      actual.update(buf, 0, n);
      total += n;
    }
    assertThat(total).isEqualTo((long) BLOCK * BLOCKS);
    assertThat(actual.digest()).isEqualTo(expected.digest());
    assertThat(result.complete()).isTrue();
    assertThat(result.contentType()).contains("text/xml");
    assertThat(result.bytesRead()).isEqualTo(total);
    assertThat(result.textEvents()).as("reportBytes arrived as many text events").isGreaterThan(100);
    assertThat(result.longestTextEvent()).as("no text event held the whole payload").isLessThan(1 << 20);
    in.close();
    in.close(); // idempotent
  }
}
