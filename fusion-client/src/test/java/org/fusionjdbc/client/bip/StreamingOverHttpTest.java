package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.junit.jupiter.api.Test;

/**
 * runReport over real HTTP hands out the first decoded bytes while the server is still holding back most of a
 * 21 MB report: the server pauses after 1 MB until the client has read its first kilobyte, which a client
 * that buffered the whole response (or the whole reportBytes text) could never do.
 */
class StreamingOverHttpTest {
  private static final int BLOCK = 3000;
  private static final int BLOCKS = 7000;

  @Test
  void firstBytesArriveBeforeTheServerHasSentMostOfTheReport() throws Exception {
    byte[] decodedBlock = new byte[BLOCK];
    new Random(11).nextBytes(decodedBlock);
    byte[] block = (Base64.getEncoder().encodeToString(decodedBlock) + "\n").getBytes(StandardCharsets.US_ASCII);
    CountDownLatch clientReadFirstBytes = new CountDownLatch(1);
    AtomicBoolean serverWasHeldBack = new AtomicBoolean();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bip-streaming-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext(BipSettings.DEFAULT_SERVICE_PATH, ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
      ex.sendResponseHeaders(200, 0); // chunked
      try (OutputStream out = ex.getResponseBody()) {
        out.write(SoapFixtures.responsePrefix(SoapFixtures.ENV12).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < BLOCKS; i++) {
          out.write(block);
          if (i == 250) { // about 1 MB of base64 sent out of 28 MB
            out.flush();
            serverWasHeldBack.set(clientReadFirstBytes.await(30, TimeUnit.SECONDS));
          }
        }
        out.write(SoapFixtures.responseSuffix("text/xml").getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < BLOCKS; i++) {
      expected.update(decodedBlock);
    }
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (BipClient bip = BipClient.open(FusionClientConfig.builder(base, new AuthConfig.Basic("u", Secret.of("p")))
        .build()); ReportResult result = bip.runReport(ReportRequest.of("/Custom/Big.xdo"))) {
      InputStream in = result.stream();
      byte[] first = in.readNBytes(1024);
      clientReadFirstBytes.countDown();
      MessageDigest actual = MessageDigest.getInstance("SHA-256");
      actual.update(first);
      byte[] buf = new byte[64 * 1024];
      long total = first.length;
      int n;
      while ((n = in.read(buf)) >= 0) {
        actual.update(buf, 0, n);
        total += n;
      }
      assertThat(serverWasHeldBack).as("the client read its first KB while the server paused").isTrue();
      assertThat(total).isEqualTo((long) BLOCK * BLOCKS);
      assertThat(actual.digest()).isEqualTo(expected.digest());
      assertThat(result.longestTextEvent()).isLessThan(1 << 20);
    } finally {
      clientReadFirstBytes.countDown();
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
