package org.fusionjdbc.emulator.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;

/**
 * {@code /__admin/...} for out-of-process tests, loopback callers only, no auth:
 * {@code GET /__admin/journal} (JSON array), {@code POST /__admin/journal/reset}.
 */
public final class AdminHandler implements HttpHandler {
  private final Journal journal;

  public AdminHandler(Journal journal) {
    this.journal = journal;
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
}
