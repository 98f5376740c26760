package org.fusionjdbc.emulator.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.fusionjdbc.emulator.auth.AuthResult;
import org.fusionjdbc.emulator.auth.Authenticator;
import org.fusionjdbc.emulator.data.DataSet;
import org.fusionjdbc.emulator.data.ItemIds;
import org.fusionjdbc.emulator.data.ResourceDef;
import org.fusionjdbc.emulator.data.Table;
import org.fusionjdbc.emulator.faults.Fault;
import org.fusionjdbc.emulator.faults.FaultPlan;
import org.fusionjdbc.emulator.journal.Journal;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.query.QueryEngine;
import org.fusionjdbc.emulator.query.QueryException;

/**
 * Routes {@code /{root}/resources/...}: authentication first (401, empty body), then the framework
 * header (400 when not 1..9), then GET only (405), then the resource paths. Every call is journaled.
 */
public final class RestHandler implements HttpHandler {
  public static final String VERSION = "11.13.18.05";
  static final String ITEM_TYPE = "application/vnd.oracle.adf.resourceitem+json";
  static final String DESCRIBE_TYPE = "application/vnd.oracle.adf.description+json";
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.emulator.rest");

  private final RestOptions options;
  private final DataSet data;
  private final Authenticator auth;
  private final Journal journal;
  private final Collections collections;
  private final String baseUrl;
  private final FaultPlan faults;

  public RestHandler(RestOptions options, DataSet data, Authenticator auth, Journal journal, QueryEngine engine,
      FaultPlan faults, String baseUrl) {
    this.faults = faults;
    this.options = options;
    this.data = data;
    this.auth = auth;
    this.journal = journal;
    this.collections = new Collections(options, engine);
    this.baseUrl = baseUrl;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Call call = new Call(exchange, journal.nextSeq());
    call.recorder = () -> journal(call);
    try {
      call.params = Params.parse(call.rawQuery());
      route(call);
    } catch (QueryException e) {
      call.error(e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "emulator failure on " + call.path(), e);
      call.empty(500);
    } finally {
      call.record();
      exchange.close(); // with fewer bytes than Content-Length written, this closes the connection
    }
  }

