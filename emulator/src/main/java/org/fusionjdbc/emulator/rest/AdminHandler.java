package org.fusionjdbc.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import org.fusionjdbc.emulator.faults.Fault;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;

/**
 * {@code /__admin/...} for out-of-process tests, loopback callers only, no auth:
 * {@code GET /__admin/journal} (JSON array), {@code POST /__admin/journal/reset}, and
 * {@code POST /__admin/faults} with a JSON plan: {@code {"reset":true, "latencyMs":50, "perRowMicros":0,
 * "offsetCostMicrosPerRow":0, "throttleRate":0.1, "unavailableRate":0, "retryAfterSeconds":2,
 * "maxConcurrent":4, "slowBodyDelayMs":20, "failNext":[{"fault":"ERROR_500","count":2}],
 * "failOn":{"17":"DROP_MID_BODY"}}} (every field optional; fault names as in {@link Fault}).
 */
public final class AdminHandler implements HttpHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Journal journal;
  private final FaultPlan faults;

  public AdminHandler(Journal journal, FaultPlan faults) {
    this.journal = journal;
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Call call = new Call(exchange, 0);
    try {
      if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
        call.text(403, "text/plain; charset=UTF-8", "admin endpoints answer loopback callers only");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/__admin/journal") && method.equals("GET")) {
        call.json(200, "application/json", g -> {
          g.writeStartArray();
          for (JournalEntry e : journal.entries()) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("method", e.method());
            g.writeStringField("path", e.path());
            g.writeStringField("query", e.rawQuery());
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, String> p : e.params().entrySet()) {
              g.writeStringField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("frameworkVersion", e.frameworkVersion());
            g.writeStringField("authKind", e.authKind());
            g.writeStringField("principal", e.principal());
            g.writeNumberField("status", e.status());
            g.writeNumberField("rows", e.rows());
            g.writeNumberField("rowsExamined", e.rowsExamined());
            g.writeNumberField("bytes", e.bytes());
            g.writeNumberField("durationMs", e.durationMs());
            g.writeStringField("fault", e.fault());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
      } else if (path.equals("/__admin/faults") && method.equals("POST")) {
        try {
          applyFaults(MAPPER.readTree(exchange.getRequestBody()));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
          call.text(400, "text/plain; charset=UTF-8", "bad fault plan: " + e.getMessage());
          return;
        }
        call.empty(204);
      } else if (path.equals("/__admin/journal/reset") && method.equals("POST")) {
        journal.clear();
        call.empty(204);
      } else {
        call.text(404, "text/plain; charset=UTF-8", "unknown admin endpoint " + method + " " + path);
      }
    } finally {
      exchange.close();
    }
  }

  private void applyFaults(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    if (n.path("reset").asBoolean(false)) {
      faults.reset();
    }
    if (n.has("latencyMs")) {
      faults.latencyMs(n.get("latencyMs").asLong());
    }
    if (n.has("perRowMicros")) {
      faults.perRowMicros(n.get("perRowMicros").asLong());
    }
    if (n.has("offsetCostMicrosPerRow")) {
      faults.offsetCostMicrosPerRow(n.get("offsetCostMicrosPerRow").asLong());
    }
    if (n.has("throttleRate")) {
      faults.throttleRate(n.get("throttleRate").asDouble());
    }
    if (n.has("unavailableRate")) {
      faults.unavailableRate(n.get("unavailableRate").asDouble());
    }
    if (n.has("retryAfterSeconds")) {
      faults.retryAfterSeconds(n.get("retryAfterSeconds").asInt());
    }
    if (n.has("maxConcurrent")) {
      faults.maxConcurrent(n.get("maxConcurrent").asInt());
    }
    if (n.has("slowBodyDelayMs")) {
      faults.slowBodyDelayMs(n.get("slowBodyDelayMs").asLong());
    }
    for (JsonNode f : n.path("failNext")) {
      faults.failNext(Fault.valueOf(f.get("fault").asText()), f.path("count").asInt(1));
    }
    n.path("failOn").fields().forEachRemaining(e ->
        faults.failOn(Fault.valueOf(e.getValue().asText()), Long.parseLong(e.getKey())));
  }
}
