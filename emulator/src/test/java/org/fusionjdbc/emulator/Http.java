package org.fusionjdbc.emulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real HTTP client for the tests (java.net.http), with Basic auth and a framework version. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS);
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final String AUTH = "Basic " + java.util.Base64.getEncoder().encodeToString("tester:pw".getBytes(StandardCharsets.UTF_8));

  private Http() {}

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static HttpResponse<String> get(String url, Integer framework) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), framework, AUTH);
  }

  static HttpResponse<String> send(HttpRequest.Builder b, Integer framework, String auth) {
    if (framework != null) {
      b.header("REST-Framework-Version", String.valueOf(framework));
    }
    if (auth != null) {
      b.header("Authorization", auth);
    }
    // sendAsync + get(timeout) bounds the whole exchange, body included, so a broken server cannot hang a test
    try {
      return CLIENT.sendAsync(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
          .get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no complete response within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET that must answer 200; returns the parsed body. */
  static JsonNode ok(String url, Integer framework) {
    HttpResponse<String> r = get(url, framework);
    if (r.statusCode() != 200) {
      throw new AssertionError("expected 200 from " + url + " but got " + r.statusCode() + ": " + r.body());
    }
    return parse(r.body());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