  private void journal(Call call) {
    long ms = (System.nanoTime() - call.startNanos) / 1_000_000;
    journal.add(new JournalEntry(call.seq, call.method(), call.path(), call.rawQuery(), call.params, call.framework,
        call.authKind, call.principal, call.status, call.rows, call.rowsExamined, call.bytes, ms, call.fault));
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(call.method() + " " + call.path() + (call.rawQuery() == null ? "" : "?" + call.rawQuery()) + " -> "
          + call.status + " " + ms + " ms, " + call.rows + " rows");
    }
  }

  private void route(Call call) throws IOException {
    String[] seg = call.path().split("/");
    // seg[0] is empty (leading slash); seg[1] root, seg[2] "resources"
    if (seg.length < 3 || !DataSet.ROOTS.contains(seg[1]) || !seg[2].equals("resources")) {
      throw QueryException.notFound("No resource at " + call.path() + ".");
    }
    FaultPlan.Decision d = faults.admit(call.seq);
    Runnable release = d.admitted() ? new ReleaseOnce(faults) : () -> {};
    call.slotRelease = release;
    try {
      call.fault = d.label();
      call.plan = faults;
      if (!injected(call, d)) {
        Call.sleepMicros(faults.latencyMs() * 1000);
        call.bodyFault = d.fault();
        authenticated(call, seg);
      }
    } finally {
      release.run();
    }
  }

  /** Answers the faults that replace the whole response; true when it did. */
  private boolean injected(Call call, FaultPlan.Decision d) throws IOException {
    Fault f = d.fault();
    if (f == null) {
      return false;
    }
    switch (f) {
      case THROTTLE_429 -> {
        call.exchange.getResponseHeaders().set("Retry-After",
            d.admitted() ? String.valueOf(faults.retryAfterSeconds()) : "1");
        call.empty(429);
      }
      case UNAVAILABLE_503 -> call.text(503, "text/html; charset=UTF-8", "<html><head><title>503 Service "
          + "Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to "
          + "service your request due to maintenance downtime or capacity problems.</p></body></html>");
      case ERROR_500 -> call.empty(500);
      case HTML_200 -> call.text(200, "text/html; charset=UTF-8", "<html><head><title>Sign In</title></head>"
          + "<body><form action=\"/oam/server/auth_cred_submit\">Oracle Applications Cloud</form></body></html>");
      default -> {
        return false;
      }
    }
    return true;
  }

  private void authenticated(Call call, String[] seg) throws IOException {
    AuthResult who = auth.authenticate(call.exchange.getRequestHeaders().getFirst("Authorization"));
    call.authKind = who.kind();
    call.principal = who.principal();
    if (!who.accepted()) {
      call.exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"fusion\"");
      call.empty(401);
      return;
    }
    call.framework = framework(call.exchange.getRequestHeaders().getFirst("REST-Framework-Version"));
    if (!call.method().equals("GET")) {
      call.exchange.getResponseHeaders().set("Allow", "GET");
      throw new QueryException(405, QueryException.PARAMETER, "Method " + call.method()
          + " is not allowed: the emulator is read-only and serves GET only.", null);
    }
    String root = seg[1];
    Integer familyStatus = options.wireShapes().familyStatus().get(root);
    if (familyStatus != null) {
      // a pillar this pod lacks (404) or one the user has no role for (403): every path under it answers so
      throw new QueryException(familyStatus, QueryException.NOT_FOUND, familyStatus == 404
          ? "No resources at " + call.path() + "." : "The user is not authorized to access " + root + ".", null);
    }
    String rootBase = baseUrl + "/" + root + "/resources";
    if (seg.length == 3) {
      call.json(200, "application/json", g -> DescribeWriter.versions(g, rootBase, options.defaultFrameworkVersion()));
      return;
    }
    String ver = seg[3];
    if (!ver.equals(VERSION) && !ver.equals("latest")) {
      throw QueryException.notFound("Version " + ver + " is not found; use " + VERSION + " or latest.");
    }
    String apiBase = rootBase + "/" + ver;
    Ctx ctx = new Ctx(apiBase, call.framework, "true".equalsIgnoreCase(call.params.get("onlyData")),
        Collections.linkRels(call.params.get("links")), options.datetimeMillis(), options.childLimit(),
        options.wireShapes().observedValues());
    if (seg.length == 4) {
      throw QueryException.notFound("No resource named; use " + apiBase + "/<resource>.");
    }
    if (seg.length == 5 && seg[4].equals("describe")) {
      catalog(call, root, apiBase);
      return;
    }
    Table t = data.table(root, seg[4]);
    if (t == null) {
      throw QueryException.notFound("Resource " + seg[4] + " is not found in " + root + ".");
    }
    String collectionHref = apiBase + "/" + t.name();
    if (seg.length == 5) {
      collections.topLevel(call, ctx, t);
      return;
    }
    if (seg.length == 6 && seg[5].equals("describe")) {
      boolean minimal = "minimal".equals(call.params.get("metadataMode"));
      call.json(200, DESCRIBE_TYPE, g -> DescribeWriter.resource(g, t.def(), collectionHref, minimal));
      return;
    }
    int idx = data.indexOfItemId(t, seg[5]);
    if (idx < 0) {
      throw QueryException.notFound("Item " + seg[5] + " of resource " + t.name() + " is not found.");
    }
    Object[] row = t.row(idx);
    String itemHref = collectionHref + "/" + seg[5];
    if (seg.length == 6) {
      Projection proj = Projection.parse(t.def(), call.params.get("fields"), call.params.get("expand"));
      call.rows = 1;
      call.json(200, ITEM_TYPE, g -> ItemWriter.item(g, ctx, t.def(), row, proj, itemHref,
          c -> t.children(c, idx, row)));
      return;
    }
    if (seg.length < 8 || !seg[6].equals("child") || !t.def().children().containsKey(seg[7])) {
      throw QueryException.notFound("No child at " + call.path() + "; children of " + t.name() + ": "
          + t.def().children().keySet() + ".");
    }
    String child = seg[7];
    ResourceDef cdef = t.def().children().get(child).def();
    List<Object[]> kids = t.children(child, idx, row);
    String childHref = itemHref + "/child/" + child;
    if (seg.length == 8) {
      collections.child(call, ctx, cdef, kids, childHref, child);
      return;
    }
    if (seg.length == 9 && seg[8].equals("describe")) {
      call.json(200, DESCRIBE_TYPE, g -> DescribeWriter.resource(g, cdef, childHref));
      return;
    }
    if (seg.length == 9) {
      for (Object[] k : kids) {
        String id = ItemIds.idOf(cdef, k);
        if (id.equals(seg[8])) {
          Projection proj = Projection.parse(cdef, call.params.get("fields"), null);
          call.rows = 1;
          call.json(200, ITEM_TYPE, g -> ItemWriter.item(g, ctx, cdef, k, proj, childHref + "/" + id, c -> List.of()));
          return;
        }
      }
    }
    throw QueryException.notFound("Item " + (seg.length > 8 ? seg[8] : "") + " of child " + child + " is not found.");
  }

  private void catalog(Call call, String root, String apiBase) throws IOException {
    String mode = call.params.get("metadataMode");
    if (mode == null || !(mode.equals("list") || mode.equals("minimal"))) {
      throw QueryException.badRequest(QueryException.PARAMETER, "The catalog describe needs metadataMode=list or "
          + "metadataMode=minimal" + (mode == null ? "." : "; got '" + mode + "'."));
    }
    if (options.wireShapes().unreadableCatalog()) {
      // 200 and JSON, but in no shape of the contract (a new user's pod answered like this)
      call.json(200, DESCRIBE_TYPE, g -> {
        g.writeStartObject();
        g.writeObjectFieldStart("catalog");
        g.writeStringField("status", "pending");
        g.writeNumberField("entries", data.resourceNames(root).size());
        g.writeEndObject();
        g.writeEndObject();
      });
      return;
    }
    List<ResourceDef> defs = new ArrayList<>();
    for (String n : data.resourceNames(root)) {
      defs.add(data.table(n).def());
    }
    call.json(200, DESCRIBE_TYPE, g -> DescribeWriter.catalog(g, defs, apiBase, mode.equals("minimal")));
  }

  private int framework(String header) {
    if (header == null) {
      return options.defaultFrameworkVersion();
    }
    try {
      int v = Integer.parseInt(header.strip());
      if (v >= 1 && v <= 9) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the 400
    }
    throw QueryException.badRequest(QueryException.PARAMETER, "Invalid REST-Framework-Version '" + header
        + "'; supported versions are 1 to 9.");
  }

  /** Frees an admitted request's slot once, whether the body freed it first or the handler's end does. */
  private static final class ReleaseOnce implements Runnable {
    private final FaultPlan faults;
    private boolean released;

    ReleaseOnce(FaultPlan faults) {
      this.faults = faults;
    }

    @Override
    public void run() {
      if (!released) {
        released = true;
        faults.release();
      }
    }
  }
}
