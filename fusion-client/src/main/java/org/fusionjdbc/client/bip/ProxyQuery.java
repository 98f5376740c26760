package org.fusionjdbc.client.bip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.Cancellation;

/**
 * Oracle SELECTs through the fusion-jdbc proxy report (docs/bi-publisher.md §1): the SQL travels as one
 * parameter, gzip-compressed and base64-encoded so long statements fit BI Publisher's 4000-character
 * parameter limit; the rows come back with their column names and Oracle types. Paging (OFFSET/FETCH
 * windows) is the caller's job. Thread-safe.
 */
public final class ProxyQuery {
  /** BI Publisher parameters are VARCHAR2(4000). */
  public static final int MAX_PARAMETER_LENGTH = 4000;
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.bip");

  private final BipClient client;

  public ProxyQuery(BipClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Runs one SELECT or WITH query and streams its typed rows; the caller closes the stream. */
  public ProxyRowStream run(String oracleSql) {
    return run(oracleSql, null);
  }

  /**
   * Runs one SELECT or WITH query with the columns the caller expects ({@code null} when it does not know them).
   * The FJ1 proxy types the columns itself; the XMLGEN proxy describes nothing, so its text values are typed by
   * {@code expected} (VARCHAR2 text without it). With {@link ProxyShape#AUTO} the first run decides the shape for
   * the client: FJ1, or XMLGEN when the pod refuses FJ1 (see {@link ProxyRefusal}).
   */
  public ProxyRowStream run(String oracleSql, List<ProxyColumn> expected) {
    return run(oracleSql, expected, new Cancellation());
  }

  /**
   * As {@link #run(String, List)}, ended with CANCELLED by {@code cancel} from any thread until the rows start
   * arriving (a retry's wait included); from then on {@link ProxyRowStream#cancel()} aborts the rows.
   */
  public ProxyRowStream run(String oracleSql, List<ProxyColumn> expected, Cancellation cancel) {
    Objects.requireNonNull(oracleSql, "oracleSql");
    Objects.requireNonNull(cancel, "cancel");
    checkIsQuery(oracleSql);
    String encoded = encode(oracleSql);
    if (encoded.length() > MAX_PARAMETER_LENGTH) {
      throw FusionException.of(Kind.BAD_REQUEST, "the SQL is too long for BI Publisher: compressed and encoded it "
          + "takes " + encoded.length() + " characters, the limit is " + MAX_PARAMETER_LENGTH + "; shorten it "
          + "(fewer columns or a view)");
    }
    ProxyShape shape = client.shapeInUse();
    if (shape != ProxyShape.AUTO) {
      return run(shape, oracleSql, encoded, expected, cancel);
    }
    ProxyRowStream fj1;
    try {
      fj1 = run(ProxyShape.FJ1, oracleSql, encoded, expected, cancel);
    } catch (FusionException e) {
      if (!ProxyRefusal.isRefusal(e)) {
        if (e.fusionErrorCode() != null) {
          client.decideShape(ProxyShape.FJ1); // the query itself failed: the proxy's PL/SQL ran
        }
        throw e;
      }
      return fallBack(oracleSql, encoded, expected, e, cancel);
    }
    client.decideShape(ProxyShape.FJ1);
    return fj1;
  }

  /** Runs through one shape's report whatever the client's setting, deciding nothing (the installation check). */
  ProxyRowStream runAs(ProxyShape shape, String oracleSql, List<ProxyColumn> expected) {
    checkIsQuery(oracleSql);
    return run(shape, oracleSql, encode(oracleSql), expected, new Cancellation());
  }

  /** After FJ1 was refused: XMLGEN, remembered unless it fails the same way (then the query is at fault). */
  private ProxyRowStream fallBack(String sql, String encoded, List<ProxyColumn> expected, FusionException refusal,
      Cancellation cancel) {
    ProxyRowStream xml;
    try {
      xml = run(ProxyShape.XMLGEN, sql, encoded, expected, cancel);
    } catch (FusionException x) {
      if (x.fusionErrorCode() == null || x.fusionErrorCode().equals(refusal.fusionErrorCode())) {
        throw FusionException.builder(refusal.kind(), refusal.getMessage() + "; " + ProxyRefusal.fix(
            refusal.fusionErrorCode()) + ". The XMLGEN proxy " + client.settings().xmlgenReportPath()
            + " failed too: " + x.getMessage()).cause(x).httpStatus(refusal.httpStatus())
            .fusionDetail(refusal.fusionDetail()).fusionErrorCode(refusal.fusionErrorCode()).build();
      }
      client.decideShape(ProxyShape.XMLGEN);
      throw x;
    }
    LOG.warning("BI Publisher refused the FJ1 proxy report (" + refusal.fusionErrorCode() + "); this connection "
        + "uses the XMLGEN proxy " + client.settings().xmlgenReportPath() + " from now on");
    client.decideShape(ProxyShape.XMLGEN);
    return xml;
  }

  private ProxyRowStream run(ProxyShape shape, String sql, String encoded, List<ProxyColumn> expected,
      Cancellation cancel) {
    BipSettings s = client.settings();
    String path = shape == ProxyShape.XMLGEN ? s.xmlgenReportPath() : s.proxyReportPath();
    ReportResult report;
    try {
      report = client.runReport(ReportRequest.of(path).withParameter(s.proxyParameter(), encoded), cancel);
    } catch (FusionException e) {
      throw withoutSql(e, sql, encoded, s.proxyParameter());
    }
    return shape == ProxyShape.XMLGEN ? new XmlgenRowStream(report, path, expected)
        : new Fj1RowStream(report, path);
  }

  /** base64(gzip(UTF-8 SQL)), standard alphabet with padding and no line breaks (§1.1). */
  static String encode(String sql) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(sql.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("gzip into memory failed", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * Refuses, before any call, text whose first keyword (after blanks and comments) is not SELECT or WITH, and
   * a trailing semicolon; the proxy report checks the rest (ORA-20002).
   */
  static void checkIsQuery(String sql) {
    String s = stripLeadingComments(sql);
    String head = s.length() >= 6 ? s.substring(0, 6).toUpperCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
    boolean select = head.startsWith("SELECT") && (s.length() == 6 || !Character.isLetterOrDigit(s.charAt(6))
        && s.charAt(6) != '_');
    boolean with = head.startsWith("WITH") && s.length() > 4 && Character.isWhitespace(s.charAt(4));
    if (!select && !with) {
      throw FusionException.of(Kind.BAD_REQUEST, "only a single SELECT or WITH query can run through BI Publisher; "
          + "the text starts with '" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "'");
    }
    if (sql.strip().endsWith(";")) {
      throw FusionException.of(Kind.BAD_REQUEST, "remove the trailing ';': BI Publisher runs one query "
          + "without a terminator");
    }
  }

  private static String stripLeadingComments(String sql) {
    String s = sql.stripLeading();
    while (true) {
      if (s.startsWith("--")) {
        int nl = s.indexOf('\n');
        s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
      } else if (s.startsWith("/*")) {
        int end = s.indexOf("*/");
        s = end < 0 ? "" : s.substring(end + 2).stripLeading();
      } else {
        return s;
      }
    }
  }

  /** A fault keeps its whole text except the SQL (§1.4): the statement may be long and hold literal data. */
  private static FusionException withoutSql(FusionException e, String sql, String encoded, String parameter) {
    String message = cut(e.getMessage(), sql, encoded, parameter);
    String detail = cut(e.fusionDetail(), sql, encoded, parameter);
    if (Objects.equals(message, e.getMessage()) && Objects.equals(detail, e.fusionDetail())) {
      return e;
    }
    return FusionException.builder(e.kind(), message).cause(e.getCause()).httpStatus(e.httpStatus())
        .fusionDetail(detail).fusionErrorCode(e.fusionErrorCode()).retryable(e.retryable()).build();
  }

  private static String cut(String text, String sql, String encoded, String parameter) {
    if (text == null) {
      return null;
    }
    String t = text.replace(encoded, "<" + parameter + ">");
    String trimmed = sql.strip();
    return trimmed.isEmpty() ? t : t.replace(trimmed, "<the SQL>");
  }
}
