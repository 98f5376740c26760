package org.fusionjdbc.emulator.bip;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;

/**
 * Test fixture: a BipService on a real loopback HTTP server and a java.net.http client that speaks the
 * wire format independently of the emulator's code (its own envelope, encoder and FJ1 reader).
 */
final class BipClient implements AutoCloseable {

  static final String USER = "CASEY.BROWN";
  static final String PASSWORD = "welcome1:pw";

  final AuthService auth;
  final BipService service;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final URI uri;

  BipClient(BipOptions settings) {
    this.auth = AuthService.create(AuthSettings.builder().basicUser(USER, PASSWORD).build());
    this.service = BipService.create(settings, auth.authenticator());
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "bip-test-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext(BipService.SERVICE_PATH, service.httpHandler());
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BipService.SERVICE_PATH);
  }

  static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static String encodeSql(String sql) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(sql.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  static String envelope12(String reportPath, String paramValue) {
    return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
        + " xmlns:pub=\"http://xmlns.oracle.com/oxp/service/PublicReportService\"><soap:Header/><soap:Body>"
        + "<pub:runReport><pub:reportRequest><pub:attributeFormat>xml</pub:attributeFormat>"
        + "<pub:byPassCache>true</pub:byPassCache>"
        + "<pub:reportAbsolutePath>" + reportPath + "</pub:reportAbsolutePath>"
        + "<pub:sizeOfDataChunkDownload>-1</pub:sizeOfDataChunkDownload>"
        + "<pub:parameterNameValues><pub:item><pub:name>P_FJ_SQL</pub:name>"
        + "<pub:values><pub:item>" + paramValue + "</pub:item></pub:values></pub:item></pub:parameterNameValues>"
        + "</pub:reportRequest></pub:runReport></soap:Body></soap:Envelope>";
  }

  static String envelope11(String reportPath, String paramValue) {
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
        + "<runReport xmlns=\"http://xmlns.oracle.com/oxp/service/PublicReportService\"><reportRequest>"
        + "<reportAbsolutePath>" + reportPath + "</reportAbsolutePath>"
        + "<parameterNameValues><item><name>P_FJ_SQL</name><values><item>" + paramValue
        + "</item></values></item></parameterNameValues>"
        + "</reportRequest></runReport></s:Body></s:Envelope>";
  }

  HttpResponse<String> post(String contentType, String authorization, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs SQL with Basic over SOAP 1.2 at the default report path. */
  HttpResponse<String> sql(String sql) {
    return post("application/soap+xml;charset=UTF-8", basic(),
        envelope12(service.settings().reportPath(), encodeSql(sql)));
  }

  /** Runs SQL with Basic over SOAP 1.2 through the XMLGEN-shape report. */
  HttpResponse<String> xmlgen(String sql) {
    return post("application/soap+xml;charset=UTF-8", basic(),
        envelope12(service.settings().xmlgenReportPath(), encodeSql(sql)));
  }

  /** Runs SQL and returns the parsed result, failing on anything but 200. */
  Fj1Result query(String sql) {
    HttpResponse<String> r = sql(sql);
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }
    return Fj1Result.parse(resultText(r.body()));
  }

  /** reportBytes (by local name) → data XML → text of the first FJ_RESULT. */
  static String resultText(String envelope) {
    byte[] data = Base64.getDecoder().decode(textOf(envelope.getBytes(StandardCharsets.UTF_8), "reportBytes"));
    return textOf(data, "FJ_RESULT");
  }

  /** Text of the first element with this local name (also used for fault reasons). */
  static String textOf(byte[] xml, String localName) {
    try {
      XMLInputFactory f = XMLInputFactory.newFactory();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(localName)) {
          return r.getElementText();
        }
      }
      throw new AssertionError("no " + localName + " in " + new String(xml, StandardCharsets.UTF_8));
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new AssertionError("not XML: " + new String(xml, StandardCharsets.UTF_8), e);
    }
  }

  static String faultText(HttpResponse<String> r) {
    byte[] xml = r.body().getBytes(StandardCharsets.UTF_8);
    return r.body().contains("faultstring") ? textOf(xml, "faultstring") : textOf(xml, "Text");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    service.close();
  }
}
