package org.fusionjdbc.emulator.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.fusionjdbc.emulator.faults.Fault;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.query.QueryException;

/** One exchange in flight: what the journal records, plus helpers that write the response. */
final class Call {
  /**
   * Never closes open arrays and objects for a body that failed half-way: the client must see a broken body (and
   * retry), not a shorter page that parses, which it would take for the end of the collection.
   */
  static final JsonFactory JSON = JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_CONTENT).build();

  /** Writes a JSON body. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  final HttpExchange exchange;
  final long startNanos = System.nanoTime();
  final long seq;
  Map<String, String> params = Map.of();
  int framework;
  String authKind = "none";
  String principal;
  int status;
  int rows;
  long rowsExamined;
  long bytes;
  String fault;
  /** A body fault (drop, malformed, slow) to apply to the next JSON body, or null. */
  Fault bodyFault;
  FaultPlan plan;
  /** Journals the call; run just before the response completes, so a client never sees it missing. */
  Runnable recorder;
  private boolean recorded;
  /**
   * Frees the request's concurrency slot once its body is produced, before the last bytes go out. Behind any network
   * a pod has freed the slot before its client can read the end and send again; on loopback a release after the
   * last write raced the client's next request, and a client at exactly the cap was refused now and then.
   */
  Runnable slotRelease = () -> {};

  void record() {
    if (!recorded) {
      recorded = true;
      if (recorder != null) {
        recorder.run();
      }
    }
  }

  Call(HttpExchange exchange, long seq) {
    this.exchange = exchange;
    this.seq = seq;
  }

  /** Per-row and per-offset-row latency from the fault plan (deep offsets are slow on real pods). */
  void pageDelay(int rowCount, int offset) {
    if (plan == null) {
      return;
    }
    sleepMicros(rowCount * plan.perRowMicros() + (long) offset * plan.offsetCostMicrosPerRow());
  }

  static void sleepMicros(long micros) {
    if (micros <= 0) {
      return;
    }
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String method() {
    return exchange.getRequestMethod();
  }

  String path() {
    return exchange.getRequestURI().getPath();
  }

  String rawQuery() {
    return exchange.getRequestURI().getRawQuery();
  }

  /** Streams a JSON body (chunked) through Jackson; nothing is built in memory first. */
  void json(int code, String contentType, Body body) throws IOException {
    status = code;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (bodyFault != null && code == 200) {
      faultyJson(body);
      return;
    }
    exchange.sendResponseHeaders(code, 0);
    try (CountingStream out = new CountingStream(exchange.getResponseBody());
         JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      body.write(g);
      slotRelease.run();
      g.flush();
      bytes = out.count;
      record();
    }
  }

  /** Writes the body as a fault dictates: cut, dropped mid-way, or dribbled. */
  private void faultyJson(Body body) throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(buf, JsonEncoding.UTF8)) {
      body.write(g);
    }
    byte[] all = buf.toByteArray();
    bytes = bodyFault == Fault.SLOW_BODY ? all.length : all.length / 2;
    record();
    switch (bodyFault) {
      case MALFORMED_JSON -> {
        exchange.sendResponseHeaders(200, all.length / 2);
        exchange.getResponseBody().write(all, 0, all.length / 2);
      }
      case DROP_MID_BODY -> {
        exchange.sendResponseHeaders(200, all.length);
        OutputStream out = exchange.getResponseBody();
        out.write(all, 0, all.length / 2);
        out.flush();
        // An IOException escaping the handler makes the JDK server close the connection: the client
        // sees fewer bytes than Content-Length, as when a gateway drops a connection.
        throw new DroppedConnection();
      }
      default -> {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int off = 0; off < all.length; off += 512) {
          out.write(all, off, Math.min(512, all.length - off));
          out.flush();
          sleepMicros((plan == null ? 20 : plan.slowBodyDelayMs()) * 1000);
        }
      }
    }
  }

  void text(int code, String contentType, String text) throws IOException {
    status = code;
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    bytes = b.length;
    record();
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(b);
      }
    }
  }

  void empty(int code) throws IOException {
    status = code;
    record();
    exchange.sendResponseHeaders(code, -1);
    exchange.close();
  }

  /**
   * An error in the shape of the framework version: v4+ {@code o:errorDetails} JSON, earlier plain text
   * (contract §5.2).
   */
  void error(QueryException e) throws IOException {
    if (framework >= 4) {
      json(e.status(), "application/vnd.oracle.adf.error+json", g -> {
        g.writeStartObject();
        g.writeStringField("title", reason(e.status()));
        g.writeStringField("status", String.valueOf(e.status()));
        g.writeArrayFieldStart("o:errorDetails");
        g.writeStartObject();
        g.writeStringField("detail", e.getMessage());
        g.writeStringField("o:errorCode", e.code());
        g.writeStringField("o:errorPath", e.path());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      });
    } else {
      text(e.status(), "text/plain; charset=UTF-8", e.getMessage());
    }
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }

  /** Thrown to drop the connection on purpose. */
  static final class DroppedConnection extends IOException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("fault injected: connection dropped mid-body");
    }
  }

  /** Counts bytes and keeps the exchange's stream open semantics (close closes the exchange body). */
  static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
