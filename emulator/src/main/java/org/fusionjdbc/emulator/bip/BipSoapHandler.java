package org.fusionjdbc.emulator.bip;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fusionjdbc.emulator.auth.AuthResult;
import org.fusionjdbc.emulator.auth.Authenticator;

/**
 * {@code POST /xmlpserver/services/ExternalReportWSSService}: authenticates like REST, then runs the
 * proxy report. Order of checks: method, Authorization, armed faults, content type, concurrency, envelope.
 */
final class BipSoapHandler implements HttpHandler {

  static final String PATH = "/xmlpserver/services/ExternalReportWSSService";
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.emulator.bip");
  private static final int MAX_REQUEST_BYTES = 1 << 20;

  /** What Oracle answers the FJ1 data set on a pod without EXECUTE on DBMS_SQL (line of its first DBMS_SQL call). */
  static final ProxyFailure REFUSED = ProxyFailure.ora(6550, "line 133, column 14:\nPLS-00201: identifier "
      + "'DBMS_SQL' must be declared\nORA-06550: line 133, column 5:\nPL/SQL: Statement ignored");

  private final BipOptions settings;
  private final Authenticator auth;
  private final SqlProxy proxy;
  private final BipJournal journal;
  private final Semaphore running;

  BipSoapHandler(BipOptions settings, Authenticator auth, SqlProxy proxy, BipJournal journal) {
    this.settings = settings;
    this.auth = auth;
    this.proxy = proxy;
    this.journal = journal;
    this.running = new Semaphore(settings.concurrencyLimit());
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    int status = 500;
    try (ex) {
      status = respond(ex);
    } finally {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine(ex.getRequestMethod() + " " + ex.getRequestURI() + " -> " + status + " in "
            + (System.nanoTime() - start) / 1_000_000 + " ms");
      }
    }
  }

  private int respond(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", "POST");
      return empty(ex, 405);
    }
    AuthResult who = auth.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
    if (!who.accepted()) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"BI Publisher\"");
      return empty(ex, 401);
    }
    SoapProtocol announced = SoapProtocol.ofContentType(ex.getRequestHeaders().getFirst("Content-Type"));
    Optional<BipFaults.Fault> injected = settings.faults().next();
    if (injected.isPresent()) {
      if (injected.get() instanceof BipFaults.HtmlPage page) {
        return html(ex, page.status());
      }
      BipFaults.SoapFault fault = (BipFaults.SoapFault) injected.get();
      return soap(ex, 500, announced == null ? SoapProtocol.SOAP_12 : announced, false, fault.text());
    }
    if (announced == null) {
      return empty(ex, 415);
    }
    if (!running.tryAcquire()) {
      return html(ex, 503); // the pods pile up sessions; the gateway turns callers away
    }
    try {
      return runReport(ex, announced, who.principal());
    } finally {
      running.release();
    }
  }

  private int runReport(HttpExchange ex, SoapProtocol announced, String principal) throws IOException {
    RunReportRequest req;
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      if (body.length > MAX_REQUEST_BYTES) {
        return soap(ex, 500, announced, true, "the request is larger than " + MAX_REQUEST_BYTES + " bytes");
      }
      req = RunReportRequest.parse(new java.io.ByteArrayInputStream(body));
    } catch (RunReportRequest.BadRequest e) {
      if (e.versionMismatch) {
        return send(ex, 500, SoapProtocol.SOAP_12, SoapEnvelopes.versionMismatch());
      }
      return soap(ex, 500, announced, true, e.getMessage());
    }
    if (req.version() != announced) {
      return send(ex, 500, SoapProtocol.SOAP_12, SoapEnvelopes.versionMismatch());
    }
    if (!"runReport".equals(req.operation())) {
      return soap(ex, 500, announced, true, "operation " + req.operation()
          + " is not supported by the emulated ExternalReportWSSService; use runReport");
    }
    boolean xmlgen = settings.xmlgenReportPath().equals(req.reportPath());
    if (!xmlgen && !settings.reportPath().equals(req.reportPath())) {
      return soap(ex, 500, announced, false, "oracle.xdo.webservice.exception.OperationFailedException: "
          + "PublicReportService::executeReport Failure: report definition not found or not accessible: "
          + req.reportPath());
    }
    if (req.format() != null && !req.format().isEmpty() && !"xml".equalsIgnoreCase(req.format())) {
      return soap(ex, 500, announced, false, "oracle.xdo.webservice.exception.InvalidParametersException: "
          + "PublicReportService::executeReport Failure: output format " + req.format()
          + " is not defined for report " + req.reportPath() + "; use xml");
    }
    List<String> values = req.parameters().getOrDefault(SqlProxy.PARAMETER, List.of());
    String value = values.isEmpty() ? null : values.get(0);
    long start = System.nanoTime();
    String sql = null;
    try {
      sql = proxy.decode(value);
      if (!xmlgen && settings.faults().dbmsSqlRefused()) {
        throw REFUSED; // the inline PL/SQL does not compile without EXECUTE on DBMS_SQL
      }
      SqlProxy.Result result = xmlgen ? proxy.runXmlgen(sql) : proxy.run(sql);
      byte[] data = SoapEnvelopes.proxyDataXml(dataModelName(req.reportPath()), value,
          xmlgen ? "FJ_XML" : "FJ_RESULT", result.text());
      if (data.length > settings.maxOutputBytes()) {
        throw ProxyFailure.server(SqlProxy.dataLimitText(settings.maxOutputBytes()));
      }
      journal.add(new BipJournal.Entry(Instant.now(), principal, sql, elapsed(start), result.rows(), "OK"));
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("proxy report returned " + result.rows() + " rows, " + data.length + " bytes");
      }
      return send(ex, 200, announced, SoapEnvelopes.runReportResponse(announced, data, "text/xml"));
    } catch (ProxyFailure f) {
      journal.add(new BipJournal.Entry(Instant.now(), principal, sql, elapsed(start), 0,
          f.code() == null ? "FAULT" : f.code()));
      return soap(ex, 500, announced, false, f.faultText());
    }
  }

  private static String dataModelName(String reportPath) {
    return reportPath.replace(".xdo", ".xdm").replace('/', '_');
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static int soap(HttpExchange ex, int status, SoapProtocol v, boolean sender, String text)
      throws IOException {
    return send(ex, status, v, SoapEnvelopes.fault(v, sender, text));
  }

  private static int send(HttpExchange ex, int status, SoapProtocol v, String xml) throws IOException {
    ex.getResponseHeaders().set("Content-Type", v.mediaType + ";charset=UTF-8");
    return write(ex, status, xml.getBytes(StandardCharsets.UTF_8));
  }

  private static int html(HttpExchange ex, int status) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
    return write(ex, status, SoapEnvelopes.htmlErrorPage(status).getBytes(StandardCharsets.UTF_8));
  }

  private static int empty(HttpExchange ex, int status) throws IOException {
    ex.getRequestBody().close();
    ex.sendResponseHeaders(status, -1);
    return status;
  }

  private static int write(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
    return status;
  }
}
